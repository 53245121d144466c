// useTranslation on i18next directly: re-renders when the language changes or strings are
// added. (react-i18next does the same and more — Trans, HOCs, Suspense — for 2.5 kB gzipped of
// the tracking page's 60 kB budget; this is what the app uses of it.)
import i18next, { type TFunction } from 'i18next';
import { useMemo, useSyncExternalStore } from 'react';

let version = 0;
const listeners = new Set<() => void>();
const bump = () => {
  version++;
  for (const fn of listeners) fn();
};
i18next.on('languageChanged', bump);
let storeWatched = false;

function subscribe(fn: () => void) {
  // The store exists once i18next is initialised, which happens before the first render.
  if (!storeWatched && i18next.store) {
    i18next.store.on('added', bump);
    storeWatched = true;
  }
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function useTranslation(): { t: TFunction; lng: string } {
  const v = useSyncExternalStore(subscribe, () => version);
  const lng = i18next.language;
  // A new `t` after each change (v counts them), so that memoised children see it too.
  const t = useMemo(
    () => ((...args: Parameters<TFunction>) => i18next.t(...args)) as TFunction,
    [v],
  );
  return { t, lng };
}

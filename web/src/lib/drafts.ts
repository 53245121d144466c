// A form's content kept in sessionStorage while it is being written, so that neither a reload
// nor an expired session (sign in again, come back) loses it. Cleared once sent. Written on
// every change, at once (not in an effect), so a reload right after typing keeps the last key.
import { useCallback, useState } from 'react';

const PREFIX = 'redress.draft.';

function readDraft<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function writeDraft(key: string, value: unknown): void {
  try {
    if (value === null) sessionStorage.removeItem(PREFIX + key);
    else sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    /* storage full or disabled: the form still works */
  }
}

export function useDraft<T extends object>(key: string, initial: T) {
  const [value, setValue] = useState<T>(() => ({ ...initial, ...(readDraft<T>(key) ?? {}) }));
  const update = useCallback(
    (next: T | ((prev: T) => T)) =>
      setValue((prev) => {
        const v = typeof next === 'function' ? (next as (p: T) => T)(prev) : next;
        writeDraft(key, v);
        return v;
      }),
    [key],
  );
  const clear = useCallback(() => {
    writeDraft(key, null);
    setValue(initial);
  }, [key, initial]);
  return [value, update, clear] as const;
}

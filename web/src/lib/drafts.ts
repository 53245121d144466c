// A form's content kept in sessionStorage while it is being written, so that neither a reload
// nor an expired session (sign in again, come back) loses it. Cleared once sent.
import { useCallback, useEffect, useState } from 'react';

const PREFIX = 'redress.draft.';

function readDraft<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function useDraft<T extends object>(key: string, initial: T) {
  const [value, setValue] = useState<T>(() => ({ ...initial, ...(readDraft<T>(key) ?? {}) }));
  useEffect(() => {
    try {
      sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      /* storage full or disabled: the form still works */
    }
  }, [key, value]);
  const clear = useCallback(() => {
    try {
      sessionStorage.removeItem(PREFIX + key);
    } catch {
      /* nothing kept */
    }
    setValue(initial);
  }, [key, initial]);
  return [value, setValue, clear] as const;
}

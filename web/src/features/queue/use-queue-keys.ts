// The queue's keyboard: j/k move to the next/previous complaint, Enter opens it, x selects it,
// / goes to the search box, ? shows the shortcuts. Ignored while typing in a field or in a
// dialog, and with Ctrl, Alt or Meta held (those keys belong to the browser). Whether a dialog
// is open is read from the page at each key, not from React state: the native dialog closes on
// Escape before React re-renders, and a key pressed in between must not be lost.
import { useEffect, useRef } from 'react';

export interface QueueKeys {
  move: (by: 1 | -1) => void;
  open: () => void;
  toggle: () => void;
  search: () => void;
  help: () => void;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

export function useQueueKeys(keys: QueueKeys): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target && (TYPING.has(target.tagName) || target.isContentEditable)) return;
      if (target?.closest('dialog') || document.querySelector('dialog[open]')) return;
      const k = ref.current;
      switch (e.key) {
        case 'j':
          k.move(1);
          break;
        case 'k':
          k.move(-1);
          break;
        case 'x':
          k.toggle();
          break;
        case '/':
          k.search();
          break;
        case '?':
          k.help();
          break;
        case 'Enter':
          // On a link Enter already follows it; elsewhere it opens the current complaint.
          if (target?.tagName === 'A' || target?.tagName === 'BUTTON') return;
          k.open();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

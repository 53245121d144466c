// A modal dialog on the native <dialog> element: the browser traps focus, Escape closes it,
// and focus returns to what opened it.
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="dialog-title"
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded border-4 border-slate-900 p-6 backdrop:bg-slate-900/60"
    >
      <h2 id="dialog-title" className="mb-4 text-xl font-bold">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

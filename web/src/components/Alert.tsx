// Messages about something that just happened. `status` is announced politely, `error` at once.
import type { ReactNode } from 'react';

const TONES = {
  success: 'border-green-800 bg-green-50 text-green-900',
  info: 'border-blue-800 bg-blue-50 text-slate-900',
  error: 'border-red-700 bg-red-50 text-red-900',
} as const;

export function Alert({
  tone = 'info',
  title,
  children,
}: {
  tone?: keyof typeof TONES;
  title?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`mb-6 border-l-8 p-4 ${TONES[tone]}`}
    >
      {title && <p className="font-bold">{title}</p>}
      {children}
    </div>
  );
}

/** A live region that is always in the page, so that changes to it are announced. */
export function LiveRegion({ children }: { children?: ReactNode }) {
  return (
    <div role="status" aria-live="polite" className="min-h-0">
      {children}
    </div>
  );
}

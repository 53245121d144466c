// A state in words, with colour as a second cue only.
import type { ReactNode } from 'react';

const TONES = {
  neutral: 'bg-slate-100 text-slate-900 border-slate-600',
  good: 'bg-green-100 text-green-900 border-green-800',
  warn: 'bg-amber-100 text-amber-950 border-amber-700',
  bad: 'bg-red-100 text-red-900 border-red-700',
} as const;
export type BadgeTone = keyof typeof TONES;

export function StatusBadge({
  tone = 'neutral',
  children,
}: {
  tone?: BadgeTone;
  children: ReactNode;
}) {
  return (
    <span
      className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}

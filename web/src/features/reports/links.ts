// The URLs of the screens that list the complaints behind a figure.
import type { CellParams } from './api.ts';
import { periodSearch, RETURN_KEYS, type Period } from './period.ts';

export function reportDrillHref(
  period: Period,
  report: string,
  groupBy: string,
  key: string,
  measure: string | null,
): string {
  const s = new URLSearchParams(periodSearch(period));
  s.set('report', report);
  s.set('groupBy', groupBy);
  s.set('key', key);
  if (measure) s.set('measure', measure);
  return `/dashboard/complaints?${s.toString()}`;
}

export function returnDrillHref(kind: string, period: Period, cell: CellParams): string {
  const s = new URLSearchParams(periodSearch(period, RETURN_KEYS));
  for (const [k, v] of Object.entries(cell)) if (v) s.set(k, v);
  return `/returns/${kind}/complaints?${s.toString()}`;
}

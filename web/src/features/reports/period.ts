// The period and policy a report screen shows, kept in its URL (`from`, `to`, `policy` on the
// dashboard; `periodStart`, `periodEnd`, `policy` on a return), so a view can be bookmarked and
// shared. Dates are whole days (YYYY-MM-DD); the API reads them in the policy's time zone.

export interface Period {
  from: string;
  to: string;
  policy: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** The first and last day of the months [m0, m0 + n) of year y (months may overflow). */
const months = (y: number, m0: number, n: number) => ({
  from: ymd(new Date(y, m0, 1)),
  to: ymd(new Date(y, m0 + n, 0)),
});

export const PRESETS = [
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'lastQuarter',
  'thisYear',
  'last12Months',
] as const;
export type Preset = (typeof PRESETS)[number];

export function presetPeriod(p: Preset, today = new Date()): { from: string; to: string } {
  const y = today.getFullYear();
  const m = today.getMonth();
  const q = m - (m % 3);
  switch (p) {
    case 'thisMonth':
      return months(y, m, 1);
    case 'lastMonth':
      return months(y, m - 1, 1);
    case 'thisQuarter':
      return months(y, q, 3);
    case 'lastQuarter':
      return months(y, q - 3, 3);
    case 'thisYear':
      return months(y, 0, 12);
    case 'last12Months':
      return { from: ymd(new Date(y, m - 11, 1)), to: ymd(today) };
  }
}

/** The dashboard's period from its URL; this quarter when none is given. */
export function readPeriod(search: string, keys = { from: 'from', to: 'to' }): Period {
  const s = new URLSearchParams(search);
  const fallback = presetPeriod('thisQuarter');
  const from = s.get(keys.from);
  const to = s.get(keys.to);
  const policy = s.get('policy');
  return {
    from: from && DATE.test(from) ? from : fallback.from,
    to: to && DATE.test(to) ? to : fallback.to,
    policy: policy && /^[a-z0-9][a-z0-9-]{0,99}$/.test(policy) ? policy : null,
  };
}

export function periodSearch(p: Period, keys = { from: 'from', to: 'to' }): string {
  const s = new URLSearchParams({ [keys.from]: p.from, [keys.to]: p.to });
  if (p.policy) s.set('policy', p.policy);
  return `?${s.toString()}`;
}

/** The query the report routes take. */
export const reportQuery = (p: Period) => ({
  from: p.from,
  to: p.to,
  ...(p.policy ? { policy: p.policy } : {}),
});

/** A return's default period: the last full half-year (FCA) or quarter (the others). */
export function defaultReturnPeriod(
  kind: string,
  today = new Date(),
): { from: string; to: string } {
  if (kind !== 'fca-disp') return presetPeriod('lastQuarter', today);
  const y = today.getFullYear();
  return today.getMonth() < 6 ? months(y - 1, 6, 6) : months(y, 0, 6);
}

export const RETURN_KEYS = { from: 'periodStart', to: 'periodEnd' };

// The queue's state in its URL: filters, search, order and the saved view, so that a view can
// be bookmarked, shared and restored with Back. Dates are whole days in the person's own time
// zone; the API is given the instants that bound them.

export const FILTER_KEYS = [
  'status',
  'policy',
  'channel',
  'department',
  'assignee',
  'flag',
  'overdue',
  'clock',
  'receivedFrom',
  'receivedTo',
  'category',
  'open',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
const OTHER_KEYS = ['q', 'sort', 'view'] as const;
type Key = FilterKey | (typeof OTHER_KEYS)[number];

export type QueueParams = Partial<Record<Key, string>>;

export function readParams(search: string): QueueParams {
  const s = new URLSearchParams(search);
  const out: QueueParams = {};
  for (const k of [...FILTER_KEYS, ...OTHER_KEYS]) {
    const v = s.get(k);
    if (v) out[k] = v;
  }
  return out;
}

export function toSearch(p: QueueParams): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v) s.set(k, v);
  const str = s.toString();
  return str ? `?${str}` : '';
}

/** How many filters are on (search, order and view not counted; "open" is the default). */
export const activeFilterCount = (p: QueueParams) =>
  FILTER_KEYS.filter((k) => k !== 'open' && p[k]).length;

const dayStart = (day: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d! + plusDays).toISOString();
};

/** The GET /complaints query for these params. Open complaints only, unless a status is
 *  chosen or the URL says open=false. */
export function apiQuery(p: QueueParams): Record<string, string> {
  const q: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = p[k];
    if (!v || k === 'receivedFrom' || k === 'receivedTo' || k === 'open') continue;
    q[k] = v;
  }
  if (p.open === 'true' || p.open === 'false') q.open = p.open;
  else if (!p.status) q.open = 'true';
  if (p.open === 'all') delete q.open;
  if (p.receivedFrom && /^\d{4}-\d{2}-\d{2}$/.test(p.receivedFrom)) {
    q.receivedFrom = dayStart(p.receivedFrom);
  }
  if (p.receivedTo && /^\d{4}-\d{2}-\d{2}$/.test(p.receivedTo)) {
    q.receivedBefore = dayStart(p.receivedTo, 1);
  }
  if (p.q) q.q = p.q;
  if (p.sort) q.sort = p.sort;
  return q;
}

// Fast UTC ⇄ local wall-clock conversion for one IANA zone.
// Offsets come from Intl (Node's ICU has full tzdata); the zone's transitions are found once
// per year and kept, so conversions afterwards are a binary search, not an Intl call.

const HOUR = 3_600_000;
const DAY = 86_400_000;

function intlOffset(fmt: Intl.DateTimeFormat, utcMs: number): number {
  const parts = fmt.formatToParts(utcMs);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour') % 24,
    get('minute'),
    get('second'),
  );
  // formatToParts drops milliseconds; offsets are whole seconds in every modern zone.
  return local - Math.floor(utcMs / 1000) * 1000;
}

export class TimeZone {
  readonly name: string;
  private readonly fmt: Intl.DateTimeFormat;
  /** Sorted instants at which the offset changes, and the offset from each one on. */
  private transitions: number[] = [];
  private offsets: number[] = [];
  private fromYear = 0;
  private toYear = -1;
  private baseOffset = 0;

  constructor(name: string) {
    this.name = name;
    this.fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  }

  /** Local minus UTC, in milliseconds, at a UTC instant. */
  offsetAt(utcMs: number): number {
    const year = new Date(utcMs).getUTCFullYear();
    if (year <= this.fromYear || year >= this.toYear) this.cover(year - 1, year + 1);
    const t = this.transitions;
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (t[mid]! <= utcMs) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? this.baseOffset : this.offsets[lo - 1]!;
  }

  /** The UTC instant of a local wall-clock time (given as ms since 1970 as if it were UTC).
   *  A time skipped by a clock change moves forward; a repeated time takes the earlier one. */
  toUtc(localMs: number): number {
    const before = this.offsetAt(localMs - DAY);
    const after = this.offsetAt(localMs + DAY);
    if (before === after) return localMs - before;
    const validBefore = this.offsetAt(localMs - before) === before;
    const validAfter = this.offsetAt(localMs - after) === after;
    if (validBefore && validAfter) return Math.min(localMs - before, localMs - after);
    if (validBefore) return localMs - before;
    if (validAfter) return localMs - after;
    return localMs - before; // in the gap: the wall clock had not yet moved forward
  }

  toLocal(utcMs: number): number {
    return utcMs + this.offsetAt(utcMs);
  }

  /** Extends the table of transitions to cover the years [from, to]. */
  private cover(from: number, to: number): void {
    const lo = Math.min(from, this.toYear < this.fromYear ? from : this.fromYear);
    const hi = Math.max(to, this.toYear < this.fromYear ? to : this.toYear);
    const start = Date.UTC(lo, 0, 1) - DAY;
    const end = Date.UTC(hi + 1, 0, 1) + DAY;
    const transitions: number[] = [];
    const offsets: number[] = [];
    this.baseOffset = intlOffset(this.fmt, start);
    let prev = this.baseOffset;
    // Sample twice a day; transitions are never closer than that in real zones.
    for (let t = start + DAY / 2; t <= end; t += DAY / 2) {
      const o = intlOffset(this.fmt, t);
      if (o === prev) continue;
      // Narrow the change down to the second.
      let a = t - DAY / 2;
      let b = t;
      while (b - a > 1000) {
        const m = a + Math.floor((b - a) / 2000) * 1000;
        if (intlOffset(this.fmt, m) === prev) a = m;
        else b = m;
      }
      transitions.push(b);
      offsets.push(o);
      prev = o;
    }
    this.transitions = transitions;
    this.offsets = offsets;
    this.fromYear = lo;
    this.toYear = hi;
  }
}

const zones = new Map<string, TimeZone>();

export function timeZone(name: string): TimeZone {
  let z = zones.get(name);
  if (!z) {
    z = new TimeZone(name);
    zones.set(name, z);
  }
  return z;
}

export { HOUR, DAY };

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

  /**
   * Extends the table of transitions to cover the years [from, to], sampling only the years it
   * does not hold yet. A range far from the one held replaces it, so that one question about
   * 2199 does not sample every day since 2026.
   */
  private cover(from: number, to: number): void {
    const held = this.toYear >= this.fromYear;
    if (!held || to < this.fromYear - FAR_YEARS || from > this.toYear + FAR_YEARS) {
      const start = Date.UTC(from, 0, 1) - DAY;
      this.baseOffset = intlOffset(this.fmt, start);
      const found = this.sample(start, Date.UTC(to + 1, 0, 1) + DAY, this.baseOffset);
      this.transitions = found.transitions;
      this.offsets = found.offsets;
      this.fromYear = from;
      this.toYear = to;
      return;
    }
    if (from < this.fromYear) {
      const start = Date.UTC(from, 0, 1) - DAY;
      const base = intlOffset(this.fmt, start);
      // Up to and including the old start, whose offset was the old base offset.
      const found = this.sample(start, Date.UTC(this.fromYear, 0, 1) - DAY, base);
      this.transitions = [...found.transitions, ...this.transitions];
      this.offsets = [...found.offsets, ...this.offsets];
      this.baseOffset = base;
      this.fromYear = from;
    }
    if (to > this.toYear) {
      const last =
        this.offsets.length > 0 ? this.offsets[this.offsets.length - 1]! : this.baseOffset;
      const found = this.sample(
        Date.UTC(this.toYear + 1, 0, 1) + DAY,
        Date.UTC(to + 1, 0, 1) + DAY,
        last,
      );
      this.transitions.push(...found.transitions);
      this.offsets.push(...found.offsets);
      this.toYear = to;
    }
  }

  /** The transitions in (start, end], given the offset at start; both whole days apart. */
  private sample(start: number, end: number, offset: number) {
    const transitions: number[] = [];
    const offsets: number[] = [];
    let prev = offset;
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
    return { transitions, offsets };
  }
}

/** How many years apart a new range may be and still be joined to the one held. */
const FAR_YEARS = 4;

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

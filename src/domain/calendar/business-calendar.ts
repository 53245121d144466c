// A business calendar: which local days are working days and when the office is open,
// for one policy (timezone, holiday region, added/removed dates, working weekdays, opening hours).
//
// Everything is answered from per-day tables (start instant of each local day, working flag,
// running totals of working days, working time and opening time), so a deadline is a couple of
// binary searches rather than a walk over the days. The tables cover a range of years and grow
// on demand.
import type { CalendarConfig, CalendarDay, Weekday } from '../policy/schema.ts';
import { holidaySource, type HolidaySource } from './holidays.ts';
import { DAY, timeZone, type TimeZone } from './timezone.ts';

const WEEKDAY_INDEX: Record<Weekday, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};
const MIN_YEAR = 1971;
const MAX_YEAR = 2199;

export class CalendarRangeError extends RangeError {}

function dateOf(day: CalendarDay): string {
  return typeof day === 'string' ? day : day.date;
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY;
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export class BusinessCalendar {
  readonly zone: TimeZone;
  private readonly holidays: HolidaySource;
  private readonly added: Map<string, string>;
  private readonly removed: Set<string>;
  private readonly weekdays: boolean[];
  private readonly openMin: number;
  private readonly closeMin: number;

  // Tables over local days d0 … d0+n-1 (index i is day d0+i).
  private d0 = 0;
  private n = 0;
  private firstYear = 0;
  private lastYear = -1;
  /** start[i]: UTC instant of local midnight starting day i; start[n] ends the range. */
  private start = new Float64Array(0);
  private working = new Uint8Array(0);
  /** Running totals before day i: working days, working ms, opening-hours ms. */
  private cumDays = new Int32Array(0);
  private cumWork = new Float64Array(0);
  private cumOpen = new Float64Array(0);
  private open = new Float64Array(0);
  private close = new Float64Array(0);
  private names = new Map<number, string>();

  constructor(timezone: string, config: CalendarConfig) {
    this.zone = timeZone(timezone);
    this.holidays = holidaySource(config.holidays);
    this.added = new Map(
      config.add.map((d) => [dateOf(d), typeof d === 'string' ? 'added' : (d.name ?? 'added')]),
    );
    this.removed = new Set(config.remove.map(dateOf));
    this.weekdays = Array.from({ length: 7 }, () => false);
    for (const d of config.workingDays) this.weekdays[WEEKDAY_INDEX[d]] = true;
    this.openMin = minutes(config.openingHours.start);
    this.closeMin = minutes(config.openingHours.end);
  }

  // ---- days -------------------------------------------------------------------------------

  /** Index into the tables of the local day holding a UTC instant. */
  private indexAt(utcMs: number): number {
    this.coverInstant(utcMs);
    const start = this.start;
    let i = Math.floor((utcMs - start[0]!) / DAY);
    if (i < 0) i = 0;
    if (i >= this.n) i = this.n - 1;
    while (start[i]! > utcMs) i--;
    while (start[i + 1]! <= utcMs) i++;
    return i;
  }

  private coverInstant(utcMs: number): void {
    const year = new Date(utcMs).getUTCFullYear();
    if (year <= this.firstYear || year >= this.lastYear) this.cover(year - 1, year + 1);
  }

  private cover(from: number, to: number): void {
    const empty = this.lastYear < this.firstYear;
    const lo = Math.max(MIN_YEAR - 1, Math.min(from, empty ? from : this.firstYear));
    const hi = Math.min(MAX_YEAR + 1, Math.max(to, empty ? to : this.lastYear));
    if (from < MIN_YEAR - 1 || to > MAX_YEAR + 1) {
      throw new CalendarRangeError(`dates must lie between ${MIN_YEAR} and ${MAX_YEAR}`);
    }
    if (!empty && lo === this.firstYear && hi === this.lastYear) return;
    const d0 = Date.UTC(lo, 0, 1) / DAY;
    const n = Date.UTC(hi + 1, 0, 1) / DAY - d0;
    const holidays = new Map<string, string>();
    for (let y = lo - 1; y <= hi + 1; y++) {
      for (const [date, name] of this.holidays.datesIn(y)) holidays.set(date, name);
    }
    const start = new Float64Array(n + 1);
    const working = new Uint8Array(n);
    const open = new Float64Array(n);
    const close = new Float64Array(n);
    const cumDays = new Int32Array(n + 1);
    const cumWork = new Float64Array(n + 1);
    const cumOpen = new Float64Array(n + 1);
    const names = new Map<number, string>();
    for (let i = 0; i <= n; i++) start[i] = this.zone.toUtc((d0 + i) * DAY);
    for (let i = 0; i < n; i++) {
      const day = d0 + i;
      const date = dateOfDayNumber(day);
      const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday
      let isWorking = this.weekdays[weekday]!;
      const holiday = this.added.get(date) ?? holidays.get(date);
      if (holiday !== undefined && isWorking) {
        isWorking = false;
        names.set(day, holiday);
      }
      if (this.removed.has(date)) isWorking = true;
      working[i] = isWorking ? 1 : 0;
      cumDays[i + 1] = cumDays[i]! + (isWorking ? 1 : 0);
      cumWork[i + 1] = cumWork[i]! + (isWorking ? start[i + 1]! - start[i]! : 0);
      if (isWorking) {
        open[i] = this.zone.toUtc(day * DAY + this.openMin * 60_000);
        close[i] = this.zone.toUtc(day * DAY + this.closeMin * 60_000);
      } else {
        open[i] = close[i] = start[i]!;
      }
      cumOpen[i + 1] = cumOpen[i]! + (close[i]! - open[i]!);
    }
    this.d0 = d0;
    this.n = n;
    this.start = start;
    this.working = working;
    this.open = open;
    this.close = close;
    this.cumDays = cumDays;
    this.cumWork = cumWork;
    this.cumOpen = cumOpen;
    this.names = names;
    this.firstYear = lo;
    this.lastYear = hi;
  }

  /** First index k in [lo, n] with table[k] >= target (tables are non-decreasing). */
  private static firstAtLeast(
    table: Float64Array | Int32Array,
    target: number,
    lo: number,
    n: number,
  ): number {
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (table[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Grows the tables until the running total reaches the target, then searches. */
  private searchForward(kind: 'days' | 'work' | 'open', target: number, lo: number): number {
    for (;;) {
      const table = kind === 'days' ? this.cumDays : kind === 'work' ? this.cumWork : this.cumOpen;
      if (table[this.n]! >= target) return BusinessCalendar.firstAtLeast(table, target, lo, this.n);
      if (this.lastYear >= MAX_YEAR + 1) {
        throw new CalendarRangeError('the deadline falls beyond the calendar range');
      }
      // Extending upwards keeps d0, so indices and running totals stay valid.
      this.cover(this.firstYear, this.lastYear + 4);
    }
  }

  // ---- questions a UI asks ------------------------------------------------------------------

  /** The local date (YYYY-MM-DD) of a UTC instant. */
  localDate(utcMs: number): string {
    const i = this.indexAt(utcMs); // may rebuild the tables, so before reading d0
    return dateOfDayNumber(this.d0 + i);
  }

  isWorkingDate(date: string): boolean {
    const day = dayNumber(date);
    const i = this.indexAt(this.zone.toUtc(day * DAY + DAY / 2));
    return this.working[i] === 1;
  }

  /** The holiday's name when a date is a holiday that falls on a working weekday. */
  holidayName(date: string): string | undefined {
    const day = dayNumber(date);
    this.indexAt(this.zone.toUtc(day * DAY + DAY / 2));
    return this.names.get(day);
  }

  isWorkingTime(utcMs: number): boolean {
    const i = this.indexAt(utcMs);
    return this.working[i] === 1;
  }

  isOpen(utcMs: number): boolean {
    const i = this.indexAt(utcMs);
    return this.working[i] === 1 && utcMs >= this.open[i]! && utcMs < this.close[i]!;
  }

  /** The first instant at or after t that is working time (t itself if it is). */
  nextWorkingInstant(utcMs: number): number {
    const i = this.indexAt(utcMs);
    if (this.working[i] === 1) return utcMs;
    const k = this.searchForward('days', this.cumDays[i + 1]! + 1, i + 1);
    return this.start[k - 1]!;
  }

  /** The first instant at or after t when the office is open. */
  nextOpenInstant(utcMs: number): number {
    const i = this.indexAt(utcMs);
    if (this.working[i] === 1 && utcMs < this.close[i]!) return Math.max(utcMs, this.open[i]!);
    const k = this.searchForward('days', this.cumDays[i + 1]! + 1, i + 1);
    return this.open[k - 1]!;
  }

  /** Working days (whole local dates) of a year, as YYYY-MM-DD. */
  workingDatesOf(year: number): string[] {
    const out: string[] = [];
    const first = Date.UTC(year, 0, 1) / DAY;
    const last = Date.UTC(year + 1, 0, 1) / DAY;
    this.indexAt(this.zone.toUtc(first * DAY + DAY / 2));
    this.indexAt(this.zone.toUtc((last - 1) * DAY + DAY / 2));
    for (let day = first; day < last; day++)
      if (this.working[day - this.d0] === 1) out.push(dateOfDayNumber(day));
    return out;
  }

  /** Non-working weekdays of a year with their names (holidays and added dates). */
  holidaysOf(year: number): { date: string; name: string }[] {
    this.workingDatesOf(year);
    const out: { date: string; name: string }[] = [];
    for (const [day, name] of this.names) {
      const date = dateOfDayNumber(day);
      if (date.startsWith(`${year}-`)) out.push({ date, name });
    }
    return out.sort((a, b) => a.date.localeCompare(b.date));
  }

  // ---- measures of elapsed time -------------------------------------------------------------

  /** Working time (ms on working days) from the start of the tables to t. */
  private workBefore(utcMs: number): number {
    const i = this.indexAt(utcMs);
    return this.cumWork[i]! + (this.working[i] === 1 ? utcMs - this.start[i]! : 0);
  }

  private openBefore(utcMs: number): number {
    const i = this.indexAt(utcMs);
    if (this.working[i] === 0) return this.cumOpen[i]!;
    return (
      this.cumOpen[i]! +
      Math.min(Math.max(utcMs - this.open[i]!, 0), this.close[i]! - this.open[i]!)
    );
  }

  /** Working time in ms between two instants (0 if b ≤ a). */
  /** Makes the tables cover both instants before running totals are compared. */
  private coverBoth(a: number, b: number): void {
    this.coverInstant(a);
    this.coverInstant(b);
  }

  workingMsBetween(a: number, b: number): number {
    if (b <= a) return 0;
    this.coverBoth(a, b);
    return this.workBefore(b) - this.workBefore(a);
  }

  openMsBetween(a: number, b: number): number {
    if (b <= a) return 0;
    this.coverBoth(a, b);
    return this.openBefore(b) - this.openBefore(a);
  }

  /** Working days wholly inside (day of a, b]: the day of a never counts, as in working_days. */
  workingDaysBetween(a: number, b: number): number {
    if (b <= a) return 0;
    this.coverBoth(a, b);
    const i = this.indexAt(a);
    const j = this.indexAt(b);
    return Math.max(0, this.cumDays[j]! - this.cumDays[i + 1]!);
  }

  // ---- adding time ------------------------------------------------------------------------

  /** The instant when `ms` of working time has passed since t. */
  addWorkingMs(utcMs: number, ms: number): number {
    if (ms <= 0) return utcMs;
    const i = this.indexAt(utcMs);
    const target = this.workBefore(utcMs) + ms;
    const k = this.searchForward('work', target, i + 1);
    return this.start[k - 1]! + (target - this.cumWork[k - 1]!);
  }

  /** The instant when `ms` of opening time has passed since t. */
  addOpenMs(utcMs: number, ms: number): number {
    if (ms <= 0) return utcMs;
    const i = this.indexAt(utcMs);
    const target = this.openBefore(utcMs) + ms;
    const k = this.searchForward('open', target, i + 1);
    return this.open[k - 1]! + (target - this.cumOpen[k - 1]!);
  }

  /** End (24:00 local) of the nth working day after the day holding t; that day never counts. */
  endOfNthWorkingDayAfter(utcMs: number, n: number): number {
    const i = this.indexAt(utcMs);
    const k = this.searchForward('days', this.cumDays[i + 1]! + n, i + 1);
    return this.start[k]!;
  }

  /** The same local wall-clock time `days` later (DST-aware). */
  addLocalDays(utcMs: number, days: number): number {
    return this.zone.toUtc(this.zone.toLocal(utcMs) + days * DAY);
  }

  /** The same local wall-clock time `months` later, clamped to the month's last day. */
  addLocalMonths(utcMs: number, months: number): number {
    const local = new Date(this.zone.toLocal(utcMs));
    const y = local.getUTCFullYear();
    const m = local.getUTCMonth() + months;
    const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    const day = Math.min(local.getUTCDate(), lastDay);
    const timeOfDay = local.getTime() - Date.UTC(y, local.getUTCMonth(), local.getUTCDate());
    return this.zone.toUtc(Date.UTC(y, m, day) + timeOfDay);
  }
}

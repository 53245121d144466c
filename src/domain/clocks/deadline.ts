// Deadline arithmetic for one clock (SPEC §3, "Clock units"): when it falls due, when it warns,
// how much of it has run and how much is left. All instants are UTC milliseconds.
import type { BusinessCalendar } from '../calendar/business-calendar.ts';
import { DAY, HOUR } from '../calendar/timezone.ts';
import { UNIT_WORDS } from '../policy/render-phrases.ts';
import type { ClockUnit } from '../policy/schema.ts';

export interface ClockSpan {
  amount: number;
  unit: ClockUnit;
}

/** A pause of the clock; `to` is null while the clock is still paused. */
export interface Pause {
  from: number;
  to: number | null;
}

const HOUR_UNITS: ReadonlySet<ClockUnit> = new Set([
  'calendar_hours',
  'working_hours',
  'business_hours',
]);

export function isHourUnit(unit: ClockUnit): boolean {
  return HOUR_UNITS.has(unit);
}

/** The time a clock counts between two instants, in ms, by its unit's measure. */
export function countedMs(cal: BusinessCalendar, unit: ClockUnit, a: number, b: number): number {
  if (b <= a) return 0;
  switch (unit) {
    case 'working_hours':
    case 'working_days':
      return cal.workingMsBetween(a, b);
    case 'business_hours':
      return cal.openMsBetween(a, b);
    default:
      return b - a;
  }
}

function addCountedMs(cal: BusinessCalendar, unit: ClockUnit, t: number, ms: number): number {
  switch (unit) {
    case 'working_hours':
    case 'working_days':
      return cal.addWorkingMs(t, ms);
    case 'business_hours':
      return cal.addOpenMs(t, ms);
    default:
      return t + ms;
  }
}

/** Due instant of a clock started at t, with no pause. */
export function dueWithoutPauses(cal: BusinessCalendar, span: ClockSpan, t: number): number {
  switch (span.unit) {
    case 'calendar_hours':
      return t + span.amount * HOUR;
    case 'working_hours':
      return cal.addWorkingMs(t, span.amount * HOUR);
    case 'business_hours':
      return cal.addOpenMs(t, span.amount * HOUR);
    case 'working_days':
      return cal.endOfNthWorkingDayAfter(t, span.amount);
    case 'calendar_days':
      return cal.addLocalDays(t, span.amount);
    case 'calendar_weeks':
      return cal.addLocalDays(t, span.amount * 7);
    case 'calendar_months':
      return cal.addLocalMonths(t, span.amount);
  }
}

/** Sorted, merged pauses clipped to start at or after t; an open pause runs to +∞. */
function normalisePauses(pauses: readonly Pause[], t: number): { from: number; to: number }[] {
  const list = pauses
    .map((p) => ({ from: Math.max(p.from, t), to: p.to ?? Number.POSITIVE_INFINITY }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const p of list) {
    const last = merged[merged.length - 1];
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else merged.push({ ...p });
  }
  return merged;
}

/**
 * Due instant of a clock started at t and paused during `pauses`; null while a pause that
 * began before the due instant is still open (a paused clock has no due instant).
 *
 * Hour units give back exactly the counted time that passed while paused. Day units give back
 * the paused time too: working_days whole working days (the paused working time rounded up),
 * calendar units the elapsed time.
 */
export function dueInstant(
  cal: BusinessCalendar,
  span: ClockSpan,
  t: number,
  pauses: readonly Pause[] = [],
): number | null {
  const list = normalisePauses(pauses, t);
  if (isHourUnit(span.unit)) {
    let remaining = span.amount * HOUR;
    let cursor = t;
    for (const p of list) {
      const before = countedMs(cal, span.unit, cursor, p.from);
      if (before >= remaining) break;
      if (p.to === Number.POSITIVE_INFINITY) return null;
      remaining -= before;
      cursor = p.to;
    }
    return addCountedMs(cal, span.unit, cursor, remaining);
  }
  let due = dueWithoutPauses(cal, span, t);
  for (const p of list) {
    if (p.from >= due) break;
    if (p.to === Number.POSITIVE_INFINITY) return null;
    if (span.unit === 'working_days') {
      const days = Math.ceil(cal.workingMsBetween(p.from, p.to) / DAY);
      if (days > 0) due = cal.endOfNthWorkingDayAfter(due - 1, days);
    } else {
      due += p.to - p.from;
    }
  }
  return due;
}

/** Instants at which each fraction of the clock's counted span has run (warnings). */
export function warningInstants(
  cal: BusinessCalendar,
  span: ClockSpan,
  t: number,
  due: number,
  fractions: readonly number[],
  pauses: readonly Pause[] = [],
): number[] {
  return fractions.map((f) => {
    if (isHourUnit(span.unit)) {
      return dueInstant(cal, { amount: span.amount * f, unit: span.unit }, t, pauses) ?? due;
    }
    const total = countedMs(cal, span.unit, t, due);
    return Math.min(due, addCountedMs(cal, span.unit, t, total * f));
  });
}

export interface ClockProgress {
  /** Amount of the clock's unit left until due (0 when overdue), and overdue by (0 when not). */
  remaining: number;
  overdueBy: number;
  elapsed: number;
  unit: ClockUnit;
  overdue: boolean;
  /** English summary for logs and the CLI, e.g. "2 working days left". */
  text: string;
}

function inUnit(cal: BusinessCalendar, unit: ClockUnit, a: number, b: number): number {
  switch (unit) {
    case 'working_days':
      return cal.workingDaysBetween(a, b);
    case 'calendar_days':
      return Math.floor((b - a) / DAY);
    case 'calendar_weeks':
      return Math.floor((b - a) / (7 * DAY));
    case 'calendar_months':
      return Math.floor((b - a) / (30 * DAY));
    default:
      return Math.floor((countedMs(cal, unit, a, b) / HOUR) * 10) / 10;
  }
}

/** "3 working days", in English (the clock's own words; the UI localises its labels). */
export function unitWords(unit: ClockUnit, amount: number): string {
  const [one, many] = UNIT_WORDS.en[unit];
  return `${amount} ${amount === 1 ? one : many}`;
}

/** How far a running clock has got at `now`. */
export function clockProgress(
  cal: BusinessCalendar,
  span: ClockSpan,
  t: number,
  due: number,
  now: number,
): ClockProgress {
  const overdue = now >= due;
  const remaining = overdue ? 0 : inUnit(cal, span.unit, now, due);
  const overdueBy = overdue ? inUnit(cal, span.unit, due, now) : 0;
  const elapsed = inUnit(cal, span.unit, t, Math.min(now, due));
  let text: string;
  if (!overdue) {
    text =
      remaining === 0
        ? `less than 1 ${UNIT_WORDS.en[span.unit][0]} left`
        : `${unitWords(span.unit, remaining)} left`;
  } else {
    text = overdueBy === 0 ? 'overdue' : `overdue by ${unitWords(span.unit, overdueBy)}`;
  }
  return { remaining, overdueBy, elapsed, unit: span.unit, overdue, text };
}

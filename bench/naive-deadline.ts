// The straightforward way to compute a deadline: walk day by day, asking date-holidays about
// each day. Used as the benchmark's baseline and as an independent cross-check in the tests.
import Holidays from 'date-holidays';
import { timeZone } from '../src/domain/calendar/timezone.ts';
import type { ClockSpan } from '../src/domain/clocks/deadline.ts';
import type { CalendarConfig } from '../src/domain/policy/schema.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Returns a deadline function for one calendar (date-holidays is set up once, as anyone would). */
export function naiveDeadlines(timezone: string, config: CalendarConfig) {
  const zone = timeZone(timezone);
  const [country, region] = (config.holidays ?? '').split('-');
  const hd = config.holidays
    ? region
      ? new Holidays(country!, region)
      : new Holidays(country!)
    : null;
  const dateStr = (d: (typeof config.add)[number]) => (typeof d === 'string' ? d : d.date);
  const added = new Set(config.add.map(dateStr));
  const removed = new Set(config.remove.map(dateStr));
  const midnight = (day: number) => zone.toUtc(day * DAY);
  const dayOf = (t: number) => Math.floor(zone.toLocal(t) / DAY);
  const isWorking = (day: number) => {
    const date = new Date(day * DAY).toISOString().slice(0, 10);
    if (removed.has(date)) return true;
    if (!config.workingDays.includes(WEEKDAYS[new Date(day * DAY).getUTCDay()] as never))
      return false;
    if (added.has(date)) return false;
    const found = hd?.isHoliday(new Date(midnight(day) + 12 * HOUR));
    return !(found && found.some((h) => h.type === 'public' || h.type === 'bank'));
  };
  const minutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  return (span: ClockSpan, received: number): number => {
    switch (span.unit) {
      case 'calendar_hours':
        return received + span.amount * HOUR;
      case 'calendar_days':
      case 'calendar_weeks': {
        const days = span.unit === 'calendar_days' ? span.amount : span.amount * 7;
        return zone.toUtc(zone.toLocal(received) + days * DAY);
      }
      case 'calendar_months': {
        const local = new Date(zone.toLocal(received));
        const target = new Date(
          Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + span.amount, 1),
        );
        const last = new Date(
          Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
        ).getUTCDate();
        target.setUTCDate(Math.min(local.getUTCDate(), last));
        return zone.toUtc(target.getTime() + (local.getTime() % DAY));
      }
      case 'working_days': {
        let day = dayOf(received);
        for (let count = 0; count < span.amount;) if (isWorking(++day)) count++;
        return midnight(day + 1);
      }
      case 'working_hours':
      case 'business_hours': {
        let remaining = span.amount * HOUR;
        let cursor = received;
        for (;;) {
          const day = dayOf(cursor);
          let from = midnight(day);
          let to = midnight(day + 1);
          if (span.unit === 'business_hours') {
            from = zone.toUtc(day * DAY + minutes(config.openingHours.start) * 60_000);
            to = zone.toUtc(day * DAY + minutes(config.openingHours.end) * 60_000);
          }
          if (isWorking(day) && cursor < to) {
            const start = Math.max(cursor, from);
            if (to - start >= remaining) return start + remaining;
            remaining -= to - start;
          }
          cursor = midnight(day + 1);
        }
      }
    }
  };
}

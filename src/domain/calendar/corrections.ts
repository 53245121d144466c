// An administrator's corrections to a policy's calendar, applied to the calendar each version of
// the policy declares: the latest correction of a day stands. `add` makes the day non-working (a
// late-announced holiday, a closure); `remove` makes it a working day despite the holiday list.
import type { CalendarConfig, CalendarDay } from '../policy/schema.ts';

export interface CalendarCorrection {
  day: string;
  change: 'add' | 'remove';
  name: string | null;
  reason: string;
}

const dateOf = (d: CalendarDay) => (typeof d === 'string' ? d : d.date);

export function correctedCalendar(
  calendar: CalendarConfig,
  corrections: readonly CalendarCorrection[],
): CalendarConfig {
  if (corrections.length === 0) return calendar;
  const last = new Map<string, CalendarCorrection>();
  for (const c of corrections) last.set(c.day, c);
  const add = calendar.add.filter((d) => !last.has(dateOf(d)));
  const remove = calendar.remove.filter((d) => !last.has(dateOf(d)));
  for (const c of last.values()) {
    const day: CalendarDay = {
      date: c.day,
      ...(c.name ? { name: c.name } : {}),
      confirmYearly: false,
      note: c.reason,
    };
    (c.change === 'add' ? add : remove).push(day);
  }
  const byDate = (a: CalendarDay, b: CalendarDay) => dateOf(a).localeCompare(dateOf(b));
  return { ...calendar, add: add.sort(byDate), remove: remove.sort(byDate) };
}

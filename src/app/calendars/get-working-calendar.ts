// A policy's business calendar for one year: the working days and the holidays that count.
import { BusinessCalendar } from '../../domain/calendar/business-calendar.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { holidayNames } from '../../domain/calendar/holidays.ts';
import type { CalendarConfig, CalendarDay } from '../../domain/policy/schema.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { versionInForce } from '../policies/list-policies.ts';

export const MIN_CALENDAR_YEAR = 1971;
export const MAX_CALENDAR_YEAR = 2199;

export interface WorkingCalendar {
  policy: string;
  version: number;
  year: number;
  timezone: string;
  workingDays: string[];
  /** Each non-working weekday: a public holiday of the region, or a day the policy (or a
   *  correction) adds; named in `lang` where a name in it exists (`lang` says which). */
  holidays: { date: string; name: string | null; lang: string; kind: 'public' | 'added' }[];
  count: number;
}

const dateOf = (d: CalendarDay) => (typeof d === 'string' ? d : d.date);

/** Of the given version, or else the version in force now (before any is, the first to come). */
export function getWorkingCalendar(
  deps: { policies: PolicyRegistry; now: () => Date },
  _actor: Actor,
  {
    id,
    year,
    version,
    lang,
  }: { id: string; year: number; version?: number | undefined; lang?: string | undefined },
): WorkingCalendar {
  const registry = deps.policies;
  const now = deps.now();
  if (!Number.isInteger(year) || year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) {
    throw new AppError(
      'CALENDAR.YEAR_OUT_OF_RANGE',
      `the year must be between ${MIN_CALENDAR_YEAR} and ${MAX_CALENDAR_YEAR}`,
    );
  }
  const policy =
    version !== undefined
      ? registry.version(id, version)
      : (versionInForce(registry, id, now) ?? registry.allVersions(id)[0]!);
  const days = daysOf(policy.timezone, policy.calendar, year);
  const added = new Map(policy.calendar.add.map((d) => [dateOf(d), d]));
  // Without a language, the names the clocks' calendar itself holds (the region's own language,
  // the policy's `name`), as before languages were asked for.
  const region = holidayNames(policy.calendar.holidays, year, lang ?? '');
  const holidays = days.holidays.map(({ date, name }): WorkingCalendar['holidays'][number] => {
    const day = added.get(date);
    if (day === undefined) {
      const local = lang ? region.names.get(date) : undefined;
      return { date, name: local ?? name, lang: region.lang, kind: 'public' };
    }
    if (typeof day === 'string')
      return { date, name: lang ? null : name, lang: lang ?? region.lang, kind: 'added' };
    const label = lang ? day.label?.[lang as 'en' | 'vi'] : undefined;
    return {
      date,
      name: label ?? day.name ?? (lang ? null : name),
      lang: lang ?? region.lang,
      kind: 'added',
    };
  });
  return {
    policy: policy.id,
    version: policy.version,
    year,
    timezone: policy.timezone,
    workingDays: days.workingDays,
    holidays,
    count: days.workingDays.length,
  };
}

interface Days {
  workingDays: string[];
  holidays: { date: string; name: string }[];
}

/** The last answers, by calendar and year (least recently used dropped first). */
const CACHED = 64;
const cache = new Map<string, Days>();

function daysOf(timezone: string, config: CalendarConfig, year: number): Days {
  const key = `${timezone}|${JSON.stringify(config)}|${year}`;
  let days = cache.get(key);
  if (days) {
    cache.delete(key);
  } else {
    // A calendar of its own: the one deadlines share (calendarFor) keeps one contiguous span
    // of years, and a question about 2199 must not stretch it over every year from today.
    const calendar = new BusinessCalendar(timezone, config);
    days = { workingDays: calendar.workingDatesOf(year), holidays: calendar.holidaysOf(year) };
    if (cache.size >= CACHED) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, days);
  return days;
}

// A policy's business calendar for one year: the working days and the holidays that count.
import { calendarFor } from '../../domain/clocks/policy-clocks.ts';
import { invalid } from '../errors.ts';
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
  holidays: { date: string; name: string }[];
  count: number;
}

/** Of the given version, or else the version in force now (before any is, the first to come). */
export function getWorkingCalendar(
  registry: PolicyRegistry,
  id: string,
  year: number,
  now: Date,
  version?: number,
): WorkingCalendar {
  if (!Number.isInteger(year) || year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) {
    throw invalid(
      'CALENDAR.YEAR_OUT_OF_RANGE',
      `the year must be between ${MIN_CALENDAR_YEAR} and ${MAX_CALENDAR_YEAR}`,
    );
  }
  const policy =
    version !== undefined
      ? registry.version(id, version)
      : (versionInForce(registry, id, now) ?? registry.allVersions(id)[0]!);
  const calendar = calendarFor(policy);
  const workingDays = calendar.workingDatesOf(year);
  return {
    policy: policy.id,
    version: policy.version,
    year,
    timezone: policy.timezone,
    workingDays,
    holidays: calendar.holidaysOf(year),
    count: workingDays.length,
  };
}

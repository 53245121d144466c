// A policy's calendar corrections of one year: each with its reason, who made it and when, and
// whether it still stands (the latest correction of a day is the one the clocks count by).
import type { Queryable } from '../../db/client.ts';
import { calendarCorrectionsOf } from '../../db/repositories/calendar-corrections.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { AppError } from '../errors.ts';
import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from './get-working-calendar.ts';

export interface CalendarCorrectionEntry {
  id: number;
  date: string;
  change: 'add' | 'remove';
  name: string | null;
  reason: string;
  /** The person who made it; null when made from the command line. */
  by: { id: string; name: string } | null;
  at: string;
  /** False once a later correction of the same day replaced it. */
  stands: boolean;
}

export async function listCalendarCorrections(
  deps: { db: Queryable; policies: PolicyRegistry },
  _actor: Actor,
  input: { policyId: string; year: number },
): Promise<CalendarCorrectionEntry[]> {
  deps.policies.allVersions(input.policyId);
  if (input.year < MIN_CALENDAR_YEAR || input.year > MAX_CALENDAR_YEAR) {
    throw new AppError(
      'CALENDAR.YEAR_OUT_OF_RANGE',
      `the year must be between ${MIN_CALENDAR_YEAR} and ${MAX_CALENDAR_YEAR}`,
    );
  }
  const seen = new Set<string>();
  return (await calendarCorrectionsOf(deps.db, input.policyId, input.year)).map((r) => {
    const stands = !seen.has(r.day);
    seen.add(r.day);
    return {
      id: r.id,
      date: r.day,
      change: r.change,
      name: r.name,
      reason: r.reason,
      by: r.created_by ? { id: r.created_by, name: r.created_by_name ?? r.created_by } : null,
      at: r.created_at.toISOString(),
      stands,
    };
  });
}

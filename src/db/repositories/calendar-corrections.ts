// Corrections to policies' business calendars (migration 0008), and the open complaints a
// correction re-times.
import type { Queryable } from '../client.ts';

export interface CalendarCorrectionRow {
  id: number;
  policy_id: string;
  day: string;
  change: 'add' | 'remove';
  name: string | null;
  reason: string;
  created_by: string | null;
  created_at: Date;
}

export async function insertCalendarCorrection(
  tx: Queryable,
  c: {
    policyId: string;
    day: string;
    change: 'add' | 'remove';
    name: string | null;
    reason: string;
    createdBy: string | null;
    at: Date;
  },
): Promise<CalendarCorrectionRow> {
  const r = await tx.query<CalendarCorrectionRow>(
    `insert into calendar_corrections (policy_id, day, change, name, reason, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning *`,
    [c.policyId, c.day, c.change, c.name, c.reason, c.createdBy, c.at],
  );
  return r.rows[0]!;
}

/** Every correction, oldest first (the later one of a day wins). */
export async function calendarCorrections(q: Queryable): Promise<CalendarCorrectionRow[]> {
  const r = await q.query<CalendarCorrectionRow>(
    'select * from calendar_corrections order by policy_id, id',
  );
  return r.rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** The open complaints under a policy (any version), by id. */
export async function openComplaintIdsOfPolicy(q: Queryable, policyId: string): Promise<number[]> {
  const r = await q.query<{ id: number }>(
    'select id from complaints where policy_id = $1 and is_open order by id',
    [policyId],
  );
  return r.rows.map((row) => Number(row.id));
}

export interface CalendarCorrectionListRow extends CalendarCorrectionRow {
  created_by_name: string | null;
}

/** A policy's corrections of the days of one year, newest first, with who made each. */
export async function calendarCorrectionsOf(
  q: Queryable,
  policyId: string,
  year: number,
): Promise<CalendarCorrectionListRow[]> {
  const r = await q.query<CalendarCorrectionListRow>(
    `select c.*, u.name as created_by_name from calendar_corrections c
       left join users u on u.id = c.created_by
     where c.policy_id = $1 and c.day like $2 order by c.id desc`,
    [policyId, `${year}-%`],
  );
  return r.rows.map((row) => ({
    ...row,
    id: Number(row.id),
    created_at: new Date(row.created_at),
  }));
}

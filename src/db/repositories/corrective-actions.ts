// Corrective actions of the lessons-learned register: what is done about a closed complaint's
// lesson, its owner, due and done dates, and whether it worked. Dates are YYYY-MM-DD strings
// (never a Date that a driver would read in its own zone).
import type { Queryable } from '../client.ts';

export type Effectiveness = 'effective' | 'not_effective' | 'unknown';

export interface CorrectiveActionRow {
  id: number;
  complaint_id: number;
  reference: string;
  description: string;
  owner_id: string;
  owner_name: string;
  due_on: string;
  done_on: string | null;
  effectiveness: Effectiveness;
  effectiveness_note: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface CorrectiveActionFields {
  description: string;
  ownerId: string;
  dueOn: string;
  doneOn: string | null;
  effectiveness: Effectiveness;
  effectivenessNote: string | null;
}

const SELECT = `select a.id, a.complaint_id, c.reference, a.description, a.owner_id,
    u.name as owner_name, to_char(a.due_on, 'YYYY-MM-DD') as due_on,
    to_char(a.done_on, 'YYYY-MM-DD') as done_on, a.effectiveness, a.effectiveness_note,
    a.created_by, a.created_at, a.updated_at
  from corrective_actions a
  join complaints c on c.id = a.complaint_id
  join users u on u.id = a.owner_id`;

const normalise = <R extends CorrectiveActionRow>(r: R): R => ({
  ...r,
  id: Number(r.id),
  complaint_id: Number(r.complaint_id),
});

export async function insertCorrectiveAction(
  tx: Queryable,
  complaintId: number,
  f: CorrectiveActionFields,
  by: string,
  at: Date,
): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `insert into corrective_actions (complaint_id, description, owner_id, due_on, done_on,
       effectiveness, effectiveness_note, created_by, created_at, updated_at)
     values ($1, $2, $3, $4::date, $5::date, $6, $7, $8, $9, $9) returning id`,
    [
      complaintId,
      f.description,
      f.ownerId,
      f.dueOn,
      f.doneOn,
      f.effectiveness,
      f.effectivenessNote,
      by,
      at,
    ],
  );
  return Number(r.rows[0]!.id);
}

/** The action, locked for a change, or null when the complaint has none with this id. */
export async function lockCorrectiveAction(
  tx: Queryable,
  complaintId: number,
  id: number,
): Promise<CorrectiveActionRow | null> {
  const r = await tx.query<CorrectiveActionRow>(
    `${SELECT} where a.complaint_id = $1 and a.id = $2 for update of a`,
    [complaintId, id],
  );
  return r.rows[0] ? normalise(r.rows[0]) : null;
}

export async function updateCorrectiveAction(
  tx: Queryable,
  id: number,
  f: CorrectiveActionFields,
  at: Date,
  dueMoved: boolean,
): Promise<void> {
  await tx.query(
    `update corrective_actions set description = $2, owner_id = $3, due_on = $4::date,
       done_on = $5::date, effectiveness = $6, effectiveness_note = $7, updated_at = $8,
       overdue_notified_at = case when $9 then null else overdue_notified_at end
     where id = $1`,
    [
      id,
      f.description,
      f.ownerId,
      f.dueOn,
      f.doneOn,
      f.effectiveness,
      f.effectivenessNote,
      at,
      dueMoved,
    ],
  );
}

export async function findCorrectiveAction(
  q: Queryable,
  id: number,
): Promise<CorrectiveActionRow | null> {
  const r = await q.query<CorrectiveActionRow>(`${SELECT} where a.id = $1`, [id]);
  return r.rows[0] ? normalise(r.rows[0]) : null;
}

/** The corrective actions of these complaints, oldest first. */
export async function correctiveActionsOf(
  q: Queryable,
  complaintIds: readonly number[],
): Promise<CorrectiveActionRow[]> {
  if (!complaintIds.length) return [];
  const r = await q.query<CorrectiveActionRow>(
    `${SELECT} where a.complaint_id = any($1::bigint[]) order by a.complaint_id, a.id`,
    [complaintIds],
  );
  return r.rows.map(normalise);
}

/**
 * Claims not-done actions due before `before` (a date) whose owner has not been told yet, at
 * most `limit`, locked so that two sweeps never tell twice. The caller decides, per policy time
 * zone, which are overdue today and marks those told.
 */
export async function claimOverdueCandidates(
  tx: Queryable,
  before: string,
  limit: number,
): Promise<(CorrectiveActionRow & { policy_id: string; policy_version: number })[]> {
  const r = await tx.query<CorrectiveActionRow & { policy_id: string; policy_version: number }>(
    `select a.id, a.complaint_id, c.reference, a.description, a.owner_id, '' as owner_name,
        to_char(a.due_on, 'YYYY-MM-DD') as due_on, null as done_on, a.effectiveness,
        a.effectiveness_note, a.created_by, a.created_at, a.updated_at,
        c.policy_id, c.policy_version
       from corrective_actions a join complaints c on c.id = a.complaint_id
      where a.done_on is null and a.overdue_notified_at is null and a.due_on < $1::date
      order by a.due_on, a.id
      limit $2
      for update of a skip locked`,
    [before, limit],
  );
  return r.rows.map(normalise);
}

export async function markOverdueNotified(
  tx: Queryable,
  ids: readonly number[],
  at: Date,
): Promise<void> {
  if (!ids.length) return;
  await tx.query(
    'update corrective_actions set overdue_notified_at = $2 where id = any($1::bigint[])',
    [ids, at],
  );
}

// The sweep's work list, kept in step with the complaints' clocks: each running clock has a row
// for each warning and one for its breach; a stopped clock has none left to do. Registration
// defers writing it (unplanned_complaints); the sweep plans those complaints before it claims.
import type { DueWork } from '../../domain/clocks/policy-clocks.ts';
import type { Queryable } from '../client.ts';

export interface ScheduledActionRow {
  id: number;
  complaint_id: number;
  clock_name: string;
  kind: 'warn' | 'breach' | 'repeat' | 'auto';
  seq: number;
  due_at: Date;
  handled_at: Date | null;
}

export interface WorkSet {
  complaintId: number;
  /** What the complaint's running clocks want done (dueWorkOf). */
  work: readonly DueWork[];
}

const ROWS_PER_INSERT = 1000;

/**
 * Brings the work list of each complaint in line with what its clocks want: unhandled work of
 * clocks no longer running (stopped or paused) is dropped, as are warnings and breaches whose
 * instant is no longer wanted; wanted rows are added, or moved while still unhandled. A handled
 * row stays as it was: a breach is acted on once, even if the due instant moves later.
 */
export async function syncScheduledActions(tx: Queryable, sets: readonly WorkSet[]): Promise<void> {
  if (sets.length === 0) return;
  const live = sets.flatMap((s) => [...new Set(s.work.map((w) => `${s.complaintId}/${w.clock}`))]);
  const wanted = sets.flatMap((s) =>
    s.work.map((w) => `${s.complaintId}/${w.clock}/${w.kind}/${w.seq}`),
  );
  await tx.query(
    `delete from scheduled_actions
     where complaint_id = any($1::bigint[]) and handled_at is null and kind <> 'auto'
       and not ((complaint_id || '/' || clock_name) = any($2::text[])
                and (kind = 'repeat'
                     or (complaint_id || '/' || clock_name || '/' || kind || '/' || seq) = any($3::text[])))`,
    [sets.map((s) => s.complaintId), live, wanted],
  );
  const rows = sets.flatMap((s) =>
    s.work.map((w) => [s.complaintId, w.clock, w.kind, w.seq, w.due] as unknown[]),
  );
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    const tuples = chunk.map((_, r) => {
      const b = r * 5;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5})`;
    });
    await tx.query(
      `insert into scheduled_actions (complaint_id, clock_name, kind, seq, due_at) values ${tuples.join(', ')}
       on conflict (complaint_id, clock_name, kind, seq) do update set due_at = excluded.due_at
       where scheduled_actions.handled_at is null`,
      chunk.flat(),
    );
  }
}

/** Registration: these complaints' work lists are to be planned by the sweep. */
export async function deferPlanning(tx: Queryable, complaintIds: readonly number[]): Promise<void> {
  if (complaintIds.length === 0) return;
  await tx.query(
    'insert into unplanned_complaints (complaint_id) select unnest($1::bigint[]) on conflict do nothing',
    [complaintIds],
  );
}

/**
 * Up to `limit` complaints whose work is still to be planned, locked in id order. Both their
 * marks and their complaint rows (the lock every change takes) are taken with SKIP LOCKED: the
 * planner never waits, so it can neither deadlock with a change nor plan what another worker
 * plans; a complaint skipped now is planned by the next sweep, or by its change.
 */
export async function lockUnplannedComplaints(tx: Queryable, limit: number): Promise<number[]> {
  const r = await tx.query<{ id: number }>(
    `with picked as (
       select complaint_id from unplanned_complaints order by complaint_id limit $1
       for update skip locked
     )
     select c.id from complaints c join picked p on p.complaint_id = c.id
     order by c.id for update of c skip locked`,
    [limit],
  );
  return r.rows.map((row) => Number(row.id));
}

/** These complaints' work lists are written (the caller holds their complaint rows). */
export async function markPlanned(tx: Queryable, complaintIds: readonly number[]): Promise<void> {
  if (complaintIds.length === 0) return;
  await tx.query('delete from unplanned_complaints where complaint_id = any($1::bigint[])', [
    complaintIds,
  ]);
}

export async function scheduleAction(
  tx: Queryable,
  a: {
    complaintId: number;
    clock: string;
    kind: ScheduledActionRow['kind'];
    seq: number;
    due: Date;
  },
): Promise<void> {
  await tx.query(
    `insert into scheduled_actions (complaint_id, clock_name, kind, seq, due_at) values ($1, $2, $3, $4, $5)
     on conflict do nothing`,
    [a.complaintId, a.clock, a.kind, a.seq, a.due],
  );
}

/** Claims up to `limit` due rows; other workers skip them until this transaction ends. */
export async function claimDueActions(
  tx: Queryable,
  now: Date,
  limit: number,
): Promise<ScheduledActionRow[]> {
  const r = await tx.query<ScheduledActionRow>(
    `select * from scheduled_actions where handled_at is null and due_at <= $1
     order by due_at, id limit $2 for update skip locked`,
    [now, limit],
  );
  return r.rows;
}

export async function markHandledMany(
  tx: Queryable,
  ids: number[],
  by: string,
  now: Date,
  outcomes: Record<string, unknown>[],
): Promise<void> {
  await tx.query(
    `update scheduled_actions s set handled_at = $2, handled_by = $3, outcome = o.outcome
     from unnest($1::bigint[], $4::jsonb[]) as o(id, outcome) where s.id = o.id`,
    [ids, now, by, outcomes.map((o) => JSON.stringify(o))],
  );
}

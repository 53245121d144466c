// A complaint's clocks as rows: one per clock, with its due instant and warnings, written
// whenever a change replays them, read by the sweep and the complaint's views.
import {
  dueWorkOf,
  earliestOpenDue,
  type ClockInstance,
  type ClockStatus,
} from '../../domain/clocks/policy-clocks.ts';
import type { Queryable } from '../client.ts';
import { syncScheduledActions } from './scheduled-actions.ts';

export interface ClockRow {
  id: number;
  complaint_id: number;
  name: string;
  started_at: Date;
  due_at: Date | null;
  warn_at: Date[];
  pauses: { from: number; to: number | null }[];
  stopped_at: Date | null;
  status: ClockStatus;
  breached_at: Date | null;
}

export const toClockInstance = (r: ClockRow): ClockInstance => ({
  name: r.name,
  startedAt: r.started_at,
  dueAt: r.due_at,
  warnAt: r.warn_at.map((w) => new Date(w)),
  pauses: r.pauses,
  stoppedAt: r.stopped_at,
  status: r.status,
});

export async function clocksOf(q: Queryable, complaintId: number): Promise<ClockRow[]> {
  const r = await q.query<ClockRow>(
    'select * from clock_instances where complaint_id = $1 order by started_at, id',
    [complaintId],
  );
  return r.rows;
}

/** The clocks of several complaints, each complaint's in order. */
export async function clocksOfMany(q: Queryable, complaintIds: number[]): Promise<ClockRow[]> {
  const r = await q.query<ClockRow>(
    `select * from clock_instances where complaint_id = any($1::bigint[])
     order by complaint_id, started_at, id`,
    [complaintIds],
  );
  return r.rows;
}

export interface ClockSet {
  complaintId: number;
  clocks: readonly ClockInstance[];
}

const COLUMNS = 8;
const ROWS_PER_INSERT = 1000;

/** Writes the replayed clocks of one or many complaints (new ones inserted, others updated). */
export async function writeClocks(tx: Queryable, sets: readonly ClockSet[]): Promise<void> {
  const rows: unknown[][] = [];
  for (const s of sets) {
    for (const c of s.clocks) {
      rows.push([
        s.complaintId,
        c.name,
        c.startedAt,
        c.dueAt,
        c.warnAt,
        JSON.stringify(c.pauses),
        c.stoppedAt,
        c.status,
      ]);
    }
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    const tuples = chunk.map((_, r) => {
      const b = r * COLUMNS;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::timestamptz[], $${b + 6}::jsonb, $${b + 7}, $${b + 8})`;
    });
    await tx.query(
      `insert into clock_instances (complaint_id, name, started_at, due_at, warn_at, pauses, stopped_at, status)
       values ${tuples.join(', ')}
       on conflict (complaint_id, name) do update set started_at = excluded.started_at,
         due_at = excluded.due_at, warn_at = excluded.warn_at, pauses = excluded.pauses,
         stopped_at = excluded.stopped_at, status = excluded.status`,
      chunk.flat(),
    );
  }
}

/**
 * Every change to a complaint (but registration, which defers the work list to the sweep) saves
 * its replayed clocks this way: the clock rows, the sweep's work list kept in step with them,
 * and the complaint's queue order (earliest open due). Returns that order.
 */
export async function saveClocks(
  tx: Queryable,
  complaintId: number,
  clocks: readonly ClockInstance[],
): Promise<Date | null> {
  await writeClocks(tx, [{ complaintId, clocks }]);
  await syncScheduledActions(tx, [{ complaintId, work: dueWorkOf(clocks) }]);
  const next = earliestOpenDue(clocks);
  // The work list is written now: the complaint no longer waits for the sweep to plan it.
  await tx.query(
    `with planned as (delete from unplanned_complaints where complaint_id = $1)
     update complaints set next_due_at = $2 where id = $1`,
    [complaintId, next],
  );
  return next;
}

/** What the sweep needs of a clock to act on it. */
export interface ClockState {
  complaint_id: number;
  name: string;
  due_at: Date | null;
  stopped_at: Date | null;
  breached_at: Date | null;
}

export async function clockStatesOf(tx: Queryable, complaintIds: number[]): Promise<ClockState[]> {
  const r = await tx.query<ClockState>(
    `select complaint_id, name, due_at, stopped_at, breached_at from clock_instances
     where complaint_id = any($1::bigint[])`,
    [complaintIds],
  );
  return r.rows;
}

/** Records breaches at their true instants. */
export async function markClocksBreached(
  tx: Queryable,
  breaches: readonly { complaintId: number; name: string; at: Date }[],
): Promise<void> {
  if (breaches.length === 0) return;
  await tx.query(
    `update clock_instances c set breached_at = b.at, status = 'breached'
     from unnest($1::bigint[], $2::text[], $3::timestamptz[]) as b(complaint_id, name, at)
     where c.complaint_id = b.complaint_id and c.name = b.name`,
    [breaches.map((b) => b.complaintId), breaches.map((b) => b.name), breaches.map((b) => b.at)],
  );
}

// A complaint's clocks as rows: one per clock, with its due instant and warnings, written
// whenever a change replays them, read by the sweep and the complaint's views.
import {
  dueWorkOf,
  earliestOpenDue,
  type ClockInstance,
  type ClockStatus,
} from '../../domain/clocks/policy-clocks.ts';
import type { Queryable } from '../client.ts';
import { jsonPart, runWrites, type WritePart } from '../write-parts.ts';
import { SEARCH_TEXT_CHARS } from './complaints.ts';
import { workSyncParts } from './scheduled-actions.ts';

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

/** The clock rows of one or many complaints, upserted, as a write part (see write-parts.ts). */
export function clocksPart(sets: readonly ClockSet[]): WritePart {
  return jsonPart(
    sets.flatMap((s) =>
      s.clocks.map((c) => ({
        complaint_id: s.complaintId,
        name: c.name,
        started_at: c.startedAt,
        due_at: c.dueAt,
        warn_at: c.warnAt,
        pauses: c.pauses,
        stopped_at: c.stoppedAt,
        status: c.status,
      })),
    ),
    (p) =>
      `insert into clock_instances (complaint_id, name, started_at, due_at, warn_at, pauses, stopped_at, status)
       select complaint_id, name, started_at, due_at, warn_at, pauses, stopped_at, status
       from jsonb_to_recordset(${p}::jsonb) as k(complaint_id bigint, name text, started_at timestamptz,
         due_at timestamptz, warn_at timestamptz[], pauses jsonb, stopped_at timestamptz, status text)
       on conflict (complaint_id, name) do update set started_at = excluded.started_at,
         due_at = excluded.due_at, warn_at = excluded.warn_at, pauses = excluded.pauses,
         stopped_at = excluded.stopped_at, status = excluded.status
       where (clock_instances.started_at, clock_instances.due_at, clock_instances.warn_at,
              clock_instances.pauses, clock_instances.stopped_at, clock_instances.status)
         is distinct from (excluded.started_at, excluded.due_at, excluded.warn_at,
              excluded.pauses, excluded.stopped_at, excluded.status)`,
  );
}

/**
 * Every change to a complaint (but registration, which defers the work list to the sweep) saves
 * its replayed clocks this way, in one statement: the clock rows (those that changed), the
 * sweep's work list kept in step with them (the complaint no longer waits for the sweep to plan
 * it), and the complaint's queue order (the earliest open due) with the text its search is to
 * cover too (the change's messages). The complaint row is rewritten only when one of them
 * changed. Returns the queue order.
 */
export async function saveClocks(
  tx: Queryable,
  complaint: { id: number; next_due_at: Date | null },
  clocks: readonly ClockInstance[],
  opts: { searchText?: readonly string[] } = {},
): Promise<Date | null> {
  const next = earliestOpenDue(clocks);
  const text = (opts.searchText ?? []).map((t) => ` ${t}`).join('');
  const moved = (next?.getTime() ?? null) !== (complaint.next_due_at?.getTime() ?? null);
  await runWrites(tx, [
    clocksPart([{ complaintId: complaint.id, clocks }]),
    ...workSyncParts([{ complaintId: complaint.id, work: dueWorkOf(clocks) }]),
    jsonPart(
      moved || text ? [{ id: complaint.id, next_due_at: next, text }] : [],
      (p) =>
        `update complaints c set next_due_at = r.next_due_at, messages_text = left(c.messages_text || r.text, ${SEARCH_TEXT_CHARS})
         from jsonb_to_recordset(${p}::jsonb) as r(id bigint, next_due_at timestamptz, text text)
         where c.id = r.id`,
    ),
  ]);
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

// The sweep's work list, kept in step with the complaints' clocks: each running clock has a row
// for each warning and one for its breach; a stopped clock has none left to do. Registration
// defers writing it (unplanned_complaints); the sweep plans those complaints before it claims.
import type { DueWork } from '../../domain/clocks/policy-clocks.ts';
import type { Queryable } from '../client.ts';
import { jsonPart, runWrites, type WritePart } from '../write-parts.ts';

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

/**
 * Bringing the work list of each complaint in line with what its clocks want, as write parts
 * (one statement, with or without other parts): unhandled work of clocks no longer running
 * (stopped or paused) is dropped, as are warnings and breaches whose instant is no longer
 * wanted; wanted rows are added, or moved while still unhandled. A handled row stays as it was:
 * a breach is acted on once, even if the due instant moves later. The rows the two parts touch
 * are disjoint (unwanted, wanted), so they run in one statement. The complaints are then
 * planned (their marks for the sweep removed).
 */
export function workSyncParts(sets: readonly WorkSet[]): WritePart[] {
  return [
    {
      // Keys prefixed with the complaint id, so one statement serves many complaints.
      params: [
        sets.map((s) => s.complaintId),
        sets.flatMap((s) => [...new Set(s.work.map((w) => `${s.complaintId}/${w.clock}`))]),
        sets.flatMap((s) => s.work.map((w) => `${s.complaintId}/${w.clock}/${w.kind}/${w.seq}`)),
      ],
      empty: sets.length === 0,
      sql: (p) =>
        `delete from scheduled_actions
         where complaint_id = any(${p(0)}::bigint[]) and handled_at is null and kind <> 'auto'
           and not ((complaint_id || '/' || clock_name) = any(${p(1)}::text[])
                    and (kind = 'repeat'
                         or (complaint_id || '/' || clock_name || '/' || kind || '/' || seq) = any(${p(2)}::text[])))`,
    },
    jsonPart(
      sets.flatMap((s) =>
        s.work.map((w) => ({
          complaint_id: s.complaintId,
          clock_name: w.clock,
          kind: w.kind,
          seq: w.seq,
          due_at: w.due,
        })),
      ),
      (p) =>
        `insert into scheduled_actions (complaint_id, clock_name, kind, seq, due_at)
         select complaint_id, clock_name, kind, seq, due_at
         from jsonb_to_recordset(${p}::jsonb) as a(complaint_id bigint, clock_name text, kind text,
           seq integer, due_at timestamptz)
         on conflict (complaint_id, clock_name, kind, seq) do update set due_at = excluded.due_at
         where scheduled_actions.handled_at is null
           and scheduled_actions.due_at is distinct from excluded.due_at`,
    ),
    {
      params: [sets.map((s) => s.complaintId)],
      empty: sets.length === 0,
      sql: (p) => `delete from unplanned_complaints where complaint_id = any(${p(0)}::bigint[])`,
    },
  ];
}

/** Writes the work lists of these complaints (see workSyncParts) in one statement. */
export async function syncScheduledActions(tx: Queryable, sets: readonly WorkSet[]): Promise<void> {
  await runWrites(tx, workSyncParts(sets));
}

/** Registration: these complaints' work lists are to be planned by the sweep (a write part). */
export function deferredPlanningPart(complaintIds: readonly number[]): WritePart {
  return {
    params: [complaintIds],
    empty: complaintIds.length === 0,
    sql: (p) =>
      `insert into unplanned_complaints (complaint_id) select unnest(${p(0)}::bigint[])
       on conflict do nothing`,
  };
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

/** The name of the automatic receipt's work row (kind `auto`, seq 0): one per complaint. */
export const RECEIPT_WORK = 'receipt';

/**
 * Registration: the automatic receipt of these complaints, due at once, as a write part. The
 * row's key (complaint, 'receipt', 'auto', 0) is unique and the sweep marks it handled in the
 * transaction that queues the email, so a complaint gets one receipt across retries, restarts
 * and workers.
 */
export function receiptWorkPart(rows: readonly { complaintId: number; due: Date }[]): WritePart {
  return jsonPart(
    rows.map((r) => ({ complaint_id: r.complaintId, due_at: r.due })),
    (p) =>
      `insert into scheduled_actions (complaint_id, clock_name, kind, seq, due_at)
       select complaint_id, '${RECEIPT_WORK}', 'auto', 0, due_at
       from jsonb_to_recordset(${p}::jsonb) as r(complaint_id bigint, due_at timestamptz)
       on conflict do nothing`,
  );
}

/** The name of the satisfaction survey's work row (kind `auto`, seq 0): one per complaint. */
export const SURVEY_WORK = 'survey';

/**
 * Closing: the survey invitation is due at once. One row per complaint; a row handled without
 * sending (the complaint was reopened before the sweep came to it) is armed again by the next
 * closing — never once the survey went (complaints.survey_sent_at).
 */
export async function scheduleSurvey(tx: Queryable, complaintId: number, due: Date) {
  await tx.query(
    `insert into scheduled_actions (complaint_id, clock_name, kind, seq, due_at)
     values ($1, '${SURVEY_WORK}', 'auto', 0, $2)
     on conflict (complaint_id, clock_name, kind, seq) do update
       set due_at = excluded.due_at, handled_at = null, handled_by = null, outcome = null
     where (select c.survey_sent_at from complaints c where c.id = excluded.complaint_id) is null`,
    [complaintId, due],
  );
}

/** Marks the receipt and survey work of these complaints done without sending (demo data: a
 *  history that never reached any customer). */
export async function settleCustomerMessageWork(
  q: Queryable,
  references: readonly string[],
  by: string,
  now: Date,
): Promise<void> {
  await q.query(
    `update scheduled_actions s set handled_at = $2, handled_by = $3,
       outcome = '{"skipped":"demo history: nothing is sent"}'::jsonb
     from complaints c
     where c.id = s.complaint_id and c.reference = any($1::text[]) and s.kind = 'auto'
       and s.clock_name in ('${RECEIPT_WORK}', '${SURVEY_WORK}') and s.handled_at is null`,
    [references, now, by],
  );
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

/**
 * Claims up to `limit` due rows; other workers skip them until this transaction ends.
 *
 * Locks are taken in the order every change takes them — the complaint's row first, then its
 * work rows — so the sweep can never deadlock with a user's action on the same complaint (which
 * locks the complaint, then rewrites its work list). The complaints of the due rows are locked
 * with SKIP LOCKED: one busy with a change, or with another worker, is left for the next round.
 */
export async function claimDueActions(
  tx: Queryable,
  now: Date,
  limit: number,
): Promise<ScheduledActionRow[]> {
  // Two statements, so the order of the locks is the order they run in. The first takes, among
  // the complaints with the earliest due work, those no one else holds (SKIP LOCKED goes on past
  // a held one, so workers running together take different complaints).
  const locked = await tx.query<{ id: number }>(
    `select c.id from (
       select complaint_id, min(due_at) as due from (
         select complaint_id, due_at from scheduled_actions
         where handled_at is null and due_at <= $1 order by due_at, id limit $2
       ) w group by complaint_id
     ) d join complaints c on c.id = d.complaint_id
     order by d.due, c.id limit $3 for update of c skip locked`,
    [now, limit * 8, limit],
  );
  if (locked.rows.length === 0) return [];
  const r = await tx.query<ScheduledActionRow>(
    `select * from scheduled_actions
     where complaint_id = any($1::bigint[]) and handled_at is null and due_at <= $2
     order by due_at, id limit $3 for update`,
    [locked.rows.map((c) => c.id), now, limit],
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

// The sweep's work list, kept in step with a complaint's clocks: each running clock has a row
// for each warning and one for its breach; a stopped clock has none left to do.
import { dueWorkOf, type ClockInstance } from '../../domain/clocks/policy-clocks.ts';
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

export async function syncScheduledActions(
  tx: Queryable,
  complaintId: number,
  clocks: readonly ClockInstance[],
): Promise<void> {
  const wanted = dueWorkOf(clocks);
  const live = [...new Set(wanted.map((w) => w.clock))];
  // Unhandled work of clocks no longer running (stopped or paused) is dropped, as are
  // warnings and breaches whose instant is no longer wanted.
  await tx.query(
    `delete from scheduled_actions
     where complaint_id = $1 and handled_at is null and kind <> 'auto'
       and (not (clock_name = any($2::text[]))
            or (kind in ('warn', 'breach') and not ((clock_name || '/' || kind || '/' || seq) = any($3::text[]))))`,
    [complaintId, live, wanted.map((w) => `${w.clock}/${w.kind}/${w.seq}`)],
  );
  if (wanted.length === 0) return;
  const values: unknown[] = [];
  const tuples = wanted.map((w, i) => {
    values.push(complaintId, w.clock, w.kind, w.seq, w.due);
    const b = i * 5;
    return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5})`;
  });
  // A handled row stays as it was: a breach is acted on once, even if the due moves later.
  await tx.query(
    `insert into scheduled_actions (complaint_id, clock_name, kind, seq, due_at) values ${tuples.join(', ')}
     on conflict (complaint_id, clock_name, kind, seq) do update set due_at = excluded.due_at
     where scheduled_actions.handled_at is null`,
    values,
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

// What composing a message reads of a complaint besides its row: its history (newest first)
// and the names of the departments it went to.
import type { Queryable } from '../client.ts';
import type { ComplaintRow } from './complaints.ts';

export interface HistoryEvent {
  type: string;
  at: Date;
  actor_role: string;
  reason: string | null;
  data: Record<string, unknown>;
}

export async function complaintById(db: Queryable, id: number): Promise<ComplaintRow | null> {
  const r = await db.query<ComplaintRow>('select * from complaints where id = $1', [id]);
  return r.rows[0] ?? null;
}

/** Every event of the complaint, newest first. */
export async function historyOf(db: Queryable, complaintId: number): Promise<HistoryEvent[]> {
  const r = await db.query<HistoryEvent>(
    `select type, at, actor_role, reason, data from events where complaint_id = $1
     order by stream_seq desc`,
    [complaintId],
  );
  return r.rows;
}

/** Department names by id (ids without a department are left out). */
export async function departmentNames(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await db.query<{ id: string; name: string }>(
    'select id, name from departments where id = any($1::text[])',
    [[...new Set(ids)]],
  );
  return new Map(r.rows.map((d) => [d.id, d.name]));
}

// Tasks for people: a call to make, or something the sweep could not do by itself.
import type { Queryable } from '../client.ts';

export interface NewTask {
  complaintId: number;
  /** call_customer | follow_up | … */
  kind: string;
  title: string;
  dueAt: Date | null;
  note: string | null;
  createdAt: Date;
}

export async function insertTask(tx: Queryable, t: NewTask): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `insert into tasks (complaint_id, kind, title, due_at, note, created_at)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [t.complaintId, t.kind, t.title, t.dueAt, t.note, t.createdAt],
  );
  return Number(r.rows[0]!.id);
}

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
  /** A coordination task for a department (its members see and complete it). */
  departmentId?: string | null;
  createdBy?: string | null;
}

export async function insertTask(tx: Queryable, t: NewTask): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `insert into tasks (complaint_id, kind, title, due_at, note, created_at, department_id, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [
      t.complaintId,
      t.kind,
      t.title,
      t.dueAt,
      t.note,
      t.createdAt,
      t.departmentId ?? null,
      t.createdBy ?? null,
    ],
  );
  return Number(r.rows[0]!.id);
}

/** Which department a task is for, and its complaint's department, or null: no such task. */
export async function taskScope(
  q: Queryable,
  id: number,
): Promise<{ department_id: string | null; complaint_department_id: string | null } | null> {
  const r = await q.query<{ department_id: string | null; complaint_department_id: string | null }>(
    `select t.department_id, c.department_id as complaint_department_id
       from tasks t join complaints c on c.id = t.complaint_id where t.id = $1`,
    [id],
  );
  return r.rows[0] ?? null;
}

/** Marks done the complaint's open tasks of these kinds (their request was answered). */
export async function completeTasksOfKinds(
  tx: Queryable,
  complaintId: number,
  kinds: readonly string[],
  by: string,
  at: Date,
): Promise<void> {
  if (!kinds.length) return;
  await tx.query(
    `update tasks set done_at = $3, done_by = $4
      where complaint_id = $1 and kind = any($2::text[]) and done_at is null`,
    [complaintId, kinds, at, by],
  );
}

// The state changes of staff work items: a task done, a notification read, a letter posted.
import type { Queryable } from '../client.ts';

/** False when there is no open task with this id. */
export async function markTaskDone(
  db: Queryable,
  id: number,
  by: string,
  note: string | null,
  at: Date,
): Promise<boolean> {
  const r = await db.query(
    'update tasks set done_at = $2, done_by = $3, note = coalesce($4, note) where id = $1 and done_at is null',
    [id, at, by, note],
  );
  return r.rowCount > 0;
}

/** False when the user has no unread notification with this id. */
export async function markNotificationRead(
  db: Queryable,
  user: { id: string; role: string },
  id: number,
  at: Date,
): Promise<boolean> {
  const r = await db.query(
    'update notifications set read_at = $2 where id = $1 and read_at is null and (user_id = $3 or (user_id is null and role = $4))',
    [id, at, user.id, user.role],
  );
  return r.rowCount > 0;
}

/** The complaint of a letter, or null when there is no letter with this id. */
export async function letterComplaintId(tx: Queryable, id: number): Promise<number | null> {
  const r = await tx.query<{ complaint_id: number }>(
    `select complaint_id from messages where id = $1 and channel = 'letter'`,
    [id],
  );
  return r.rows[0]?.complaint_id ?? null;
}

/** The letter's status, its row locked until the transaction ends. */
export async function lockLetterStatus(tx: Queryable, id: number): Promise<string> {
  const r = await tx.query<{ status: string }>(
    'select status from messages where id = $1 for update',
    [id],
  );
  return r.rows[0]!.status;
}

export async function markLetterPosted(tx: Queryable, id: number, at: Date): Promise<void> {
  await tx.query(
    `update messages set status = 'posted', posted_at = $2, sent_at = $2 where id = $1`,
    [id, at],
  );
}

// Presence on a complaint: "viewing" or "editing" heartbeats, one row per user per complaint.
import type { Queryable } from '../client.ts';

export type PresenceMode = 'viewing' | 'editing';

export interface PresenceRecord {
  user_id: string;
  name: string;
  mode: PresenceMode;
  seen_at: Date;
}

/** Records a heartbeat: the row of (complaint, user) now says this mode, seen at `at`. */
export async function recordPresence(
  q: Queryable,
  beat: { complaintId: number; userId: string; mode: PresenceMode; at: Date },
): Promise<void> {
  await q.query(
    `insert into complaint_presence (complaint_id, user_id, mode, seen_at) values ($1, $2, $3, $4)
     on conflict (complaint_id, user_id) do update set mode = excluded.mode, seen_at = excluded.seen_at`,
    [beat.complaintId, beat.userId, beat.mode, beat.at],
  );
}

/** Everyone else seen on the complaint since `since`, editing first, then the latest seen. */
export async function presentOthers(
  q: Queryable,
  complaintId: number,
  userId: string,
  since: Date,
): Promise<PresenceRecord[]> {
  const r = await q.query<PresenceRecord>(
    `select p.user_id, u.name, p.mode, p.seen_at from complaint_presence p
       join users u on u.id = p.user_id
      where p.complaint_id = $1 and p.user_id <> $2 and p.seen_at >= $3
      order by p.mode = 'editing' desc, p.seen_at desc`,
    [complaintId, userId, since],
  );
  return r.rows;
}

/** Someone left the page: their row goes (others stop seeing them at once). */
export async function clearPresence(q: Queryable, complaintId: number, userId: string) {
  await q.query('delete from complaint_presence where complaint_id = $1 and user_id = $2', [
    complaintId,
    userId,
  ]);
}

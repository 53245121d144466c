// Signed-in browser sessions, stored by the SHA-256 of the cookie's secret.
import type { Queryable } from '../client.ts';
import type { UserRow } from './users.ts';

export async function insertSession(
  db: Queryable,
  s: { idHash: string; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db.query(
    'insert into sessions (id, user_id, csrf_token, expires_at) values ($1, $2, $3, $4)',
    [s.idHash, s.userId, s.csrfToken, s.expiresAt],
  );
}

export async function findSession(
  db: Queryable,
  idHash: string,
  now: Date,
): Promise<{ user: UserRow; csrfToken: string } | null> {
  const r = await db.query<UserRow & { csrf_token: string }>(
    `select u.*, s.csrf_token from sessions s join users u on u.id = s.user_id
     where s.id = $1 and s.expires_at > $2 and u.active`,
    [idHash, now],
  );
  const row = r.rows[0];
  return row ? { user: row, csrfToken: row.csrf_token } : null;
}

export async function deleteSession(db: Queryable, idHash: string): Promise<void> {
  await db.query('delete from sessions where id = $1', [idHash]);
}

/** Ends every session of a user (deactivated: signed out everywhere). */
export async function deleteUserSessions(db: Queryable, userId: string): Promise<void> {
  await db.query('delete from sessions where user_id = $1', [userId]);
}

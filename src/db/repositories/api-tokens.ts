// Bearer tokens of integrations and scripts, stored by their SHA-256.
import type { Queryable } from '../client.ts';
import type { UserRow } from './users.ts';

export async function insertApiToken(
  db: Queryable,
  t: { id: string; userId: string; tokenHash: string; name: string },
): Promise<void> {
  await db.query('insert into api_tokens (id, user_id, token_hash, name) values ($1, $2, $3, $4)', [
    t.id,
    t.userId,
    t.tokenHash,
    t.name,
  ]);
}

export async function findUserByToken(db: Queryable, tokenHash: string): Promise<UserRow | null> {
  const r = await db.query<UserRow>(
    `select u.* from api_tokens t join users u on u.id = t.user_id
     where t.token_hash = $1 and t.revoked_at is null and u.active`,
    [tokenHash],
  );
  return r.rows[0] ?? null;
}

// Bearer tokens of integrations and scripts, stored by their SHA-256. A token works until it
// expires or is revoked; deactivating its user revokes it for good.
import type { Queryable } from '../client.ts';
import type { UserRow } from './users.ts';

export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

export async function insertApiToken(
  db: Queryable,
  t: { id: string; userId: string; tokenHash: string; name: string; expiresAt: Date },
): Promise<void> {
  await db.query(
    'insert into api_tokens (id, user_id, token_hash, name, expires_at) values ($1, $2, $3, $4, $5)',
    [t.id, t.userId, t.tokenHash, t.name, t.expiresAt],
  );
}

/** The user of a token that is neither expired nor revoked, if the user is active. */
export async function findUserByToken(
  db: Queryable,
  tokenHash: string,
  now: Date,
): Promise<UserRow | null> {
  const r = await db.query<UserRow>(
    `select u.* from api_tokens t join users u on u.id = t.user_id
     where t.token_hash = $1 and t.revoked_at is null and t.expires_at > $2 and u.active`,
    [tokenHash, now],
  );
  return r.rows[0] ?? null;
}

const COLUMNS = 'id, user_id, name, created_at, expires_at, revoked_at';

export async function listApiTokens(db: Queryable, userId: string): Promise<ApiTokenRow[]> {
  const r = await db.query<ApiTokenRow>(
    `select ${COLUMNS} from api_tokens where user_id = $1 order by created_at, id`,
    [userId],
  );
  return r.rows;
}

/** Revokes one token; `changed` is false when it was already revoked (it keeps that time). */
export async function revokeApiToken(
  db: Queryable,
  id: string,
  at: Date,
): Promise<{ row: ApiTokenRow; changed: boolean } | null> {
  const r = await db.query<ApiTokenRow & { changed: boolean }>(
    `with t as (select ${COLUMNS} from api_tokens where id = $1 for update),
       u as (update api_tokens a set revoked_at = $2 from t
             where a.id = t.id and t.revoked_at is null returning a.id)
     select t.id, t.user_id, t.name, t.created_at, t.expires_at,
       coalesce(t.revoked_at, $2) as revoked_at, exists (select 1 from u) as changed
     from t`,
    [id, at],
  );
  const row = r.rows[0];
  if (!row) return null;
  const { changed, ...token } = row;
  return { row: token, changed };
}

/** Revokes every token of a user still in force; returns how many. */
export async function revokeUserTokens(db: Queryable, userId: string, at: Date): Promise<number> {
  const r = await db.query(
    'update api_tokens set revoked_at = $2 where user_id = $1 and revoked_at is null',
    [userId, at],
  );
  return r.rowCount;
}

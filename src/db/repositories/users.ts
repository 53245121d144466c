// Users, their sessions and their bearer tokens.
import type { Queryable } from '../client.ts';
import type { Role } from '../../domain/complaint/states.ts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  department_id: string | null;
  password_hash: string | null;
  active: boolean;
  created_at: Date;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
  active: boolean;
  createdAt: Date;
}

export const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  departmentId: r.department_id,
  active: r.active,
  createdAt: r.created_at,
});

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | null> {
  const r = await db.query<UserRow>('select * from users where email = $1', [
    email.trim().toLowerCase(),
  ]);
  return r.rows[0] ?? null;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | null> {
  const r = await db.query<UserRow>('select * from users where id = $1', [id]);
  return r.rows[0] ?? null;
}

export async function insertUser(
  db: Queryable,
  u: {
    id: string;
    email: string;
    name: string;
    role: Role;
    departmentId: string | null;
    passwordHash: string | null;
  },
): Promise<UserRow> {
  const r = await db.query<UserRow>(
    `insert into users (id, email, name, role, department_id, password_hash)
     values ($1, $2, $3, $4, $5, $6) returning *`,
    [u.id, u.email.trim().toLowerCase(), u.name, u.role, u.departmentId, u.passwordHash],
  );
  return r.rows[0]!;
}

export async function listUsers(db: Queryable): Promise<UserRow[]> {
  return (await db.query<UserRow>('select * from users order by name, id')).rows;
}

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

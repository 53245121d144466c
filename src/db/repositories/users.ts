// Staff accounts.
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

/** The accounts, optionally filtered by role, department or whether they are active. */
export async function findUsers(
  q: Queryable,
  filter: { role?: Role; departmentId?: string; active?: boolean } = {},
): Promise<UserRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (filter.role) where.push(`role = ${p(filter.role)}`);
  if (filter.departmentId) where.push(`department_id = ${p(filter.departmentId)}`);
  if (filter.active !== undefined) where.push(`active = ${p(filter.active)}`);
  const r = await q.query<UserRow>(
    `select * from users ${where.length ? `where ${where.join(' and ')}` : ''} order by name, id`,
    params,
  );
  return r.rows;
}

export async function countUsers(q: Queryable): Promise<number> {
  const r = await q.query<{ n: number }>('select count(*)::int as n from users');
  return r.rows[0]?.n ?? 0;
}

export async function activeUserExists(q: Queryable, id: string): Promise<boolean> {
  const r = await q.query('select 1 from users where id = $1 and active', [id]);
  return r.rowCount > 0;
}

/** Active users whose email's local part is one of these handles (an @mention), any case. */
export async function activeUsersByHandles(
  q: Queryable,
  handles: readonly string[],
): Promise<{ id: string; name: string; handle: string }[]> {
  if (handles.length === 0) return [];
  const r = await q.query<{ id: string; name: string; handle: string }>(
    `select id, name, lower(split_part(email, '@', 1)) as handle from users
      where active and lower(split_part(email, '@', 1)) = any($1::text[])`,
    [handles.map((h) => h.toLowerCase())],
  );
  return r.rows;
}

export async function countActiveAdministrators(q: Queryable): Promise<number> {
  const r = await q.query<{ n: number }>(
    "select count(*)::int as n from users where role = 'administrator' and active",
  );
  return r.rows[0]?.n ?? 0;
}

/** Serialises changes to accounts (so two cannot both remove "the other" administrator). */
export async function lockAccounts(tx: Queryable): Promise<void> {
  await tx.query("select pg_advisory_xact_lock(hashtext('redress-users'))");
}

export async function lockUser(tx: Queryable, id: string): Promise<UserRow | null> {
  const r = await tx.query<UserRow>('select * from users where id = $1 for update', [id]);
  return r.rows[0] ?? null;
}

export interface UserChanges {
  name?: string;
  role?: Role;
  departmentId?: string | null;
  active?: boolean;
}

const COLUMN_OF: Record<keyof UserChanges, string> = {
  name: 'name',
  role: 'role',
  departmentId: 'department_id',
  active: 'active',
};

/** Writes the fields given; returns the row as it is now. */
export async function writeUserChanges(
  tx: Queryable,
  id: string,
  changes: UserChanges,
): Promise<UserRow> {
  const fields = (Object.keys(COLUMN_OF) as (keyof UserChanges)[]).filter(
    (f) => changes[f] !== undefined,
  );
  if (fields.length === 0) return (await findUserById(tx, id))!;
  const sets = fields.map((f, i) => `${COLUMN_OF[f]} = $${i + 2}`);
  const r = await tx.query<UserRow>(
    `update users set ${sets.join(', ')} where id = $1 returning *`,
    [id, ...fields.map((f) => changes[f])],
  );
  return r.rows[0]!;
}

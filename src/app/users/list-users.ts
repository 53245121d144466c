// The staff accounts, optionally filtered by role, department or whether they are active.
import type { Queryable } from '../../db/client.ts';
import { toUser, type User, type UserRow } from '../../db/repositories/users.ts';
import type { Role } from '../../domain/complaint/states.ts';

export interface UserFilter {
  role?: Role;
  departmentId?: string;
  active?: boolean;
}

export async function listUsers(db: Queryable, filter: UserFilter = {}): Promise<User[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (filter.role) where.push(`role = ${p(filter.role)}`);
  if (filter.departmentId) where.push(`department_id = ${p(filter.departmentId)}`);
  if (filter.active !== undefined) where.push(`active = ${p(filter.active)}`);
  const rows = await db.query<UserRow>(
    `select * from users ${where.length ? `where ${where.join(' and ')}` : ''} order by name, id`,
    params,
  );
  return rows.rows.map(toUser);
}

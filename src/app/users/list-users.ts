// The staff accounts, optionally filtered by role, department or whether they are active.
import type { Queryable } from '../../db/client.ts';
import { findUsers, toUser, type User } from '../../db/repositories/users.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import type { Role } from '../../domain/complaint/states.ts';

export interface UserFilter {
  role?: Role;
  departmentId?: string;
  active?: boolean;
}

export async function listUsers(
  deps: { db: Queryable },
  _actor: Actor,
  filter: UserFilter = {},
): Promise<User[]> {
  return (await findUsers(deps.db, filter)).map(toUser);
}

// One staff account by id.
import type { Queryable } from '../../db/client.ts';
import { findUserById, toUser, type User } from '../../db/repositories/users.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';

export async function getUser(
  deps: { db: Queryable },
  _actor: Actor,
  input: { id: string },
): Promise<User> {
  const row = await findUserById(deps.db, input.id);
  if (!row) throw new AppError('USER.NOT_FOUND', `no user "${input.id}"`);
  return toUser(row);
}

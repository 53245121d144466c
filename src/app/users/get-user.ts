// One staff account by id.
import type { Queryable } from '../../db/client.ts';
import { findUserById, toUser, type User } from '../../db/repositories/users.ts';
import { AppError } from '../errors.ts';

export async function getUser(db: Queryable, id: string): Promise<User> {
  const row = await findUserById(db, id);
  if (!row) throw new AppError('USER.NOT_FOUND', `no user "${id}"`);
  return toUser(row);
}

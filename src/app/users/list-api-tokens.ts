// A user's bearer tokens (never the tokens themselves: only their names and dates).
import type { Queryable } from '../../db/client.ts';
import { listApiTokens as listRows, type ApiTokenRow } from '../../db/repositories/api-tokens.ts';
import { findUserById } from '../../db/repositories/users.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';

export async function listApiTokens(
  deps: { db: Queryable },
  _actor: Actor,
  input: { userId: string },
): Promise<ApiTokenRow[]> {
  if (!(await findUserById(deps.db, input.userId))) {
    throw new AppError('USER.NOT_FOUND', `no user "${input.userId}"`);
  }
  return listRows(deps.db, input.userId);
}

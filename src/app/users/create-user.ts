import { hash } from '@node-rs/argon2';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { departmentExists } from '../../db/repositories/departments.ts';
import { appendSystemEvent } from '../../db/repositories/events.ts';
import { findUserByEmail, insertUser, toUser, type User } from '../../db/repositories/users.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { ROLES } from '../../domain/complaint/states.ts';
import { newId } from '../crypto.ts';
import { AppError } from '../errors.ts';
import { checkNewPassword } from './password-rules.ts';

export const createUserInput = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  departmentId: z.string().min(1).max(100).nullable().optional(),
  // Length and commonness are checked by checkNewPassword (its refusals never echo it).
  password: z.string().max(200).optional(),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

/** Creates a staff account; department members must belong to a department. */
export async function createUser(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  input: CreateUserInput,
): Promise<User> {
  const now = deps.now();
  if (input.role === 'department_member' && !input.departmentId) {
    throw new AppError('USER.DEPARTMENT_REQUIRED', 'a department member needs a department');
  }
  if (input.password !== undefined) checkNewPassword(input.password, input);
  const passwordHash = input.password ? await hash(input.password) : null;
  return deps.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) {
      throw new AppError('USER.ALREADY_EXISTS', `a user with email ${input.email} already exists`);
    }
    if (input.departmentId && !(await departmentExists(tx, input.departmentId))) {
      throw new AppError('USER.UNKNOWN_DEPARTMENT', `no department "${input.departmentId}"`);
    }
    const row = await insertUser(tx, {
      id: newId(),
      email: input.email,
      name: input.name,
      role: input.role,
      departmentId: input.departmentId ?? null,
      passwordHash,
    });
    await appendSystemEvent(tx, {
      type: 'user_created',
      actor: { id: actor.id, role: actor.role },
      at: now,
      data: { userId: row.id, email: row.email, role: row.role, departmentId: row.department_id },
    });
    return toUser(row);
  });
}

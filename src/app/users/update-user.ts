// An administrator changes a staff account: name, role, department, active. The change and its
// system audit event (before and after of each field changed) are committed together.
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { revokeUserTokens } from '../../db/repositories/api-tokens.ts';
import { departmentExists } from '../../db/repositories/departments.ts';
import { deleteUserSessions } from '../../db/repositories/sessions.ts';
import { appendSystemEvent } from '../../db/repositories/events.ts';
import {
  countActiveAdministrators,
  lockAccounts,
  lockUser,
  toUser,
  writeUserChanges,
  type User,
} from '../../db/repositories/users.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { ROLES } from '../../domain/complaint/states.ts';
import { AppError } from '../errors.ts';

export const updateUserInput = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    role: z.enum(ROLES).optional(),
    departmentId: z.string().min(1).max(100).nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), {
    message: 'give at least one of name, role, departmentId, active',
  });
export type UpdateUserInput = z.infer<typeof updateUserInput>;

const FIELDS = ['name', 'role', 'departmentId', 'active'] as const;
type Field = (typeof FIELDS)[number];

export async function updateUser(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  { id, changes: input }: { id: string; changes: UpdateUserInput },
): Promise<User> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    // Serialise changes to accounts so two requests cannot both remove "the other" administrator.
    await lockAccounts(tx);
    const before = await lockUser(tx, id);
    if (!before) throw new AppError('USER.NOT_FOUND', `no user "${id}"`);
    const current = toUser(before);
    const after = {
      name: input.name ?? current.name,
      role: input.role ?? current.role,
      departmentId: input.departmentId === undefined ? current.departmentId : input.departmentId,
      active: input.active ?? current.active,
    };
    if (after.role === 'department_member' && !after.departmentId) {
      throw new AppError('USER.DEPARTMENT_REQUIRED', 'a department member needs a department');
    }
    if (
      after.departmentId &&
      after.departmentId !== current.departmentId &&
      !(await departmentExists(tx, after.departmentId))
    ) {
      throw new AppError('USER.UNKNOWN_DEPARTMENT', `no department "${after.departmentId}"`);
    }
    const wasAdmin = current.role === 'administrator' && current.active;
    const staysAdmin = after.role === 'administrator' && after.active;
    if (wasAdmin && !staysAdmin && (await countActiveAdministrators(tx)) <= 1) {
      throw new AppError(
        'USER.LAST_ADMINISTRATOR',
        'this is the last active administrator; make another administrator first',
      );
    }
    const changed = FIELDS.filter((f: Field) => after[f] !== current[f]);
    if (changed.length === 0) return current;
    const row = await writeUserChanges(
      tx,
      id,
      Object.fromEntries(changed.map((f) => [f, after[f]])),
    );
    // Deactivation ends every token and session for good: reactivating the account brings
    // none of them back.
    const ended =
      current.active && !after.active
        ? { tokensRevoked: await revokeUserTokens(tx, id, now) }
        : null;
    if (ended) await deleteUserSessions(tx, id);
    await appendSystemEvent(tx, {
      type: 'user_updated',
      actor: { id: actor.id, role: actor.role },
      at: now,
      data: {
        userId: id,
        changes: Object.fromEntries(changed.map((f) => [f, { from: current[f], to: after[f] }])),
        ...ended,
      },
    });
    return toUser(row);
  });
}

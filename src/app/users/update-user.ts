// An administrator changes a staff account: name, role, department, active. The change and its
// system audit event (before and after of each field changed) are committed together.
import { z } from 'zod';
import type { Db, Queryable } from '../../db/client.ts';
import { toUser, type User, type UserRow } from '../../db/repositories/users.ts';
import { ROLES } from '../../domain/complaint/states.ts';
import { appendSystemEvent } from '../audit.ts';
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

const FIELDS = { name: 'name', role: 'role', departmentId: 'department_id', active: 'active' };
type Field = keyof typeof FIELDS;

async function activeAdministrators(tx: Queryable): Promise<number> {
  const r = await tx.query<{ n: number }>(
    "select count(*)::int as n from users where role = 'administrator' and active",
  );
  return r.rows[0]?.n ?? 0;
}

export async function updateUser(
  db: Db,
  actor: { id: string; role: string },
  id: string,
  input: UpdateUserInput,
  now: Date,
): Promise<User> {
  return db.transaction(async (tx) => {
    // Serialise changes to accounts so two requests cannot both remove "the other" administrator.
    await tx.query("select pg_advisory_xact_lock(hashtext('redress-users'))");
    const found = await tx.query<UserRow>('select * from users where id = $1 for update', [id]);
    const before = found.rows[0];
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
    if (after.departmentId && after.departmentId !== current.departmentId) {
      const d = await tx.query('select 1 from departments where id = $1', [after.departmentId]);
      if (d.rowCount === 0)
        throw new AppError('USER.UNKNOWN_DEPARTMENT', `no department "${after.departmentId}"`);
    }
    const wasAdmin = current.role === 'administrator' && current.active;
    const staysAdmin = after.role === 'administrator' && after.active;
    if (wasAdmin && !staysAdmin && (await activeAdministrators(tx)) <= 1) {
      throw new AppError(
        'USER.LAST_ADMINISTRATOR',
        'this is the last active administrator; make another administrator first',
      );
    }
    const changed = (Object.keys(FIELDS) as Field[]).filter((f) => after[f] !== current[f]);
    if (changed.length === 0) return current;
    const sets = changed.map((f, i) => `${FIELDS[f]} = $${i + 2}`);
    const r = await tx.query<UserRow>(
      `update users set ${sets.join(', ')} where id = $1 returning *`,
      [id, ...changed.map((f) => after[f])],
    );
    await appendSystemEvent(tx, {
      type: 'user_updated',
      actor,
      at: now,
      data: {
        userId: id,
        changes: Object.fromEntries(changed.map((f) => [f, { from: current[f], to: after[f] }])),
      },
    });
    return toUser(r.rows[0]!);
  });
}

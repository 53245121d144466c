// An administrator adds a department; the row and its system audit event are one transaction.
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { insertDepartment } from '../../db/repositories/departments.ts';
import { appendSystemEvent } from '../../db/repositories/events.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';
import { toDepartment, type Department } from './list-departments.ts';

export const createDepartmentInput = z.strictObject({
  id: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]{0,62}$/,
      'expected a slug of lower-case letters, digits and hyphens (e.g. billing)',
    ),
  name: z.string().trim().min(1).max(200),
  email: z.email('expected an email address').max(254).optional(),
});
export type CreateDepartmentInput = z.infer<typeof createDepartmentInput>;

export async function createDepartment(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  input: CreateDepartmentInput,
): Promise<Department> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await insertDepartment(tx, {
      id: input.id,
      name: input.name,
      email: input.email ?? null,
    });
    if (!row) throw new AppError('DEPARTMENT.ALREADY_EXISTS', `a department "${input.id}" exists`);
    await appendSystemEvent(tx, {
      type: 'department_created',
      actor: { id: actor.id, role: actor.role },
      at: now,
      data: { departmentId: row.id, name: row.name, email: row.email },
    });
    return toDepartment(row);
  });
}

// An administrator adds a department; the row and its system audit event are one transaction.
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { appendSystemEvent } from '../audit.ts';
import { AppError } from '../errors.ts';
import { toDepartment, type Department, type DepartmentRow } from './list-departments.ts';

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
  db: Db,
  actor: { id: string; role: string },
  input: CreateDepartmentInput,
  now: Date,
): Promise<Department> {
  return db.transaction(async (tx) => {
    const r = await tx.query<DepartmentRow>(
      `insert into departments (id, name, email) values ($1, $2, $3)
       on conflict (id) do nothing returning *`,
      [input.id, input.name, input.email ?? null],
    );
    const row = r.rows[0];
    if (!row) throw new AppError('DEPARTMENT.ALREADY_EXISTS', `a department "${input.id}" exists`);
    await appendSystemEvent(tx, {
      type: 'department_created',
      actor,
      at: now,
      data: { departmentId: row.id, name: row.name, email: row.email },
    });
    return toDepartment(row);
  });
}

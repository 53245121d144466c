// An administrator renames a department (its id, which complaints and users refer to, stays),
// with the name before and after in the audit trail.
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { renameDepartmentRow } from '../../db/repositories/departments.ts';
import { appendSystemEvent } from '../../db/repositories/events.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';
import { toDepartment, type Department } from './list-departments.ts';

export const renameDepartmentInput = z.strictObject({
  name: z.string().trim().min(1, 'the name must not be empty').max(200),
});

export async function renameDepartment(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  input: { id: string; name: string },
): Promise<Department> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const changed = await renameDepartmentRow(tx, input.id, input.name);
    if (!changed) throw new AppError('DEPARTMENT.NOT_FOUND', `no department "${input.id}"`);
    await appendSystemEvent(tx, {
      type: 'department_renamed',
      actor: { id: actor.id, role: actor.role },
      at: now,
      data: {
        departmentId: input.id,
        before: { name: changed.before.name },
        after: { name: changed.after.name },
      },
    });
    return toDepartment(changed.after);
  });
}

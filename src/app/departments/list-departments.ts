// The departments complaints can be transferred to.
import type { Queryable } from '../../db/client.ts';
import { listDepartmentRows, type DepartmentRow } from '../../db/repositories/departments.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';

export interface Department {
  id: string;
  name: string;
  email: string | null;
  createdAt: Date;
}

export const toDepartment = (r: DepartmentRow): Department => ({
  id: r.id,
  name: r.name,
  email: r.email,
  createdAt: r.created_at,
});

export async function listDepartments(
  deps: { db: Queryable },
  _actor: Actor,
): Promise<Department[]> {
  return (await listDepartmentRows(deps.db)).map(toDepartment);
}

// The departments complaints can be transferred to.
import type { Queryable } from '../../db/client.ts';

export interface Department {
  id: string;
  name: string;
  email: string | null;
  createdAt: Date;
}

export interface DepartmentRow {
  id: string;
  name: string;
  email: string | null;
  created_at: Date;
}

export const toDepartment = (r: DepartmentRow): Department => ({
  id: r.id,
  name: r.name,
  email: r.email,
  createdAt: r.created_at,
});

export async function listDepartments(db: Queryable): Promise<Department[]> {
  const r = await db.query<DepartmentRow>('select * from departments order by name, id');
  return r.rows.map(toDepartment);
}

// The departments complaints can be transferred to.
import type { Queryable } from '../client.ts';

export interface DepartmentRow {
  id: string;
  name: string;
  email: string | null;
  created_at: Date;
}

/** Inserts a department; null when one with this id exists. */
export async function insertDepartment(
  q: Queryable,
  d: { id: string; name: string; email: string | null; createdAt?: Date },
): Promise<DepartmentRow | null> {
  const r = await q.query<DepartmentRow>(
    `insert into departments (id, name, email, created_at) values ($1, $2, $3, coalesce($4, now()))
     on conflict (id) do nothing returning *`,
    [d.id, d.name, d.email, d.createdAt ?? null],
  );
  return r.rows[0] ?? null;
}

export async function listDepartmentRows(q: Queryable): Promise<DepartmentRow[]> {
  const r = await q.query<DepartmentRow>('select * from departments order by name, id');
  return r.rows;
}

export async function departmentExists(q: Queryable, id: string): Promise<boolean> {
  const r = await q.query('select 1 from departments where id = $1', [id]);
  return r.rowCount > 0;
}

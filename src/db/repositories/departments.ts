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

/** Renames a department: the row before and after, or null when there is none. */
export async function renameDepartmentRow(
  q: Queryable,
  id: string,
  name: string,
): Promise<{ before: DepartmentRow; after: DepartmentRow } | null> {
  const before = await q.query<DepartmentRow>(
    'select * from departments where id = $1 for update',
    [id],
  );
  if (!before.rows[0]) return null;
  const after = await q.query<DepartmentRow>(
    'update departments set name = $2 where id = $1 returning *',
    [id, name],
  );
  return { before: before.rows[0], after: after.rows[0]! };
}

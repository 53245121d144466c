// Whole-database operations outside any one table's repository.
import type { Db } from './client.ts';

/** Tables the reset empties; `truncate … cascade` also empties those that hang off them. */
const COMPLAINT_TABLES = [
  'complaints',
  'events',
  'messages',
  'attachments',
  'clock_instances',
  'customers',
  'idempotency_keys',
  'sessions',
  'api_tokens',
];

/**
 * Removes complaints, customers, users and departments (the demo's data). Truncating bypasses
 * the events table's append-only row trigger. Users and departments are deleted instead, because
 * configuration that is kept (policy versions, templates, …) may name its author: those
 * references are cleared first.
 */
export async function wipeComplaintsAndStaff(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`truncate ${COMPLAINT_TABLES.join(', ')} restart identity cascade`);
    await tx.query('alter sequence complaint_number restart');
    const refs = await tx.query<{ tbl: string; col: string }>(
      `select c.conrelid::regclass::text as tbl, quote_ident(a.attname) as col
       from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
       where c.contype = 'f' and c.confrelid in ('users'::regclass, 'departments'::regclass)
         and c.conrelid not in ('users'::regclass, 'departments'::regclass)`,
    );
    for (const { tbl, col } of refs.rows) {
      await tx.query(`update ${tbl} set ${col} = null where ${col} is not null`);
    }
    await tx.query('delete from users');
    await tx.query('delete from departments');
  });
}

// Whether the database answers (the health check).
import type { Queryable } from '../client.ts';

export async function ping(db: Queryable): Promise<void> {
  await db.query('select 1');
}

// Work announced to the other processes on one PostgreSQL (NOTIFY/LISTEN): a web process that
// took a complaint wakes the workers' sweeps at once. PGlite is one process: nothing to tell.
import type { Db } from './client.ts';

export const WORK_CHANNEL = 'redress_work';

export async function announceWork(db: Db, payload: string): Promise<void> {
  if (db.kind !== 'postgres') return;
  await db.query('select pg_notify($1, $2)', [WORK_CHANNEL, payload]);
}

/** Listens for other processes' announcements; null where the engine has none (PGlite). */
export function listenForWork(
  db: Db,
  onAnnounce: (payload: string) => void,
): Promise<() => Promise<void>> | null {
  return db.listen ? db.listen(WORK_CHANNEL, onAnnounce) : null;
}

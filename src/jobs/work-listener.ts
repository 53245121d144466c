// Listens on PostgreSQL for work announced by the other processes (a web process that took a
// complaint) and wakes this process's sweep and outbox. Nothing to do on PGlite (one process).
import { listenForWork } from '../db/work-notify.ts';
import type { ServiceFactory } from './background.ts';

export const workListener: ServiceFactory = (services, log) => {
  if (services.db.kind !== 'postgres') return null;
  let stop: (() => Promise<void>) | null = null;
  return {
    name: 'work listener',
    async start() {
      try {
        stop = await listenForWork(services.db, (p) => services.work.received(p));
      } catch (err) {
        // Not fatal: the loops poll on their interval all the same.
        log(`work listener: not listening, polling only: ${(err as Error).message}`);
      }
    },
    async stop() {
      await stop?.();
    },
  };
};

// The deadline sweep as a background service: woken at once after a write in this process
// (a receipt is due the moment a complaint is registered), and on its interval.
import { hostname } from 'node:os';
import { runDueActions, SCHEDULER } from '../app/scheduler/run-due-actions.ts';
import type { ServiceFactory } from './background.ts';
import { workLoop } from './loop.ts';

export const deadlineSweep: ServiceFactory = (services, log) => {
  const deps = { ...services, workerId: `${hostname()}:${process.pid}` };
  const loop = workLoop(
    'deadline sweep',
    services.config.sweepIntervalMs,
    async () => {
      const done = await runDueActions(deps, SCHEDULER);
      // What it did may have queued email (a receipt, a letter): the outbox need not wait.
      if (done > 0) services.work.notify('outbox');
      return done;
    },
    log,
  );
  let unsubscribe = () => {};
  return {
    name: loop.name,
    async start() {
      unsubscribe = services.work.subscribe('sweep', () => loop.wake());
      await loop.start();
    },
    async stop() {
      unsubscribe();
      await loop.stop();
    },
  };
};

// The deadline sweep as a background service.
import { hostname } from 'node:os';
import { runDueActions } from '../app/scheduler/run-due-actions.ts';
import type { ServiceFactory } from './background.ts';
import { workLoop } from './loop.ts';

export const deadlineSweep: ServiceFactory = (rt, log) =>
  workLoop(
    'deadline sweep',
    rt.config.sweepIntervalMs,
    () =>
      runDueActions({
        db: rt.db,
        policies: rt.policies,
        now: () => new Date(),
        workerId: `${hostname()}:${process.pid}`,
        mailDomain: rt.config.mailDomain,
      }),
    log,
  );

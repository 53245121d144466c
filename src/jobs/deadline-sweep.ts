// The deadline sweep as a background service.
import { hostname } from 'node:os';
import { runDueActions, SCHEDULER } from '../app/scheduler/run-due-actions.ts';
import type { ServiceFactory } from './background.ts';
import { workLoop } from './loop.ts';

export const deadlineSweep: ServiceFactory = (services, log) => {
  const deps = { ...services, workerId: `${hostname()}:${process.pid}` };
  return workLoop(
    'deadline sweep',
    services.config.sweepIntervalMs,
    () => runDueActions(deps, SCHEDULER),
    log,
  );
};

// Overdue corrective actions (the lessons register) tell their owners: beside the deadline
// sweep, at the retention sweep's slower pace (a due date is a day, not a minute).
import { notifyOverdueCorrectiveActions } from '../app/lessons/notify-overdue-actions.ts';
import type { ServiceFactory } from './background.ts';
import { workLoop } from './loop.ts';

const INTERVAL_MS = 60_000;

export const correctiveActionSweep: ServiceFactory = (services, log) =>
  workLoop(
    'corrective-action sweep',
    Math.max(services.config.sweepIntervalMs, INTERVAL_MS),
    async () => (await notifyOverdueCorrectiveActions(services)).claimed,
    log,
  );

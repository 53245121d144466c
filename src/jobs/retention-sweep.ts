// The retention sweep as a background service: beside the deadline sweep, at a slower pace (a
// retention period ends on a day, not a minute).
import { sweepRetention } from '../app/privacy/sweep-retention.ts';
import type { ServiceFactory } from './background.ts';
import { workLoop } from './loop.ts';

const RETENTION_INTERVAL_MS = 60_000;

export const retentionSweep: ServiceFactory = (services, log) =>
  workLoop(
    'retention sweep',
    Math.max(services.config.sweepIntervalMs, RETENTION_INTERVAL_MS),
    async () => (await sweepRetention(services)).claimed,
    log,
  );

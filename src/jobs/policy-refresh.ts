// Keeps this process's policies current when another process (a second worker, the CLI) adds a
// policy version or a calendar correction: a cheap check every few seconds, a reload on change.
// Runs in every serving process, worker or not, since HTTP requests read the policies too.
import type { ServiceFactory } from './background.ts';
import { workLoop } from './loop.ts';

const REFRESH_INTERVAL_MS = 5_000;

export const policyRefresh: ServiceFactory = (services, log) =>
  workLoop(
    'policy refresh',
    REFRESH_INTERVAL_MS,
    async () => {
      if (await services.policies.refreshIfChanged()) {
        log('policies or calendar corrections changed elsewhere: reloaded');
      }
      return 0;
    },
    log,
  );

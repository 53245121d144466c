// The background services, in start-up order (one import and one entry each).
import type { Services } from '../composition.ts';
import { startBackground, type ServiceFactory } from './background.ts';
import { correctiveActionSweep } from './corrective-action-sweep.ts';
import { deadlineSweep } from './deadline-sweep.ts';
import { inboundMail } from './inbound-mail.ts';
import { outboxDispatcher } from './outbox-dispatcher.ts';
import { retentionSweep } from './retention-sweep.ts';
import { workListener } from './work-listener.ts';

const SERVICES: ServiceFactory[] = [
  workListener,
  deadlineSweep,
  retentionSweep,
  correctiveActionSweep,
  outboxDispatcher,
  inboundMail,
];

/** Starts every background service of this process; resolves to a function that stops them. */
export function startJobs(
  services: Services,
  log: (line: string) => void,
): Promise<() => Promise<void>> {
  return startBackground(services, SERVICES, log);
}

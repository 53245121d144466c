// Background services of one process: the deadline sweep, the outbox dispatcher and the mail
// readers. `redress serve` runs them beside the web server (unless REDRESS_WORKER=0);
// `redress worker` runs them alone. Any number of processes may run them against one
// PostgreSQL: every piece of work is claimed with FOR UPDATE SKIP LOCKED and done once.
import type { Services } from '../composition.ts';

export interface BackgroundService {
  name: string;
  start(): Promise<void>;
  /** Stops taking new work and waits for work in hand to finish. */
  stop(): Promise<void>;
}

/** Makes a service for this process, or null when it has nothing to do (e.g. no SMTP_URL). */
export type ServiceFactory = (
  services: Services,
  log: (line: string) => void,
) => BackgroundService | null;

export async function startBackground(
  services: Services,
  factories: readonly ServiceFactory[],
  log: (line: string) => void,
): Promise<() => Promise<void>> {
  const running: BackgroundService[] = [];
  for (const make of factories) {
    const service = make(services, log);
    if (!service) continue;
    await service.start();
    running.push(service);
  }
  if (running.length) log(`background: ${running.map((s) => s.name).join(', ')}`);
  return async () => {
    await Promise.all(running.map((s) => s.stop()));
  };
}

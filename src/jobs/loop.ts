// A worker loop: runs a step until it finds nothing to do, then waits, until stopped or woken.
// The work itself lives in the database, so a stopped loop loses nothing.
import type { BackgroundService } from './background.ts';

export interface WorkLoop extends BackgroundService {
  /** Runs the step again now (or right after the one in hand, so no wake-up is lost). */
  wake(): void;
}

export function workLoop(
  name: string,
  intervalMs: number,
  step: () => Promise<number>,
  log: (line: string) => void,
): WorkLoop {
  let stopping = false;
  let woken = false;
  let timer: NodeJS.Timeout | null = null;
  let resume: (() => void) | null = null;
  let running: Promise<void> = Promise.resolve();
  const loop = async () => {
    while (!stopping) {
      woken = false;
      try {
        while (!stopping && (await step()) > 0);
      } catch (err) {
        log(`${name}: ${err instanceof Error ? err.message : String(err)} (will retry)`);
      }
      if (stopping) break;
      // Woken while the step ran: what woke it may have been written after the step looked.
      if (woken) continue;
      await new Promise<void>((resolve) => {
        resume = resolve;
        timer = setTimeout(resolve, intervalMs);
      });
      if (timer) clearTimeout(timer);
      resume = null;
    }
  };
  return {
    name,
    async start() {
      running = loop();
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      resume?.();
      await running;
    },
    wake() {
      woken = true;
      resume?.();
    },
  };
}

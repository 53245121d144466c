// A worker loop: runs a step until it finds nothing to do, then waits, until stopped. The work
// itself lives in the database, so a stopped loop loses nothing.
import type { BackgroundService } from './background.ts';

export function workLoop(
  name: string,
  intervalMs: number,
  step: () => Promise<number>,
  log: (line: string) => void,
): BackgroundService {
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;
  let running: Promise<void> = Promise.resolve();
  const loop = async () => {
    while (!stopping) {
      try {
        while (!stopping && (await step()) > 0);
      } catch (err) {
        log(`${name}: ${err instanceof Error ? err.message : String(err)} (will retry)`);
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, intervalMs);
      });
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
      wake?.();
      await running;
    },
  };
}

// The built web app the server serves: built (or rebuilt) once when its sources changed.
import { spawnSync } from 'node:child_process';

let done = false;

export function ensureWebBuilt(): void {
  if (done) return;
  const r = spawnSync(process.execPath, ['scripts/build-web.mjs', '--if-missing-or-stale'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('building the web app failed');
  done = true;
}

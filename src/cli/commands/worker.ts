// redress worker — the background services alone (deadline sweep, outbox, mail readers), for
// running more processes against one PostgreSQL.
import { startBackground } from '../../jobs/background.ts';
import { loadConfig, ConfigError } from '../../config.ts';
import { openRuntime } from '../../app/runtime.ts';
import { DataDirLockedError } from '../../db/client.ts';
import { CliError } from '../cli-error.ts';

export async function run(): Promise<void> {
  let rt;
  try {
    rt = await openRuntime(loadConfig());
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DataDirLockedError)
      throw new CliError(err.message);
    throw err;
  }
  const log = (line: string) => console.log(`Redress worker: ${line}`);
  const stopBackground = await startBackground(rt, log);
  log('running; stop with Ctrl-C');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log('stopping…');
  await stopBackground();
  await rt.close();
}

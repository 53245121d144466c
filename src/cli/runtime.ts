// Opening the configured database for a CLI verb, with config errors as one-line messages.
import { ConfigError, loadConfig } from '../config.ts';
import { DataDirLockedError } from '../db/client.ts';
import { openRuntime, type Runtime } from '../app/runtime.ts';
import { CliError } from './cli-error.ts';

export async function withRuntime<T>(
  fn: (rt: Runtime) => Promise<T>,
  opts: { migrate?: boolean } = {},
): Promise<T> {
  let rt: Runtime;
  try {
    rt = await openRuntime(loadConfig(), opts);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DataDirLockedError)
      throw new CliError(err.message);
    const code = (err as { code?: string }).code;
    if (code === 'ECONNREFUSED' || code === '3D000' || code === '28P01') {
      throw new CliError(`cannot reach the database at DATABASE_URL: ${(err as Error).message}`);
    }
    throw err;
  }
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

// Opening the configured services for a CLI verb, with config errors as one-line messages.
import { openServices, type OpenServices } from '../composition.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { DataDirLockedError } from '../db/client.ts';
import { CliError } from './cli-error.ts';

/** Who a CLI verb acts as: the operator at the machine, an administrator. */
export const CLI_ACTOR = { id: 'cli', role: 'administrator' } as const;

/** The services for this process (migrated unless told not to), or a one-line CliError. */
export async function openCliServices(opts: { migrate?: boolean } = {}): Promise<OpenServices> {
  try {
    return await openServices(loadConfig(), opts);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DataDirLockedError)
      throw new CliError(err.message);
    const code = (err as { code?: string }).code;
    if (code === 'ECONNREFUSED' || code === '3D000' || code === '28P01') {
      throw new CliError(`cannot reach the database at DATABASE_URL: ${(err as Error).message}`);
    }
    throw err;
  }
}

export async function withServices<T>(
  fn: (services: OpenServices) => Promise<T>,
  opts: { migrate?: boolean } = {},
): Promise<T> {
  const services = await openCliServices(opts);
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}

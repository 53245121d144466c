// Opens what every command needs: the database (migrated) and the policies.
import type { Config } from '../config.ts';
import { openDatabase, type Db } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { PolicyRegistry } from './policy-registry.ts';

export interface Runtime {
  config: Config;
  db: Db;
  policies: PolicyRegistry;
  close(): Promise<void>;
}

export async function openRuntime(
  config: Config,
  opts: { migrate?: boolean } = {},
): Promise<Runtime> {
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPool,
  });
  try {
    if (opts.migrate !== false) await migrate(db);
    const policies = new PolicyRegistry(db);
    await policies.syncPresets();
    return { config, db, policies, close: () => db.close() };
  } catch (err) {
    await db.close();
    throw err;
  }
}

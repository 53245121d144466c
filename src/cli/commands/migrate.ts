// redress migrate — applies pending migrations (serve also does this on start).
import { ConfigError, loadConfig } from '../../config.ts';
import { DataDirLockedError, openDatabase } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { CliError } from '../cli-error.ts';

export async function run(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  }).catch((err: unknown) => {
    // Another process holds the embedded database: one line, not an "unexpected error".
    if (err instanceof DataDirLockedError) throw new CliError(err.message);
    throw err;
  });
  try {
    const applied = await migrate(db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
  } finally {
    await db.close();
  }
}

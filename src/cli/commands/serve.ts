// redress serve — the web server on the configured database (embedded by default).
import { loadConfig } from '../../config.ts';
import { openRuntime } from '../../app/runtime.ts';
import { buildServer } from '../../http/server.ts';
import { startBackground } from '../../jobs/background.ts';
import { CliError } from '../cli-error.ts';
import { ConfigError } from '../../config.ts';
import { DataDirLockedError } from '../../db/client.ts';

export async function run(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
  const engine = config.databaseUrl
    ? 'PostgreSQL (DATABASE_URL)'
    : `the embedded database in ${config.dataDir}`;
  console.log(`Redress: opening ${engine}…`);
  let rt;
  try {
    rt = await openRuntime(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) throw new CliError(err.message);
    throw err;
  }
  if (config.demo) {
    const { ensureDemo } = await import('../../app/demo/load-demo.ts');
    await ensureDemo(rt, (line) => console.log(line));
  }
  const app = await buildServer({ config, db: rt.db, policies: rt.policies, logger: true });
  const log = (line: string) => console.log(`Redress: ${line}`);
  const stopBackground = config.worker ? await startBackground(rt, log) : async () => {};
  const stop = async (signal: string) => {
    console.log(`Redress: ${signal}, stopping…`);
    await app.close();
    await stopBackground();
    await rt.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(
    `Redress is running at ${config.publicUrl} (API under /api/v1, OpenAPI at /api/openapi.json)`,
  );
}

// redress serve — the web server on the configured database (embedded by default), with the
// background work unless REDRESS_WORKER=0.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer } from '../../http/server.ts';
import { policyRefresh } from '../../jobs/policy-refresh.ts';
import { startJobs } from '../../jobs/services.ts';
import { ConfigError, loadConfig } from '../../config.ts';
import { CliError } from '../cli-error.ts';
import { openCliServices } from '../runtime.ts';

export async function run(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
  const started = performance.now();
  const fresh = !config.databaseUrl && !existsSync(join(config.dataDir, 'pgdata'));
  console.log(
    config.databaseUrl
      ? 'Redress: opening PostgreSQL (DATABASE_URL)…'
      : fresh
        ? `Redress: creating the embedded database in ${config.dataDir} (first start)…`
        : `Redress: opening the embedded database in ${config.dataDir}…`,
  );
  const services = await openCliServices();
  if (config.demo) {
    const { ensureDemo } = await import('../../app/demo/load-demo.ts');
    await ensureDemo(services, (line) => console.log(line));
  }
  const app = await buildServer({ ...services, logger: true });
  const log = (line: string) => console.log(`Redress: ${line}`);
  const stopJobs = config.worker ? await startJobs(services, log) : async () => {};
  const refresh = policyRefresh(services, log)!;
  await refresh.start();
  const stop = async (signal: string) => {
    console.log(`Redress: ${signal}, stopping…`);
    await app.close();
    await stopJobs();
    await refresh.stop();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Redress is running at ${config.publicUrl} (API under /api/v1, OpenAPI at /api/openapi.json), ready in ${seconds} s`,
  );
}

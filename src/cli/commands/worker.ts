// redress worker — the background services alone (deadline sweep, outbox, mail readers), for
// running more processes against one PostgreSQL.
import { startJobs } from '../../jobs/services.ts';
import { openCliServices } from '../runtime.ts';

export async function run(): Promise<void> {
  const services = await openCliServices();
  const log = (line: string) => console.log(`Redress worker: ${line}`);
  const stopJobs = await startJobs(services, log);
  log('running; stop with Ctrl-C');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log('stopping…');
  await stopJobs();
  await services.close();
}

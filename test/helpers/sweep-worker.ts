// A sweep worker process for the multi-worker test: runs the sweep on DATABASE_URL until it
// finds nothing to do for a while, then prints how many items it handled.
import { PolicyRegistry } from '../../src/app/policy-registry.ts';
import { runDueActions, SCHEDULER } from '../../src/app/scheduler/run-due-actions.ts';
import { openPostgres } from '../../src/db/client.ts';

const [url, name, nowIso] = process.argv.slice(2);
const db = await openPostgres(url!, 3);
const policies = new PolicyRegistry(db);
await policies.reload();
const now = new Date(nowIso!);
let handled = 0;
let idle = 0;
while (idle < 3) {
  const n = await runDueActions(
    { db, policies, now: () => now, workerId: name!, config: { mailDomain: 'test' } },
    SCHEDULER,
    { limit: 50 },
  );
  handled += n;
  idle = n === 0 ? idle + 1 : 0;
  if (n === 0) await new Promise((r) => setTimeout(r, 50));
}
console.log(JSON.stringify({ worker: name, handled }));
await db.close();

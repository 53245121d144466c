// Demo data: an organisation (departments, one account per role, a known password) and about
// 300 complaints under the seed policies in every state, loaded on first start (REDRESS_DEMO)
// or with `redress demo [--reset]`.
import type { Services } from '../../composition.ts';
import type { Queryable } from '../../db/client.ts';
import { wipeComplaintsAndStaff } from '../../db/maintenance.ts';
import { markQueuedEmailsSent } from '../../db/repositories/messages.ts';
import { countUsers, findUserByEmail } from '../../db/repositories/users.ts';
import { loadComplaints } from './demo-complaints.ts';
import { planDemo } from './demo-plan.ts';
import {
  createDemoOrganisation,
  DEMO_PASSWORD,
  DEMO_USERS,
  demoAccountsTable,
} from './demo-users.ts';

export interface LoadDemoOptions {
  /** Wipe complaints, customers, users and departments first. */
  reset: boolean;
  /** The demo's "today" (tests); received dates lie in the four months before it. */
  now?: Date;
}

export interface DemoSummary {
  complaints: number;
  byState: Record<string, number>;
  byPolicy: Record<string, number>;
  byChannel: Record<string, number>;
  seconds: number;
}

/** Whether the demo's accounts exist (as opposed to real users). */
export async function hasDemoUsers(db: Queryable): Promise<boolean> {
  return (await findUserByEmail(db, DEMO_USERS[0]!.email)) !== null;
}

/** First start: loads the demo into a database without users; otherwise leaves it alone. */
export async function ensureDemo(services: Services, log: (line: string) => void): Promise<void> {
  if ((await countUsers(services.db)) > 0) {
    log(
      (await hasDemoUsers(services.db))
        ? `Redress: demo data is present (demo accounts use the password "${DEMO_PASSWORD}"; \`redress demo --reset\` reloads it)`
        : 'Redress: the database has users of its own; demo data not loaded',
    );
    return;
  }
  await loadDemo(services, log, { reset: false });
}

const tally = (items: readonly string[]) => {
  const out: Record<string, number> = {};
  for (const i of items) out[i] = (out[i] ?? 0) + 1;
  return out;
};
const show = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

export async function loadDemo(
  services: Services,
  log: (line: string) => void,
  opts: LoadDemoOptions,
): Promise<DemoSummary> {
  const started = performance.now();
  if (opts.reset) {
    await wipeComplaintsAndStaff(services.db);
    services.intake.forgetReservedNumbers();
    log('Redress: demo reset: complaints, customers, users and departments removed');
  }
  const now = opts.now ?? new Date();
  log('Redress: loading demo data…');
  const staff = await createDemoOrganisation(services.db, now);
  const plans = planDemo({ now, staff, policyAt: (id, at) => services.policies.at(id, at) });
  let shown = 0;
  const loaded = await loadComplaints(services, staff, plans, (done, total) => {
    // A line every hundred complaints or so: enough to see it move, not a wall of text.
    if (done - shown >= 100 || done === total) {
      shown = done;
      log(`Redress: demo complaints: ${done} of ${total} taken through their histories`);
    }
  });
  // The demo's past emails count as sent: a dispatcher configured later must not send them.
  await markQueuedEmailsSent(services.db);
  const summary: DemoSummary = {
    complaints: loaded.length,
    byState: tally(loaded.map((c) => c.status)),
    byPolicy: tally(loaded.map((c) => c.policy)),
    byChannel: tally(loaded.map((c) => c.channel)),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  log(`Redress: demo data loaded: ${summary.complaints} complaints in ${summary.seconds} s`);
  log(`  by policy: ${show(summary.byPolicy)}`);
  log(`  by state: ${show(summary.byState)}`);
  log(`  by channel: ${show(summary.byChannel)}`);
  log('Redress: demo accounts (sign in with these):');
  for (const line of demoAccountsTable()) log(line);
  return summary;
}

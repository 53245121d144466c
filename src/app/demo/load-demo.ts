// Demo data: an organisation (departments, one account per role, a known password) and about
// 300 complaints under the seed policies in every state, loaded on first start (REDRESS_DEMO)
// or with `redress demo [--reset]`.
import type { Db } from '../../db/client.ts';
import type { Runtime } from '../runtime.ts';
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

export async function countUsers(db: Db): Promise<number> {
  const r = await db.query<{ n: number }>('select count(*)::int as n from users');
  return r.rows[0]?.n ?? 0;
}

/** Whether the demo's accounts exist (as opposed to real users). */
export async function hasDemoUsers(db: Db): Promise<boolean> {
  const r = await db.query('select 1 from users where email = $1', [DEMO_USERS[0]!.email]);
  return r.rowCount > 0;
}

/** First start: loads the demo into a database without users; otherwise leaves it alone. */
export async function ensureDemo(rt: Runtime, log: (line: string) => void): Promise<void> {
  if ((await countUsers(rt.db)) > 0) {
    log(
      (await hasDemoUsers(rt.db))
        ? `Redress: demo data is present (demo accounts use the password "${DEMO_PASSWORD}"; \`redress demo --reset\` reloads it)`
        : 'Redress: the database has users of its own; demo data not loaded',
    );
    return;
  }
  await loadDemo(rt, log, { reset: false });
}

/** Tables the reset empties; `truncate … cascade` also empties those that hang off them. */
const DEMO_TABLES = [
  'complaints',
  'events',
  'messages',
  'attachments',
  'clock_instances',
  'customers',
  'idempotency_keys',
  'sessions',
  'api_tokens',
];

/**
 * Removes what the demo loads. Truncating bypasses the events table's append-only row trigger.
 * Users and departments are deleted instead, because configuration that is kept (policy
 * versions, templates, …) may name its author: those references are cleared first.
 */
export async function wipeDemoData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`truncate ${DEMO_TABLES.join(', ')} restart identity cascade`);
    await tx.query('alter sequence complaint_number restart');
    const refs = await tx.query<{ tbl: string; col: string }>(
      `select c.conrelid::regclass::text as tbl, quote_ident(a.attname) as col
       from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
       where c.contype = 'f' and c.confrelid in ('users'::regclass, 'departments'::regclass)
         and c.conrelid not in ('users'::regclass, 'departments'::regclass)`,
    );
    for (const { tbl, col } of refs.rows) {
      await tx.query(`update ${tbl} set ${col} = null where ${col} is not null`);
    }
    await tx.query('delete from users');
    await tx.query('delete from departments');
  });
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
  rt: Runtime,
  log: (line: string) => void,
  opts: LoadDemoOptions,
): Promise<DemoSummary> {
  const started = performance.now();
  if (opts.reset) {
    await wipeDemoData(rt.db);
    log('Redress: demo reset: complaints, customers, users and departments removed');
  }
  const now = opts.now ?? new Date();
  log('Redress: loading demo data…');
  const staff = await createDemoOrganisation(rt.db, now);
  const plans = planDemo({ now, staff, policyAt: (id, at) => rt.policies.at(id, at) });
  const loaded = await loadComplaints(
    { db: rt.db, policies: rt.policies },
    staff,
    plans,
    rt.db.kind === 'pglite' ? 4 : 8,
  );
  // The demo's past emails count as sent: a dispatcher configured later must not send them.
  await rt.db.query(
    `update messages set status = 'sent', sent_at = created_at where status = 'queued' and channel = 'email'`,
  );
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

// Three worker processes on one PostgreSQL sweep 10,000 due items: each is acted on exactly once.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { registerComplaint } from '../../src/app/complaints/register-complaint.ts';
import { PolicyRegistry } from '../../src/app/policy-registry.ts';
import { policySchema } from '../../src/domain/policy/schema.ts';
import { openTestDb, type TestDb } from '../helpers/db.ts';
import { testServices } from '../helpers/services.ts';

const skip = process.env.TEST_DATABASE_URL ? false : 'needs TEST_DATABASE_URL (PostgreSQL)';

function runWorker(
  url: string,
  name: string,
  now: string,
): Promise<{ worker: string; handled: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/helpers/sweep-worker.ts', url, name, now],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()!))
        : reject(new Error(`worker exited ${code}`)),
    );
  });
}

describe('deadline sweep with three workers (postgres)', { skip }, () => {
  let t: TestDb;
  before(async () => {
    t = await openTestDb('postgres');
    // Each complaint gets one clock with nine warnings and a breach: ten due items.
    const policy = policySchema.parse({
      id: 'sweep-test',
      name: 'Sweep test',
      timezone: 'Europe/London',
      calendar: { holidays: null },
      // The clocks' work only (the automatic receipt has its own tests: test/app/receipt.test.ts).
      receipt: { send: false },
      clocks: {
        reply: {
          amount: 10,
          unit: 'calendar_hours',
          warnAt: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
          onBreach: [{ do: 'notify', role: 'manager' }],
        },
      },
    });
    await t.db.query(
      `insert into policy_versions (policy_id, version, effective_from, document) values ($1, 1, '1970-01-01', $2)`,
      [policy.id, JSON.stringify(policy)],
    );
    const policies = new PolicyRegistry(t.db);
    await policies.reload();
    const services = testServices(t.db, policies, {
      now: () => new Date('2026-03-10T12:00:00Z'),
    });
    const actor = { id: 'system:test', role: 'system' } as const;
    for (let chunk = 0; chunk < 10; chunk++) {
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          registerComplaint(services, actor, {
            route: 'staff',
            complaint: {
              policy: 'sweep-test',
              channel: 'email',
              receivedAt: '2026-03-10T00:00:00Z',
              customer: { name: `C${chunk}-${i}`, email: `c${chunk}-${i}@example.com` },
              subject: 'Sweep',
              description: 'Sweep test',
            },
          }),
        ),
      );
    }
  });
  after(() => t?.close());

  test('10,000 due items are each handled once, by three processes sharing the work', async () => {
    // Registration writes the clocks only: each running clock's breach and warnings are the due
    // items, which the sweep plans before it claims them.
    const due = await t.db.query<{ n: number }>(
      'select sum(1 + cardinality(warn_at))::int as n from clock_instances where stopped_at is null',
    );
    assert.equal(due.rows[0]!.n, 10_000);
    const now = '2026-03-11T00:00:00Z';
    const results = await Promise.all(['w1', 'w2', 'w3'].map((w) => runWorker(t.url!, w, now)));
    assert.equal(
      results.reduce((s, r) => s + r.handled, 0),
      10_000,
    );
    assert.ok(
      results.every((r) => r.handled > 0),
      `every worker took a share: ${JSON.stringify(results)}`,
    );
    const work = await t.db.query<{ n: number; left: number }>(
      'select count(*)::int as n, (count(*) filter (where handled_at is null))::int as left from scheduled_actions',
    );
    assert.deepEqual(work.rows[0], { n: 10_000, left: 0 });
    const events = await t.db.query<{ type: string; n: number }>(
      `select type, count(*)::int as n from events where type in ('clock_warning', 'clock_breached') group by type order by type`,
    );
    assert.deepEqual(events.rows, [
      { type: 'clock_breached', n: 1_000 },
      { type: 'clock_warning', n: 9_000 },
    ]);
    const notes = await t.db.query<{ n: number }>(
      `select count(*)::int as n from notifications where kind = 'clock_breached'`,
    );
    assert.equal(notes.rows[0]!.n, 1_000);
  });
});

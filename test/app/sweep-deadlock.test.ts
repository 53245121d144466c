// Doors (issue 8): the sweep and a user's action on the same complaint never deadlock on
// PostgreSQL. The sweep used to claim due work rows, then lock their complaint; an action locks
// the complaint, then rewrites its work rows — two transactions each holding what the other
// waits for (40P01, a 500 for the user). The sweep now locks the complaint first, skipping one
// that is busy.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { applyComplaintAction } from '../../src/app/complaints/apply-complaint-action.ts';
import { registerComplaint } from '../../src/app/complaints/register-complaint.ts';
import { PolicyRegistry } from '../../src/app/policy-registry.ts';
import { runDueActions, SCHEDULER } from '../../src/app/scheduler/run-due-actions.ts';
import { openTestDb, type TestDb } from '../helpers/db.ts';
import { testServices } from '../helpers/services.ts';

const skip = process.env.TEST_DATABASE_URL ? false : 'needs TEST_DATABASE_URL (PostgreSQL)';
const RECEIVED = new Date('2026-03-10T10:00:00Z');
const LATER = new Date('2026-06-10T10:00:00Z');

describe('the sweep and a user action on one complaint (postgres)', { skip }, () => {
  let t: TestDb;
  let services: ReturnType<typeof testServices>;
  let now = RECEIVED;
  const handler = { id: 'h1', role: 'handler' as const };
  const sweepDeps = () => ({
    ...services,
    workerId: 'sweep-test',
    config: { ...services.config, mailDomain: 'test' },
  });

  async function complaint(i: number): Promise<{ reference: string; id: number }> {
    now = RECEIVED;
    const r = await registerComplaint(services, handler, {
      route: 'staff',
      complaint: {
        policy: 'uk-comms-ombudsman',
        channel: 'email',
        receivedAt: RECEIVED.toISOString(),
        customer: { name: `D${i}`, email: `d${i}@example.com` },
        subject: `Deadlock ${i}`,
        description: 'Due work and a user at once.',
      },
    });
    const row = await t.db.query<{ id: string }>('select id from complaints where reference = $1', [
      r.reference,
    ]);
    return { reference: r.reference, id: Number(row.rows[0]!.id) };
  }

  before(async () => {
    t = await openTestDb('postgres');
    await t.db.query(
      `insert into users (id, email, name, role) values ('h1', 'h1@example.test', 'H', 'handler')`,
    );
    const policies = new PolicyRegistry(t.db);
    await policies.syncPresets();
    services = testServices(t.db, policies, { now: () => now });
  });
  after(() => t?.close());

  test('a sweep finding the complaint locked by an action neither waits nor holds its work rows', async () => {
    const c = await complaint(1);
    now = RECEIVED;
    await runDueActions(sweepDeps(), SCHEDULER); // plans the work list
    now = LATER;
    // The user's action, step by step as apply-complaint-action does it: lock the complaint ...
    const user = new pg.Client({ connectionString: t.url! });
    await user.connect();
    try {
      await user.query('begin');
      await user.query(`set local lock_timeout = '5s'`);
      await user.query('select id from complaints where id = $1 for update', [c.id]);
      // ... while the sweep runs ...
      const sweep = runDueActions(sweepDeps(), SCHEDULER);
      await new Promise((r) => setTimeout(r, 300));
      // ... then rewrite the complaint's work list.
      await user.query(
        'update scheduled_actions set due_at = due_at where complaint_id = $1 and handled_at is null',
        [c.id],
      );
      await user.query('commit');
      await sweep;
    } finally {
      await user.end();
    }
    const left = await t.db.query<{ n: number }>(
      'select count(*)::int as n from scheduled_actions where complaint_id = $1 and handled_at is null and due_at <= $2',
      [c.id, LATER],
    );
    assert.ok(left.rows[0]!.n > 0, 'the busy complaint was left for the next round');
    await runDueActions(sweepDeps(), SCHEDULER);
    const after2 = await t.db.query<{ n: number }>(
      'select count(*)::int as n from scheduled_actions where complaint_id = $1 and handled_at is null and due_at <= $2',
      [c.id, LATER],
    );
    assert.equal(after2.rows[0]!.n, 0, 'and handled in it');
  });

  test('sweeps and actions running together on the same complaints all succeed', async () => {
    const cs = [];
    for (let i = 10; i < 22; i++) cs.push(await complaint(i));
    now = RECEIVED;
    await runDueActions(sweepDeps(), SCHEDULER);
    now = LATER;
    const results = await Promise.allSettled([
      ...cs.flatMap((c) =>
        (['acknowledge', 'add-note'] as const).map((action) =>
          applyComplaintAction(services, handler, {
            reference: c.reference,
            action,
            payload: action === 'add-note' ? { text: 'at the same time as the sweep' } : {},
          }),
        ),
      ),
      ...Array.from({ length: 4 }, () => runDueActions(sweepDeps(), SCHEDULER, { limit: 5 })),
    ]);
    const failed = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    assert.deepEqual(
      failed.filter((f) => /deadlock|40P01|could not serialize/i.test(f)),
      [],
    );
  });
});

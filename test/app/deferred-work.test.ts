// Registration writes only what must be durable at once (the complaint, its event, its clocks);
// the sweep's work list is planned by the sweep, in batches, before it claims due work — or at
// once by the first change to the complaint. Nothing due is missed or done twice.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { applyComplaintAction } from '../../src/app/complaints/apply-complaint-action.ts';
import { registerComplaint } from '../../src/app/complaints/register-complaint.ts';
import { PolicyRegistry } from '../../src/app/policy-registry.ts';
import { planDueWork } from '../../src/app/scheduler/plan-due-work.ts';
import { runDueActions, SCHEDULER } from '../../src/app/scheduler/run-due-actions.ts';
import type { Services } from '../../src/composition.ts';
import { lockComplaint } from '../../src/db/repositories/complaints.ts';
import { policySchema } from '../../src/domain/policy/schema.ts';
import { openTestDb, engines, type TestDb } from '../helpers/db.ts';
import { testServices } from '../helpers/services.ts';

const RECEIVED = new Date('2026-03-10T12:00:00Z');
const HANDLER = { id: 'h1', role: 'handler' } as const;

/** A reply clock of 0.002 hours (7.2 s) warned at half way: due seconds after receipt. */
const QUICK = policySchema.parse({
  id: 'quick',
  name: 'Quick',
  timezone: 'Europe/London',
  calendar: { holidays: null },
  // The clocks' work only (the automatic receipt has its own tests: test/app/receipt.test.ts).
  receipt: { send: false },
  clocks: {
    reply: {
      amount: 0.002,
      unit: 'calendar_hours',
      warnAt: 0.5,
      stopsOn: 'acknowledged',
      onBreach: [{ do: 'notify', role: 'manager' }],
    },
  },
});

for (const engine of engines()) {
  describe(`the sweep's work list is planned after intake (${engine})`, () => {
    let t: TestDb;
    let services: Services;
    let now = RECEIVED;

    const count = async (sql: string, params: unknown[] = []) =>
      (await t.db.query<{ n: number }>(`select count(*)::int as n from (${sql}) x`, params))
        .rows[0]!.n;
    const work = (ref: string) =>
      count(
        `select s.* from scheduled_actions s join complaints c on c.id = s.complaint_id
         where c.reference = $1`,
        [ref],
      );
    const unplanned = (ref: string) =>
      count(
        `select 1 from unplanned_complaints u join complaints c on c.id = u.complaint_id
         where c.reference = $1`,
        [ref],
      );
    const events = (ref: string, type: string) =>
      count('select 1 from events where stream = $1 and type = $2', [ref, type]);
    const register = async (subject: string) =>
      (
        await registerComplaint(services, HANDLER, {
          complaint: {
            policy: 'quick',
            channel: 'email',
            receivedAt: RECEIVED.toISOString(),
            customer: { name: 'Quinn', email: `${subject}@example.com` },
            subject,
            description: 'Deferred work',
          },
          route: 'staff',
        })
      ).reference;
    const sweep = async (at: Date) => {
      now = at;
      let handled = 0;
      for (let n = -1; n !== 0; handled += n) {
        n = await runDueActions({ ...services, workerId: 'test' }, SCHEDULER);
      }
      return handled;
    };

    before(async () => {
      t = await openTestDb(engine);
      await t.db.query(
        `insert into users (id, email, name, role) values ('h1', 'h1@example.test', 'H', 'handler')`,
      );
      await t.db.query(
        `insert into policy_versions (policy_id, version, effective_from, document) values ('quick', 1, '1970-01-01', $1)`,
        [JSON.stringify(QUICK)],
      );
      const policies = new PolicyRegistry(t.db);
      await policies.reload();
      services = testServices(t.db, policies, { now: () => now });
    });
    after(() => t.close());

    test('registration writes the clocks and no work; a clock due seconds later is acted on by the next sweep', async () => {
      now = RECEIVED;
      const ref = await register('quick1');
      assert.equal(await work(ref), 0, 'no work rows at intake');
      assert.equal(await unplanned(ref), 1, 'marked for the sweep to plan');
      assert.equal(
        await count(
          `select 1 from clock_instances k join complaints c on c.id = k.complaint_id where c.reference = $1`,
          [ref],
        ),
        1,
      );

      // A sweep before anything is due plans the work, and does nothing else.
      assert.equal(await sweep(new Date(RECEIVED.getTime() + 1000)), 0);
      assert.equal(await unplanned(ref), 0);
      assert.equal(await work(ref), 2, 'the warning and the breach');

      // Eight seconds after receipt both are due: each is done once, at its true instant.
      assert.equal(await sweep(new Date(RECEIVED.getTime() + 8000)), 2);
      assert.equal(await events(ref, 'clock_warning'), 1);
      assert.equal(await events(ref, 'clock_breached'), 1);
      const breach = await t.db.query<{ at: Date }>(
        `select at from events where stream = $1 and type = 'clock_breached'`,
        [ref],
      );
      assert.equal(breach.rows[0]!.at.toISOString(), '2026-03-10T12:00:07.200Z');
      assert.equal(await sweep(new Date(RECEIVED.getTime() + 60_000)), 0, 'nothing twice');
      // Caught up after the clock was due: the warning is history, but nobody is told
      // "due soon" of a clock already due (the breach notifies).
      const notices = (kind: string) =>
        count(
          `select 1 from notifications n join complaints c on c.id = n.complaint_id
           where c.reference = $1 and n.kind = $2`,
          [ref, kind],
        );
      assert.equal(await notices('clock_warning'), 0);
      assert.equal(await notices('clock_breached'), 1);
    });

    test('a warning swept before its clock is due tells the handler', async () => {
      now = RECEIVED;
      const ref = await register('quick-warn');
      assert.equal(await sweep(new Date(RECEIVED.getTime() + 4000)), 1, 'the warning only');
      assert.equal(
        await count(
          `select 1 from notifications n join complaints c on c.id = n.complaint_id
           where c.reference = $1 and n.kind = 'clock_warning'`,
          [ref],
        ),
        1,
      );
      assert.equal(await sweep(new Date(RECEIVED.getTime() + 8000)), 1, 'then its breach');
    });

    test('a registration swept only once everything is overdue: planned and done in the same sweep', async () => {
      now = RECEIVED;
      const ref = await register('quick2');
      assert.equal(await sweep(new Date(RECEIVED.getTime() + 3_600_000)), 2);
      assert.equal(await events(ref, 'clock_breached'), 1);
      assert.equal(await unplanned(ref), 0);
    });

    test('a change before the sweep plans the complaint itself; the sweep adds nothing', async () => {
      now = RECEIVED;
      const ref = await register('quick3');
      now = new Date(RECEIVED.getTime() + 1000);
      await applyComplaintAction(services, HANDLER, {
        reference: ref,
        action: 'acknowledge',
        payload: {},
      });
      assert.equal(await unplanned(ref), 0, 'the change wrote the work list');
      assert.equal(await work(ref), 0, 'the reply clock stopped: nothing left to do');
      assert.equal(await sweep(new Date(RECEIVED.getTime() + 60_000)), 0);
      assert.equal(await events(ref, 'clock_breached'), 0);
    });

    test(
      'the planner never waits for a complaint a change holds; it plans it once free',
      {
        skip: engine === 'pglite' ? 'one connection: nothing runs beside a transaction' : false,
      },
      async () => {
        now = RECEIVED;
        const ref = await register('quick4');
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let locked!: () => void;
        const isLocked = new Promise<void>((resolve) => (locked = resolve));
        const change = t.db.transaction(async (tx) => {
          await lockComplaint(tx, ref);
          locked();
          await held;
        });
        await isLocked;
        const started = performance.now();
        await planDueWork(services);
        assert.ok(performance.now() - started < 2000, 'it did not wait for the lock');
        assert.equal(await unplanned(ref), 1, 'skipped while held');
        release();
        await change;
        await planDueWork(services);
        assert.equal(await unplanned(ref), 0);
        assert.equal(await work(ref), 2);
      },
    );
  });
}

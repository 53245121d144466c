// A fake clock drives each seed policy end to end; each communication happens once, at the
// right instant, and the sweep acts on each due item exactly once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runDueActions, SCHEDULER } from '../../src/app/scheduler/run-due-actions.ts';
import type { Role } from '../../src/domain/complaint/states.ts';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';

async function sweep(t: TestApp, at: string): Promise<number> {
  t.setNow(new Date(at));
  let total = 0;
  for (;;) {
    const n = await runDueActions(
      { ...t.services, now: () => new Date(at), workerId: 'test' },
      SCHEDULER,
    );
    if (n === 0) return total;
    total += n;
  }
}

async function act(
  t: TestApp,
  role: Role,
  ref: string,
  action: string,
  body: Record<string, unknown>,
  at: string,
) {
  t.setNow(new Date(at));
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${ref}/actions/${action}`,
    headers: t.as(role),
    payload: body,
  });
  assert.equal(r.statusCode, 200, `${action}: ${r.body}`);
}

/** Registers a complaint at `receivedAt` (the server's clock set to it); returns its answer. */
async function register(t: TestApp, receivedAt: string, overrides: Record<string, unknown> = {}) {
  t.setNow(new Date(receivedAt));
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: t.as('handler'),
    payload: complaintBody({ receivedAt, ...overrides }),
  });
  assert.equal(created.statusCode, 201, created.body);
  return created.json() as {
    reference: string;
    policy: { version: number };
    deadlines: { clock: string; dueAt: string }[];
  };
}

async function sent(t: TestApp, ref: string) {
  const r = await t.db.query<{ kind: string; channel: string; created_at: Date }>(
    `select m.kind, m.channel, m.created_at from messages m join complaints c on c.id = m.complaint_id
     where c.reference = $1 and m.direction = 'out' order by m.id`,
    [ref],
  );
  return r.rows.map((m) => `${m.kind}/${m.channel}@${m.created_at.toISOString()}`);
}

async function eventsOf(t: TestApp, ref: string, type: string) {
  const r = await t.db.query<{ at: Date; data: Record<string, unknown> }>(
    `select at, data from events where stream = $1 and type = $2 order by stream_seq`,
    [ref, type],
  );
  return r.rows;
}

for (const engine of engines()) {
  describe(`the procedure runs by itself (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startApp(engine, { now: new Date('2026-03-02T10:00:00Z') });
    });
    after(() => t.close());

    test('uk-comms-ombudsman v1: acknowledgement → information request → plan → progress reports → deadlock and ADR notice → deadlock letter', async () => {
      const created = await register(t, '2026-03-02T10:00:00Z', {
        customer: {
          name: 'Ann Customer',
          email: 'ann@example.com',
          address: ['1 High Street', 'Bath', 'BA1 1AA'],
        },
      });
      const ref = created.reference;

      await act(t, 'handler', ref, 'acknowledge', {}, '2026-03-02T12:00:00Z');
      await act(t, 'handler', ref, 'start-investigation', {}, '2026-03-02T12:05:00Z');
      await act(
        t,
        'handler',
        ref,
        'request-information',
        { questions: ['Which line is affected?'] },
        '2026-03-03T09:00:00Z',
      );
      await act(
        t,
        'handler',
        ref,
        'receive-information',
        { information: 'The office line' },
        '2026-03-04T09:00:00Z',
      );
      await act(
        t,
        'handler',
        ref,
        'agree-resolution-plan',
        { plan: 'Engineer visit on Friday' },
        '2026-03-05T09:00:00Z',
      );
      assert.deepEqual(await sent(t, ref), [
        'acknowledgement/email@2026-03-02T12:00:00.000Z',
        'request_for_information/email@2026-03-03T09:00:00.000Z',
        'resolution_plan/email@2026-03-05T09:00:00.000Z',
      ]);

      // A day before the target resolution (1 month, paused a day waiting on the customer) only
      // warnings have fallen due.
      await sweep(t, '2026-04-02T00:00:00Z');
      assert.deepEqual(await eventsOf(t, ref, 'clock_breached'), []);
      assert.ok((await eventsOf(t, ref, 'clock_warning')).length > 0);
      // The target passes: a progress report by the preferred method, and a note to managers.
      await sweep(t, '2026-04-04T00:00:00Z');
      const breaches = await eventsOf(t, ref, 'clock_breached');
      assert.deepEqual(
        breaches.map((b) => b.data['clock']),
        ['target_resolution'],
      );
      assert.equal(
        breaches[0]!.at.toISOString(),
        '2026-04-03T09:00:00.000Z',
        'recorded at the true instant',
      );
      // Sweeping again changes nothing: each item is acted on once.
      assert.equal(await sweep(t, '2026-04-04T00:00:00Z'), 0);
      // Two weeks on, the next progress report; the day after, none.
      await sweep(t, '2026-04-17T10:00:00Z');
      assert.equal(await sweep(t, '2026-04-18T10:00:00Z'), 0);
      const reports = (await sent(t, ref)).filter((m) => m.startsWith('progress_report/'));
      assert.deepEqual(reports, [
        'progress_report/email@2026-04-04T00:00:00.000Z',
        'progress_report/email@2026-04-17T10:00:00.000Z',
      ]);

      // Eight weeks: deadlock, the customer told of the right to go to Ombudsman Services.
      await sweep(t, '2026-04-27T09:30:00Z');
      const detail = (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/complaints/${ref}`,
          headers: t.as('manager'),
        })
      ).json();
      assert.equal(detail.status, 'deadlocked');
      const adr = (await sent(t, ref)).filter((m) => m.startsWith('adr_notice/'));
      assert.deepEqual(adr, ['adr_notice/email@2026-04-27T09:30:00.000Z']);
      // Progress reports stop with the deadlock.
      assert.equal(await sweep(t, '2026-05-02T10:00:00Z'), 0);

      // The customer asks for the deadlock letter; the manager sends it; it is sent once.
      await act(t, 'handler', ref, 'request-deadlock-letter', {}, '2026-04-28T10:00:00Z');
      await act(
        t,
        'manager',
        ref,
        'send-deadlock-letter',
        { method: 'post' },
        '2026-04-28T11:00:00Z',
      );
      const letters = (await sent(t, ref)).filter((m) => m.startsWith('deadlock_letter/'));
      assert.deepEqual(letters, ['deadlock_letter/letter@2026-04-28T11:00:00.000Z']);
      const printList = (
        await t.app.inject({ method: 'GET', url: '/api/v1/letters', headers: t.as('handler') })
      ).json();
      assert.ok(printList.items.some((l: { reference: string }) => l.reference === ref));
    });

    test('uk-comms-ombudsman v2 (from 8 April 2026): at six weeks the deadlock letter goes out unprompted', async () => {
      const created = await register(t, '2026-05-04T10:00:00Z', {
        customer: { name: 'Bo', email: 'bo@example.com' },
      });
      const ref = created.reference;
      assert.equal(created.policy.version, 2);
      await act(t, 'handler', ref, 'acknowledge', {}, '2026-05-04T11:00:00Z');
      await sweep(t, '2026-06-15T10:00:00Z');
      const letters = (await sent(t, ref)).filter((m) => m.startsWith('deadlock_letter/'));
      assert.deepEqual(letters, ['deadlock_letter/email@2026-06-15T10:00:00.000Z']);
      assert.equal(await sweep(t, '2026-06-16T10:00:00Z'), 0);
    });

    test('a vexatious complaint gets no ADR notice nor deadlock letter', async () => {
      const created = await register(t, '2026-03-02T10:00:00Z', {
        customer: { name: 'Vex', email: 'vex@example.com' },
      });
      const ref = created.reference;
      await act(
        t,
        'manager',
        ref,
        'flag',
        { flag: 'vexatious', reason: 'repeated abusive calls' },
        '2026-03-03T10:00:00Z',
      );
      await sweep(t, '2026-04-28T10:00:00Z');
      assert.deepEqual(
        (await sent(t, ref)).filter((m) => /adr_notice|deadlock_letter/.test(m)),
        [],
      );
    });

    test('vn-datacentre: a transfer starts the 24-hour feedback clock; 20 working days pass over the VN calendar', async () => {
      const created = await register(t, '2026-06-01T02:00:00Z', {
        policy: 'vn-datacentre',
        customer: { name: 'Nguyễn Văn An', email: 'an@example.vn', language: 'vi' },
        subject: 'Mất kết nối máy chủ',
        description: 'Máy chủ của chúng tôi mất kết nối từ 9 giờ sáng.',
      });
      const ref = created.reference;
      const resolution = created.deadlines.find((d) => d.clock === 'resolution');
      assert.equal(resolution?.dueAt, '2026-06-29T17:00:00.000Z');
      await act(t, 'handler', ref, 'acknowledge', {}, '2026-06-01T03:00:00Z');
      await act(t, 'handler', ref, 'start-investigation', {}, '2026-06-01T03:05:00Z');
      await act(t, 'handler', ref, 'transfer', { departmentId: 'network' }, '2026-06-01T04:00:00Z');
      const detail = (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/complaints/${ref}`,
          headers: t.as('manager'),
        })
      ).json();
      const feedback = detail.deadlines.find(
        (d: { clock: string }) => d.clock === 'transfer_feedback',
      );
      assert.equal(feedback.dueAt, '2026-06-02T04:00:00.000Z');
      await sweep(t, '2026-06-30T00:00:00Z');
      const breached = (await eventsOf(t, ref, 'clock_breached')).map(
        (b) => `${b.data['clock']}@${b.at.toISOString()}`,
      );
      assert.deepEqual(breached.sort(), [
        'resolution@2026-06-29T17:00:00.000Z',
        'transfer_feedback@2026-06-02T04:00:00.000Z',
      ]);
      const notes = await t.db.query<{ n: number }>(
        `select count(*)::int as n from notifications n join complaints c on c.id = n.complaint_id where c.reference = $1 and n.kind = 'clock_breached'`,
        [ref],
      );
      assert.ok(notes.rows[0]!.n >= 2);
      const vi = await t.db.query<{ subject: string }>(
        `select m.subject from messages m join complaints c on c.id = m.complaint_id where c.reference = $1 and m.direction = 'out' order by m.id limit 1`,
        [ref],
      );
      assert.ok(
        vi.rows.length === 0 ||
          /[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệôồốổỗộơờớởỡợưừứửữự]/i.test(vi.rows[0]!.subject),
        'Vietnamese for a Vietnamese customer',
      );
    });
  });
}

for (const engine of engines()) {
  describe(`a sweep item that cannot be done (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startApp(engine, { now: new Date('2026-03-02T10:00:00Z') });
    });
    after(() => t.close());

    test('uk-fca-disp: the eight-week letter goes with the policy’s standard wording; later items still run', async () => {
      const ref = (await register(t, '2026-03-02T10:00:00Z', { policy: 'uk-fca-disp' })).reference;
      await sweep(t, '2026-05-01T10:00:00Z');
      const left = await t.db.query<{ n: number }>(
        'select count(*)::int as n from scheduled_actions where handled_at is null and due_at <= $1',
        [new Date('2026-05-01T10:00:00Z')],
      );
      assert.equal(left.rows[0]!.n, 0, 'nothing left behind');
      const breaches = (await eventsOf(t, ref, 'clock_breached')).map((b) => b.data['clock']);
      assert.ok(breaches.includes('final_response'));
      // No person wrote its reason: the policy's standard wording is used (communications.
      // eight_week_letter.standard), so the letter goes rather than becoming a task.
      const out = await sent(t, ref);
      assert.ok(
        out.some((m) => m.startsWith('adr_notice/')),
        JSON.stringify(out),
      );
    });
  });
}

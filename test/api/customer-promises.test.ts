// Promises to the customer (issue 8): what the tracking link lists is what it accepts, a reply
// to a request for information resumes the complaint, a customer's request reaches a person,
// the deadlock letter goes at once when the policy says so, a policy without an ADR scheme
// offers none, and the view shows only the customer's promises, in the policy's time zone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';

// A Monday after 8 April 2026: web complaints fall under uk-comms-ombudsman version 2.
const NOW = new Date('2026-04-20T10:00:00Z');
const FORM = '/api/v1/public/complaints';

interface Tracked {
  reference: string;
  token: string;
}

async function complain(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Tracked> {
  const r = await t.app.inject({ method: 'POST', url: FORM, payload: complaintBody(overrides) });
  assert.equal(r.statusCode, 201, r.body);
  return { reference: r.json().reference, token: r.json().trackingToken };
}

async function logged(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Tracked> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: t.as('handler'),
    payload: complaintBody({ receivedAt: NOW.toISOString(), ...overrides }),
  });
  assert.equal(r.statusCode, 201, r.body);
  const b = r.json();
  assert.ok(b.trackingUrl.endsWith(`/track/${b.reference}?token=${b.trackingToken}`));
  return { reference: b.reference, token: b.trackingToken };
}

async function staff(
  t: TestApp,
  ref: string,
  action: string,
  payload: object = {},
  role: 'manager' | 'handler' = 'manager',
) {
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${ref}/actions/${action}`,
    headers: t.as(role),
    payload,
  });
  assert.equal(r.statusCode, 200, `${action}: ${r.body}`);
  return r.json() as { status: string; events: string[] };
}

const view = async (t: TestApp, c: Tracked) => {
  const r = await t.app.inject({ url: `${FORM}/${c.reference}?token=${c.token}` });
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
};

const act = (t: TestApp, c: Tracked, route: string, payload: object) =>
  t.app.inject({
    method: 'POST',
    url: `${FORM}/${c.reference}/${route}`,
    headers: { 'x-tracking-token': c.token },
    payload,
  });

const BODIES: Record<string, object> = {
  reply: { message: 'Any news?' },
  'request-escalation': { reason: 'Too slow' },
  'request-deadlock-letter': {},
  'request-procedure-copy': { method: 'email' },
  withdraw: { reason: 'Sorted it myself' },
  'rate-satisfaction': { score: 4, comment: 'Took a while, but fixed' },
};
const ROUTES = Object.keys(BODIES);

async function closeComplaint(t: TestApp, ref: string) {
  await staff(t, ref, 'acknowledge');
  await staff(t, ref, 'start-investigation');
  await staff(t, ref, 'propose-response', {
    response: 'We have repaired the line.',
    outcome: 'upheld',
    rootCause: 'network',
  });
  await staff(t, ref, 'approve-response');
  await staff(t, ref, 'respond');
  await staff(t, ref, 'close');
}

const items = async (t: TestApp, url: string, role: 'manager' | 'handler') => {
  const r = await t.app.inject({ url, headers: t.as(role) });
  assert.equal(r.statusCode, 200, r.body);
  return r.json().items as { reference: string; kind: string; title?: string; note?: string }[];
};

for (const engine of engines()) {
  describe(`promises to the customer (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startApp(engine, { now: NOW, env: { REDRESS_PUBLIC_RATE_LIMIT: '1000' } });
    });
    after(() => t.close());

    test('every route the view lists is accepted, and every route it does not list is refused', async () => {
      const states: [string, (ref: string) => Promise<void>][] = [
        ['received', async () => {}],
        ['closed', (ref) => closeComplaint(t, ref)],
        ['deadlocked', async (ref) => void (await staff(t, ref, 'deadlock', { reason: 'final' }))],
      ];
      for (const [state, reach] of states) {
        const probe = await complain(t);
        await reach(probe.reference);
        const listed: string[] = (await view(t, probe)).allowedActions;
        for (const route of ROUTES) {
          const c = await complain(t);
          await reach(c.reference);
          const r = await act(t, c, route, BODIES[route]!);
          if (listed.includes(route)) {
            assert.equal(r.statusCode, 200, `${state}: listed ${route} refused: ${r.body}`);
          } else {
            assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${state}: ${route} ${r.body}`);
          }
        }
        if (state === 'closed') assert.ok(listed.includes('rate-satisfaction'), `${listed}`);
        if (state === 'received') {
          assert.ok(!listed.includes('rate-satisfaction'), `${listed}`);
          assert.ok(listed.includes('withdraw') && listed.includes('reply'), `${listed}`);
        }
      }
    });

    test('a rating after closing is recorded with its comment', async () => {
      const c = await complain(t);
      await closeComplaint(t, c.reference);
      const r = await act(t, c, 'rate-satisfaction', { score: 2, comment: 'Slow to answer' });
      assert.equal(r.statusCode, 200, r.body);
      const seen = (
        await t.app.inject({ url: `/api/v1/complaints/${c.reference}`, headers: t.as('handler') })
      ).json();
      assert.equal(seen.satisfaction, 2);
      const e = seen.timeline.find((x: { type: string }) => x.type === 'satisfaction_rated');
      assert.equal(e?.data.comment, 'Slow to answer');
      const bad = await act(t, c, 'rate-satisfaction', { score: 6 });
      assert.equal(bad.statusCode, 400, bad.body);
    });

    test('a reply to a request for information resumes the complaint, gives back the paused time and tells the assignee', async () => {
      const c = await complain(t);
      await staff(t, c.reference, 'assign', { assigneeId: t.users.handler.id });
      await staff(t, c.reference, 'acknowledge');
      await staff(t, c.reference, 'start-investigation');
      const due = async () =>
        (
          await t.app.inject({
            url: `/api/v1/complaints/${c.reference}`,
            headers: t.as('handler'),
          })
        )
          .json()
          .deadlines.find((d: { clock: string }) => d.clock === 'resolution_plan').dueAt as string;
      const before = await due();
      await staff(t, c.reference, 'request-information', { questions: ['Which line?'] });
      assert.equal((await view(t, c)).status, 'awaiting_customer');
      t.setNow(new Date(NOW.getTime() + 2 * 86_400_000));
      try {
        const r = await act(t, c, 'reply', { message: 'The line ending 0123.' });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.json().status, 'investigating');
        assert.equal(Date.parse(await due()) - Date.parse(before), 2 * 86_400_000);
      } finally {
        t.setNow(NOW);
      }
      const mine = await items(t, '/api/v1/notifications', 'handler');
      assert.ok(
        mine.some((n) => n.reference === c.reference && n.kind === 'information_received'),
        JSON.stringify(mine),
      );
      const types = (await view(t, c)).timeline.map((e: { type: string }) => e.type);
      assert.ok(types.includes('information_received'), types.join(', '));
    });

    test("a customer's request for escalation or a deadlock letter reaches a manager as a notification and a task", async () => {
      const c = await complain(t);
      assert.equal((await act(t, c, 'request-escalation', { reason: 'No reply' })).statusCode, 200);
      assert.equal((await act(t, c, 'request-deadlock-letter', {})).statusCode, 200);
      const notes = await items(t, '/api/v1/notifications', 'manager');
      for (const kind of ['escalation_requested', 'deadlock_letter_requested']) {
        assert.ok(
          notes.some((n) => n.reference === c.reference && n.kind === kind),
          `${kind}: ${JSON.stringify(notes)}`,
        );
      }
      const tasks = (await items(t, '/api/v1/tasks', 'manager')).filter(
        (x) => x.reference === c.reference,
      );
      assert.deepEqual(tasks.map((x) => x.kind).sort(), [
        'decide_deadlock',
        'review_escalation_request',
      ]);
    });

    test('a request for a deadlock letter on a vexatious complaint offers the manager the refusal with the reason', async () => {
      const c = await complain(t);
      await staff(t, c.reference, 'flag', { flag: 'vexatious', reason: 'abusive calls' });
      assert.equal((await act(t, c, 'request-deadlock-letter', {})).statusCode, 200);
      const tasks = (await items(t, '/api/v1/tasks', 'manager')).filter(
        (x) => x.reference === c.reference,
      );
      assert.equal(tasks.length, 1, JSON.stringify(tasks));
      assert.equal(tasks[0]!.kind, 'refuse_deadlock_letter');
      assert.match(tasks[0]!.title!, /vexatious/);
      // The reason is for the manager; the customer's view does not show the flag.
      assert.ok(!JSON.stringify(await view(t, c)).includes('vexatious'));
    });

    test("a manager's deadlock under a policy whose letter is automatic sends the deadlock letter at once", async () => {
      const c = await complain(t);
      const seen = (
        await t.app.inject({ url: `/api/v1/complaints/${c.reference}`, headers: t.as('manager') })
      ).json();
      assert.deepEqual(seen.policy, { id: 'uk-comms-ombudsman', version: 2 });
      const done = await staff(t, c.reference, 'deadlock', {
        reason: 'INTERNAL: we will not go further',
        customerMessage: 'We have done all we can.',
      });
      assert.deepEqual(done.events, ['deadlocked', 'deadlock_letter_sent']);
      const v = await view(t, c);
      const types = v.timeline.map((e: { type: string }) => e.type);
      assert.ok(types.includes('deadlock_letter_sent'), types.join(', '));
      const letter = v.messages.find((m: { direction: string }) => m.direction === 'out');
      assert.ok(letter, JSON.stringify(v.messages));
      assert.ok(
        !JSON.stringify(v).includes('INTERNAL'),
        'the deadlock reason reached the customer',
      );
    });

    test('a deadlock under version 1 (letter on request) sends nothing unasked', async () => {
      const c = await logged(t, { receivedAt: '2026-03-02T10:00:00Z' });
      const done = await staff(t, c.reference, 'deadlock', { reason: 'final position' });
      assert.deepEqual(done.events, ['deadlocked']);
    });

    test('an ADR decision against the organisation creates its follow-up tasks', async () => {
      const c = await complain(t);
      await staff(t, c.reference, 'deadlock', { reason: 'final' });
      await staff(t, c.reference, 'refer-to-adr', { referredAt: '2026-04-20' });
      await staff(t, c.reference, 'record-adr-decision', { decision: 'upheld', award: '£50' });
      const tasks = (await items(t, '/api/v1/tasks', 'manager')).filter(
        (x) => x.reference === c.reference,
      );
      assert.deepEqual(tasks.map((x) => x.kind).sort(), [
        'adr_offer_redress',
        'adr_record_adr_compliance',
      ]);
      assert.ok(tasks.every((x) => x.note === 'award: £50'));
    });

    test('a policy without an ADR scheme neither offers nor accepts a deadlock letter or an ADR referral', async () => {
      const c = await logged(t, {
        policy: 'vn-datacentre',
        channel: 'email',
        customer: { name: 'Nguyễn Văn An', email: 'an@example.vn', language: 'vi' },
      });
      const v = await view(t, c);
      assert.ok(!v.allowedActions.includes('request-deadlock-letter'), v.allowedActions);
      assert.equal(v.adr, null);
      const r = await act(t, c, 'request-deadlock-letter', {});
      assert.equal(r.statusCode, 409, r.body);
      assert.equal(r.json().error.code, 'COMPLAINT.NO_ADR_SCHEME');
      await staff(t, c.reference, 'deadlock', { reason: 'final' });
      const refer = await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${c.reference}/actions/refer-to-adr`,
        headers: t.as('manager'),
        payload: { scheme: 'Some court', referredAt: '2026-04-20' },
      });
      assert.equal(refer.statusCode, 409, refer.body);
      assert.equal(refer.json().error.code, 'COMPLAINT.NO_ADR_SCHEME');
    });

    test('a procedure copy asked for by post goes by post, or is refused with the reason when there is no address', async () => {
      const posted = await complain(t, {
        customer: {
          name: 'Cal Post',
          email: 'cal.post@example.com',
          address: ['1 High St', 'Bath'],
        },
      });
      const ok = await act(t, posted, 'request-procedure-copy', { method: 'post' });
      assert.equal(ok.statusCode, 200, ok.body);
      const seen = (
        await t.app.inject({
          url: `/api/v1/complaints/${posted.reference}`,
          headers: t.as('handler'),
        })
      ).json();
      const queued = seen.timeline.find((e: { type: string }) => e.type === 'communication_queued');
      assert.equal(queued?.data.method, 'letter', JSON.stringify(seen.timeline));
      // The letter is the customer's to download, through their link only.
      const v = await view(t, posted);
      assert.equal(v.letters.length, 1, JSON.stringify(v.letters));
      const pdf = await t.app.inject({ url: v.letters[0].pdfUrl });
      assert.equal(pdf.statusCode, 200, pdf.body.slice(0, 200));
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const other = await complain(t);
      const stolen = await t.app.inject({
        url: `${FORM}/${other.reference}/letters/${v.letters[0].id}/pdf?token=${other.token}`,
      });
      assert.equal(stolen.statusCode, 404, stolen.body);

      const noAddress = await complain(t, {
        customer: { name: 'Bea Nopost', email: 'bea@example.com' },
      });
      const refused = await act(t, noAddress, 'request-procedure-copy', { method: 'post' });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().error.code, 'COMMUNICATION.NOT_BY_POST');
      assert.match(refused.json().error.message, /no postal address/);
      const after = (
        await t.app.inject({
          url: `/api/v1/complaints/${noAddress.reference}`,
          headers: t.as('handler'),
        })
      ).json();
      const types = after.timeline.map((e: { type: string }) => e.type);
      assert.ok(!types.includes('communication_queued'), types.join(', '));
      assert.ok(!types.includes('procedure_copy_requested'), types.join(', '));
      const emailed = await act(t, noAddress, 'request-procedure-copy', { method: 'email' });
      assert.equal(emailed.statusCode, 200, emailed.body);
    });

    test("the view shows the customer's promises only, the right to the ombudsman as a date from, the policy's zone and the complaint's language", async () => {
      const c = await complain(t);
      const v = await view(t, c);
      const clocks = v.deadlines.map((d: { clock: string }) => d.clock);
      assert.ok(!clocks.includes('target_resolution'), clocks.join(', '));
      assert.ok(clocks.includes('acknowledge'), clocks.join(', '));
      const deadlock = v.deadlines.find((d: { clock: string }) => d.clock === 'deadlock');
      assert.equal(deadlock.kind, 'you_may_from');
      const ack = v.deadlines.find((d: { clock: string }) => d.clock === 'acknowledge');
      assert.equal(ack.kind, 'we_will_by');
      assert.equal(v.timezone, 'Europe/London');
      assert.equal(v.language, 'en');
      assert.deepEqual(v.policy, { id: 'uk-comms-ombudsman', version: 2 });
      const vi = await logged(t, {
        policy: 'vn-datacentre',
        customer: { name: 'Trần Thị Bình', email: 'binh@example.vn', language: 'vi' },
      });
      const vv = await view(t, vi);
      assert.equal(vv.language, 'vi');
      assert.equal(vv.timezone, 'Asia/Ho_Chi_Minh');
    });
  });
}

// The lessons-learned register (GET /lessons) and its corrective actions: a closed complaint's
// lesson found by words, root cause and product; corrective actions added and changed by
// managers only, each change an audit event; bad input refused with a 4xx; an overdue action
// tells its owner once. And the managers' inboxes on GET /complaints/views?set=inbox.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { notifyOverdueCorrectiveActions } from '../../src/app/lessons/notify-overdue-actions.ts';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';

const NOW = new Date('2026-03-10T10:00:00Z');

for (const engine of engines()) {
  describe(`lessons register and corrective actions (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startApp(engine, { now: NOW });
    });
    after(() => t.close());

    const act = async (ref: string, action: string, payload: object = {}, role = 'handler') => {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${ref}/actions/${action}`,
        headers: t.as(role as 'handler'),
        payload,
      });
      assert.equal(r.statusCode, 200, `${action}: ${r.body}`);
    };
    const logged = async (subject: string) => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody({ subject, receivedAt: NOW.toISOString(), product: 'broadband' }),
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().reference as string;
    };
    const proposed = async (subject: string) => {
      const ref = await logged(subject);
      await act(ref, 'acknowledge');
      await act(ref, 'start-investigation');
      await act(ref, 'propose-response', {
        response: 'We repaired the line.',
        outcome: 'upheld',
        rootCause: 'Exchange fault',
      });
      return ref;
    };
    const closed = async (subject: string) => {
      const ref = await proposed(subject);
      await act(ref, 'approve-response', {}, 'manager');
      await act(ref, 'respond', { method: 'email' });
      await act(ref, 'close', {
        summary: 'Line down for four days after an exchange fault',
        lessonsLearned: 'Monitor exchange alarms out of hours',
      });
      return ref;
    };
    const lessons = (query = '', role: 'manager' | 'handler' | 'auditor' = 'manager') =>
      t.app.inject({ url: `/api/v1/lessons${query}`, headers: t.as(role) });
    const add = (ref: string, payload: object, role: 'manager' | 'handler' = 'manager') =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/lessons/${ref}/actions`,
        headers: t.as(role),
        payload,
      });
    const patch = (ref: string, id: number, payload: object, role = 'manager') =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/lessons/${ref}/actions/${id}`,
        headers: t.as(role as 'manager'),
        payload,
      });

    let ref: string;
    test('a closed complaint is found by its root cause, product and words', async () => {
      ref = await closed('No broadband for four days');
      const open = await logged('Still open');
      for (const q of [
        '?rootCause=exchange%20fault',
        '?product=broadband',
        '?q=alarms',
        '?from=2026-03-01&to=2026-03-31',
      ]) {
        const r = await lessons(q);
        assert.equal(r.statusCode, 200, r.body);
        const refs = r.json().items.map((i: { reference: string }) => i.reference);
        assert.ok(refs.includes(ref), `${q}: ${r.body}`);
        assert.ok(!refs.includes(open), q);
      }
      const item = (await lessons('?rootCause=Exchange%20fault')).json().items[0];
      assert.equal(item.summary, 'Line down for four days after an exchange fault');
      assert.equal(item.lessonsLearned, 'Monitor exchange alarms out of hours');
      assert.deepEqual(item.actions, []);
      assert.ok((await lessons('?rootCause=billing')).json().items.length === 0);
      assert.ok((await lessons()).json().facets.rootCauses.includes('Exchange fault'));
      // Handlers and auditors read the register too.
      assert.equal((await lessons('', 'handler')).statusCode, 200);
      assert.equal((await lessons('', 'auditor')).statusCode, 200);
    });

    let id: number;
    test('a manager adds a corrective action, marks it done and effective; each is an audit event', async () => {
      const r = await add(ref, {
        description: 'Alarm rota for the exchange out of hours',
        ownerId: t.users.handler.id,
        dueOn: '2026-04-30',
      });
      assert.equal(r.statusCode, 201, r.body);
      const a = r.json();
      id = a.id;
      assert.equal(a.owner.id, t.users.handler.id);
      assert.equal(a.dueOn, '2026-04-30');
      assert.equal(a.doneOn, null);
      assert.equal(a.effectiveness, 'unknown');
      assert.equal(a.overdue, false);

      const done = await patch(ref, id, {
        doneOn: '2026-03-20',
        effectiveness: 'effective',
        effectivenessNote: 'No repeat outage since',
      });
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json().doneOn, '2026-03-20');
      assert.equal(done.json().effectiveness, 'effective');

      const item = (await lessons('?q=alarms')).json().items[0];
      assert.equal(item.actions.length, 1);
      assert.equal(item.actions[0].effectivenessNote, 'No repeat outage since');

      const c = await t.app.inject({ url: `/api/v1/complaints/${ref}`, headers: t.as('manager') });
      const events = c
        .json()
        .timeline.filter((e: { type: string }) => e.type.startsWith('corrective_action'));
      assert.deepEqual(
        events.map((e: { type: string }) => e.type),
        ['corrective_action_added', 'corrective_action_changed'],
      );
      assert.equal(events[1].actor.id, t.users.manager.id);
      assert.deepEqual(events[1].data.before, {
        doneOn: null,
        effectiveness: 'unknown',
        effectivenessNote: null,
      });
      const verify = await t.app.inject({
        url: `/api/v1/audit/verification?complaint=${ref}`,
        headers: t.as('auditor'),
      });
      assert.equal(verify.statusCode, 200, verify.body);
      assert.equal(verify.json().intact, true, verify.body);
    });

    test('refused: handlers, auditors and bad input, with codes', async () => {
      const body = { description: 'x', ownerId: t.users.handler.id, dueOn: '2026-04-30' };
      assert.equal((await add(ref, body, 'handler')).statusCode, 403);
      assert.equal((await patch(ref, id, { doneOn: null }, 'auditor')).statusCode, 403);
      const unauth = await t.app.inject({ url: '/api/v1/lessons' });
      assert.equal(unauth.statusCode, 401);
      const cases: [object, number, string][] = [
        [{ ...body, dueOn: '30/04/2026' }, 400, 'INPUT.INVALID'],
        [{ ...body, description: '  ' }, 400, 'INPUT.INVALID'],
        [{ ...body, extra: 1 }, 400, 'INPUT.INVALID'],
        [{ ...body, ownerId: 'nobody' }, 400, 'LESSON.UNKNOWN_OWNER'],
        [{ ...body, effectiveness: 'effective' }, 400, 'LESSON.ACTION_NOT_DONE'],
      ];
      for (const [payload, status, code] of cases) {
        const r = await add(ref, payload);
        assert.equal(r.statusCode, status, r.body);
        assert.equal(r.json().error.code, code, r.body);
      }
      const open = await logged('Open one');
      const notClosed = await add(open, body);
      assert.equal(notClosed.statusCode, 404);
      assert.equal(notClosed.json().error.code, 'LESSON.NOT_FOUND');
      const missing = await patch(ref, 999999, { doneOn: null });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'LESSON.ACTION_NOT_FOUND');
      assert.equal((await patch(ref, id, {})).statusCode, 400);
      assert.equal(
        (await patch(ref, id, { doneOn: null })).json().error.code,
        'LESSON.ACTION_NOT_DONE',
      );
      assert.equal((await lessons('?from=2026-03-01')).statusCode, 400);
      assert.equal((await lessons('?limit=0')).statusCode, 400);
      assert.equal((await lessons('?actions=sometimes')).statusCode, 400);
    });

    test('an overdue corrective action tells its owner once, and the register shows it overdue', async () => {
      const r = await add(ref, {
        description: 'Review the exchange alarm thresholds',
        ownerId: t.users.department_member.id,
        dueOn: '2026-03-12',
      });
      assert.equal(r.statusCode, 201, r.body);
      t.setNow(new Date('2026-03-14T10:00:00Z'));
      try {
        const deps = { ...t.services, now: () => new Date('2026-03-14T10:00:00Z') };
        assert.equal((await notifyOverdueCorrectiveActions(deps)).claimed, 1);
        assert.equal((await notifyOverdueCorrectiveActions(deps)).claimed, 0);
        const n = await t.db.query<{ kind: string; message: string }>(
          'select kind, message from notifications where user_id = $1',
          [t.users.department_member.id],
        );
        assert.equal(n.rows.length, 1);
        assert.equal(n.rows[0]!.kind, 'corrective_action_overdue');
        const overdue = (await lessons('?actions=overdue')).json();
        assert.equal(overdue.overdue, 1);
        assert.equal(overdue.items[0].reference, ref);
      } finally {
        t.setNow(NOW);
      }
    });

    test('the inboxes count what waits for a manager, and acting empties them', async () => {
      const views = async () =>
        Object.fromEntries(
          (
            await t.app.inject({
              url: '/api/v1/complaints/views?set=inbox',
              headers: t.as('manager'),
            })
          )
            .json()
            .items.map((v: { view: string; count: number }) => [v.view, v.count]),
        );
      const start = await views();
      const a = await proposed('Awaiting approval');
      assert.equal((await views()).approvals, start.approvals + 1);
      await act(a, 'approve-response', {}, 'manager');
      assert.equal((await views()).approvals, start.approvals);

      await act(a, 'request-escalation', { reason: 'Too slow' });
      assert.equal((await views()).escalations, start.escalations + 1);
      const listed = await t.app.inject({
        url: '/api/v1/complaints?task=review_escalation_request',
        headers: t.as('manager'),
      });
      assert.ok(listed.json().items.some((i: { reference: string }) => i.reference === a));
      await act(a, 'escalate', { reason: 'Customer asked' }, 'manager');
      assert.equal((await views()).escalations, start.escalations);

      await act(a, 'flag', { flag: 'vexatious', reason: 'Abusive calls' }, 'manager');
      assert.equal((await views()).flags, start.flags + 1);
      await act(a, 'request-deadlock-letter');
      assert.equal((await views()).decisions, start.decisions + 1);
      await act(
        a,
        'refuse-deadlock-letter',
        { reason: 'Vexatious', customerMessage: 'We will not send a letter.' },
        'manager',
      );
      assert.equal((await views()).decisions, start.decisions);
      const bad = await t.app.inject({
        url: '/api/v1/complaints/views?set=other',
        headers: t.as('manager'),
      });
      assert.equal(bad.statusCode, 400);
    });
  });
}

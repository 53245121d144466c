// Data-subject requests over the API: recorded on the clocks of the customer's policy, acted on
// through their states, refused when an action does not fit, every step audited.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { openComplaint, type Registered } from './support.ts';

for (const engine of engines()) {
  describe(`data-subject requests over the API (${engine})`, () => {
    let t: TestApp;
    let lan: Registered;
    const post = (url: string, payload: object = {}) =>
      t.app.inject({ method: 'POST', url, headers: t.as('administrator'), payload });

    before(async () => {
      t = await startApp(engine, { now: new Date('2026-06-01T02:00:00Z') });
      lan = await openComplaint(t, '2026-06-01T01:00:00Z', {
        policy: 'vn-datacentre',
        customer: { name: 'Trần Văn Lan', email: 'lan@example.vn', language: 'vi' },
      });
    });
    after(() => t.close());

    test('a request is a case on the VN clocks: acknowledge in two working days, answer in 15', async () => {
      t.setNow(new Date('2026-06-01T02:00:00Z'));
      const r = await post('/api/v1/privacy/requests', {
        customerId: lan.customerId,
        kind: 'access',
      });
      assert.equal(r.statusCode, 201, r.body);
      const dsr = r.json();
      assert.equal(dsr.regime, 'vn');
      assert.equal(dsr.policy, 'vn-datacentre');
      assert.equal(dsr.acknowledgeDueAt, '2026-06-03T17:00:00.000Z');
      assert.equal(dsr.dueAt, '2026-06-16T02:00:00.000Z');
      assert.deepEqual(dsr.allowedActions, ['acknowledge', 'check-identity', 'start', 'extend']);

      const act = (action: string, body: object = {}) =>
        post(`/api/v1/privacy/requests/${dsr.id}/actions/${action}`, body);
      assert.equal((await act('acknowledge')).json().acknowledgedAt, '2026-06-01T02:00:00.000Z');
      const bare = await act('extend', { reason: '' });
      assert.equal(bare.statusCode, 422, bare.body);
      assert.equal(bare.json().error.code, 'DSR.REASON_REQUIRED');
      assert.deepEqual(bare.json().error.details, { field: 'reason' });
      const extended = await act('extend', { reason: 'Data held by a processor abroad' });
      assert.equal(extended.statusCode, 200, extended.body);
      assert.equal(extended.json().dueAt, '2026-07-01T02:00:00.000Z');
      assert.deepEqual(extended.json().allowedActions, ['check-identity', 'start']);
      const again = await act('extend', { reason: 'Still waiting' });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'DSR.EXTENSION_REFUSED');
      const early = await act('answer', { outcome: 'exported' });
      assert.equal(early.json().error.code, 'DSR.ILLEGAL_ACTION');
      const started = await act('start');
      assert.deepEqual(started.json().allowedActions, ['answer', 'export']);
      const reader = await t.app.inject({
        url: `/api/v1/privacy/requests/${dsr.id}`,
        headers: t.as('auditor'),
      });
      assert.deepEqual(reader.json().allowedActions, [], 'an auditor reads, and may do nothing');
      const answered = await act('answer', {
        outcome: 'exported',
        answer: 'Sent the ZIP by email',
      });
      assert.equal(answered.json().status, 'answered');
      assert.deepEqual(answered.json().allowedActions, []);

      const open = await t.app.inject({
        url: '/api/v1/privacy/requests',
        headers: t.as('auditor'),
      });
      assert.deepEqual(open.json().items, []);
      const all = await t.app.inject({
        url: '/api/v1/privacy/requests?all=true',
        headers: t.as('auditor'),
      });
      assert.equal(all.json().items.length, 1);
      const audit = await t.db.query<{ type: string }>(
        "select type from events where stream = 'system' and data->>'requestId' = $1 order by stream_seq",
        [dsr.id],
      );
      assert.deepEqual(
        audit.rows.map((e) => e.type),
        [
          'data_request_received',
          'data_request_acknowledge',
          'data_request_extend',
          'data_request_start',
          'data_request_answer',
        ],
      );
    });

    test('an unknown request is 404 and a handler may not record one', async () => {
      const missing = await post('/api/v1/privacy/requests/nope/actions/start');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'DSR.NOT_FOUND');
      const handler = await t.app.inject({
        method: 'POST',
        url: '/api/v1/privacy/requests',
        headers: t.as('handler'),
        payload: { customerId: lan.customerId, kind: 'erasure' },
      });
      assert.equal(handler.statusCode, 403);
    });
  });
}

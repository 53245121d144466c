import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { recordErrors, undocumented } from '../helpers/documented-errors.ts';

const answered = recordErrors();

for (const engine of engines()) {
  describe(`POST /api/v1/complaints (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startApp(engine, { now: new Date('2026-03-20T12:00:00Z') });
    });
    after(() => t.close());

    test('creates a complaint bound to the policy version in force and returns its deadlines', async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody(),
      });
      assert.equal(r.statusCode, 201, r.body);
      const body = r.json();
      assert.match(body.reference, /^RD-2026-\d{6}$/);
      assert.equal(body.status, 'received');
      assert.deepEqual(body.policy, { id: 'uk-comms-ombudsman', version: 1 });
      const ack = body.deadlines.find((d: { clock: string }) => d.clock === 'acknowledge');
      assert.equal(ack.dueAt, '2026-03-16T17:00:00.000Z');
    });

    test('the same Idempotency-Key twice creates one complaint and answers the same', async () => {
      const headers = { ...t.as('handler'), 'idempotency-key': 'abc-123' };
      const body = complaintBody({ subject: 'Idempotent' });
      const [a, b] = await Promise.all([
        t.app.inject({ method: 'POST', url: '/api/v1/complaints', headers, payload: body }),
        t.app.inject({ method: 'POST', url: '/api/v1/complaints', headers, payload: body }),
      ]);
      const c = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers,
        payload: body,
      });
      assert.equal(a.statusCode, 201);
      assert.deepEqual(a.json(), b.json());
      assert.deepEqual(a.json(), c.json());
      const count = await t.db.query<{ n: number }>(
        `select count(*)::int as n from complaints where subject = 'Idempotent'`,
      );
      assert.equal(count.rows[0]!.n, 1);
      const reused = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers,
        payload: complaintBody({ subject: 'Other' }),
      });
      assert.equal(reused.statusCode, 422);
      assert.equal(reused.json().error.code, 'IDEMPOTENCY.KEY_REUSED');
    });

    test('every error answered above is listed for its operation and status in the document', async () => {
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.deepEqual(undocumented(doc, answered), []);
    });
  });
}

// GET /returns/{kind}/deadline: when a return must be filed, without computing its figures (the
// dashboard's clock) — the same instant the full return gives, worked out by hand here too.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { recordErrors, undocumented } from '../helpers/documented-errors.ts';

const answered = recordErrors();

for (const engine of engines()) {
  describe(`GET /returns/{kind}/deadline (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startApp(engine);
    });
    after(async () => {
      await t?.close();
    });
    const get = (url: string, role: 'manager' | 'auditor' | 'handler' = 'manager') =>
      t.app.inject({ method: 'GET', url, headers: t.as(role) });

    test('the FCA return: the close of the 30th business day after the period end', async () => {
      // Thu 1 Jul … Wed 11 Aug 2027 is 30 business days (GB-ENG: no bank holiday until 30 Aug).
      const r = await get(
        '/api/v1/returns/fca-disp/deadline?periodStart=2027-01-01&periodEnd=2027-06-30',
      );
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json(), {
        kind: 'fca-disp',
        periodEnd: '2027-06-30',
        policy: { id: 'uk-fca-disp', version: 1 },
        timezone: 'Europe/London',
        deadline: { dueAt: '2027-08-11T23:00:00.000Z', businessDaysAfterPeriodEnd: 30 },
      });
      const full = await get(
        '/api/v1/returns/fca-disp?periodStart=2027-01-01&periodEnd=2027-06-30',
      );
      assert.deepEqual(full.json().deadline, r.json().deadline);
    });

    test('New Year’s Day 2027 is not a business day', async () => {
      // After Thu 31 Dec 2026: Jan 4–8 (5), 11–15 (10), 18–22 (15), 25–29 (20), Feb 1–5 (25),
      // Feb 8–12 (30): the end of Fri 12 February 2027 (GMT).
      const r = await get(
        '/api/v1/returns/fca-disp/deadline?periodStart=2026-10-01&periodEnd=2026-12-31',
      );
      assert.equal(r.json().deadline.dueAt, '2027-02-13T00:00:00.000Z');
    });

    test('the other returns set no deadline', async () => {
      const r = await get(
        '/api/v1/returns/ofcom-quarterly/deadline?periodStart=2026-07-01&periodEnd=2026-09-30',
      );
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().deadline, null);
    });

    test('an auditor may read it, a handler may not; bad input is a 4xx in words', async () => {
      const q = '?periodStart=2026-01-01&periodEnd=2026-06-30';
      assert.equal((await get(`/api/v1/returns/fca-disp/deadline${q}`, 'auditor')).statusCode, 200);
      assert.equal((await get(`/api/v1/returns/fca-disp/deadline${q}`, 'handler')).statusCode, 403);
      const unknown = await get(`/api/v1/returns/nope/deadline${q}`);
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().error.code, 'REPORT.NOT_FOUND');
      const backwards = await get(
        '/api/v1/returns/fca-disp/deadline?periodStart=2026-06-30&periodEnd=2026-01-01',
      );
      assert.equal(backwards.statusCode, 400);
      assert.equal(backwards.json().error.code, 'REPORT.BAD_PERIOD');
      const missing = await get('/api/v1/returns/fca-disp/deadline?periodStart=2026-06-30');
      assert.equal(missing.statusCode, 400);
    });

    test('every error answered above is listed for its operation and status in the document', async () => {
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.deepEqual(undocumented(doc, answered), []);
    });
  });
}

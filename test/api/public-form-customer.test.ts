// Doors (issue 8): the public web form never attaches a complaint to an existing customer found
// by email — anyone can type anyone's address — so nothing stored about that customer is shown
// or mailed through it. Staff registrations still match customers by email.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';

const NOW = new Date('2026-03-20T12:00:00Z');
const VICTIM = {
  name: 'Victoria Stored',
  email: 'victoria@example.com',
  phone: '+44 20 7946 0999',
  address: ['1 Secret Lane', 'Hiddenham'],
};

for (const engine of engines()) {
  describe(`the public form and existing customers (${engine})`, () => {
    let t: TestApp;
    let victimComplaint: { reference: string; customerId: string };
    before(async () => {
      t = await startApp(engine, { now: NOW });
      const staff = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody({ customer: VICTIM, receivedAt: NOW.toISOString() }),
      });
      assert.equal(staff.statusCode, 201, staff.body);
      const detail = await t.app.inject({
        url: `/api/v1/complaints/${staff.json().reference}`,
        headers: t.as('handler'),
      });
      victimComplaint = {
        reference: staff.json().reference,
        customerId: detail.json().customer.id,
      };
    });
    after(() => t.close());

    test("a web-form complaint with a stored customer's email gets a customer of its own", async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/complaints',
        payload: complaintBody({
          customer: { name: 'Mallory', email: 'VICTORIA@example.com' },
          receivedAt: undefined,
        }),
      });
      assert.equal(r.statusCode, 201, r.body);
      const { reference, trackingToken } = r.json();
      const detail = await t.app.inject({
        url: `/api/v1/complaints/${reference}`,
        headers: t.as('handler'),
      });
      const customer = detail.json().customer;
      assert.notEqual(customer.id, victimComplaint.customerId);
      assert.equal(customer.name, 'Mallory');
      assert.equal(customer.phone ?? null, null);
      assert.deepEqual(customer.address ?? [], []);

      const tracked = await t.app.inject({
        url: `/api/v1/public/complaints/${reference}`,
        headers: { 'x-tracking-token': trackingToken },
      });
      assert.equal(tracked.statusCode, 200, tracked.body);
      for (const stored of [
        VICTIM.name,
        VICTIM.phone,
        ...VICTIM.address,
        victimComplaint.reference,
      ]) {
        assert.ok(!tracked.body.includes(stored), `the tracking view shows "${stored}"`);
        assert.ok(!r.body.includes(stored), `the form's answer shows "${stored}"`);
      }
      const mail = await t.db.query<{ body_text: string; subject: string | null }>(
        `select m.body_text, m.subject from messages m join complaints c on c.id = m.complaint_id
         where c.reference = $1`,
        [reference],
      );
      for (const m of mail.rows) {
        for (const stored of [VICTIM.name, VICTIM.phone, ...VICTIM.address]) {
          assert.ok(
            !m.body_text.includes(stored),
            `a message to the form's sender holds "${stored}"`,
          );
        }
      }
    });

    test('a staff registration with the same email still joins the stored customer', async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody({ customer: { name: 'Victoria', email: VICTIM.email } }),
      });
      assert.equal(r.statusCode, 201, r.body);
      const detail = await t.app.inject({
        url: `/api/v1/complaints/${r.json().reference}`,
        headers: t.as('handler'),
      });
      assert.equal(detail.json().customer.id, victimComplaint.customerId);
    });
  });
}

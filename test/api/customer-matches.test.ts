// "Possibly the same customer": a complaint sent through the public web form with an email that
// an earlier customer has is never joined to them by intake; staff see the earlier customer as a
// possible match (by email or phone), and link the two once they have confirmed who is who —
// an audited change, refused for a customer who does not match, and not offered to department
// members or to the customer.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { complaintBody, startApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';

const NOW = new Date('2026-03-16T10:00:00Z');

for (const engine of engines()) {
  describe(`possible customer matches (${engine})`, async () => {
    const t = await startApp(engine, { now: NOW });
    after(() => t.close());

    const staffComplaint = async (customer: object) => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody({ receivedAt: NOW.toISOString(), customer }),
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().reference as string;
    };
    const webComplaint = async (customer: object) => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/complaints',
        payload: {
          policy: 'uk-comms-ombudsman',
          customer,
          subject: 'Still no line',
          description: 'The line is still dead.',
        },
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json() as { reference: string; trackingToken: string };
    };
    const detail = async (ref: string) =>
      (await t.app.inject({ url: `/api/v1/complaints/${ref}`, headers: t.as('handler') })).json();
    const matches = (ref: string, role = 'handler') =>
      t.app.inject({
        url: `/api/v1/complaints/${ref}/customer-matches`,
        headers: t.as(role as 'handler'),
      });
    const link = (ref: string, body: object, role = 'handler') =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${ref}/customer-link`,
        headers: t.as(role as 'handler'),
        payload: body,
      });

    test('the web form’s complaint keeps a customer of its own; the earlier one is a possible match', async () => {
      const first = await staffComplaint({
        name: 'Ann Customer',
        email: 'Ann.Match@example.com',
        phone: '020 7946 0001',
      });
      const earlier = (await detail(first)).customer;
      const web = await webComplaint({ name: 'Ann C', email: 'ann.match@EXAMPLE.com' });
      const d = await detail(web.reference);
      assert.notEqual(d.customer.id, earlier.id, 'intake does not join the public form');
      assert.equal(d.capabilities['customer.match'], true);

      const r = await matches(web.reference);
      assert.equal(r.statusCode, 200, r.body);
      const items = r.json().items;
      assert.equal(items.length, 1);
      assert.equal(items[0].customerId, earlier.id);
      assert.equal(items[0].matchedOn, 'email');
      assert.deepEqual(
        items[0].complaints.map((c: { reference: string }) => c.reference),
        [first],
      );
    });

    test('a phone number matches by its digits', async () => {
      await staffComplaint({
        name: 'Bo Phone',
        email: 'bo@example.com',
        phone: '+44 20 7946 0002',
      });
      const web = await webComplaint({
        name: 'Bo',
        email: 'bo.other@example.com',
        phone: '+44 (20) 7946-0002',
      });
      const items = (await matches(web.reference)).json().items;
      assert.equal(items.length, 1);
      assert.equal(items[0].matchedOn, 'phone');
    });

    test('linking moves the complaint to the confirmed customer, with an internal audit event', async () => {
      const first = await staffComplaint({ name: 'Cy Link', email: 'cy@example.com' });
      const earlier = (await detail(first)).customer;
      const web = await webComplaint({ name: 'Cy', email: 'cy@example.com' });
      const r = await link(web.reference, {
        customerId: earlier.id,
        reason: 'Called the customer on the number we hold; same person.',
      });
      assert.equal(r.statusCode, 200, r.body);
      const d = await detail(web.reference);
      assert.equal(d.customer.id, earlier.id);
      assert.deepEqual(
        (await matches(web.reference)).json().items,
        [],
        'the form’s record, now without complaints, is no match',
      );
      const e = d.timeline.find((x: { type: string }) => x.type === 'customer_linked');
      assert.ok(e, JSON.stringify(d.timeline.map((x: { type: string }) => x.type)));
      // The customer's own view does not show the internal event.
      const view = await t.app.inject({
        url: `/api/v1/public/complaints/${web.reference}?token=${web.trackingToken}`,
      });
      assert.equal(view.statusCode, 200, view.body);
      assert.doesNotMatch(view.body, /customer_linked|same person/);
      const audit = await t.app.inject({
        url: '/api/v1/audit/verification',
        headers: t.as('auditor'),
      });
      assert.equal(audit.statusCode, 200, audit.body);
      assert.equal(audit.json().intact, true, audit.body);
    });

    test('a customer who does not match, a missing reason, and the wrong roles are refused', async () => {
      const other = await staffComplaint({ name: 'Di Stranger', email: 'di@example.com' });
      const stranger = (await detail(other)).customer;
      const web = await webComplaint({ name: 'Ed', email: 'ed@example.com' });
      const wrong = await link(web.reference, { customerId: stranger.id, reason: 'a guess' });
      assert.equal(wrong.statusCode, 409, wrong.body);
      assert.equal(wrong.json().error.code, 'CUSTOMER.NOT_A_MATCH');
      const noReason = await link(web.reference, { customerId: stranger.id, reason: ' ' });
      assert.equal(noReason.statusCode, 400, noReason.body);
      assert.equal((await matches(web.reference, 'department_member')).statusCode, 403);
      assert.equal((await matches(web.reference, 'auditor')).statusCode, 200, 'auditors read');
      assert.equal(
        (await link(web.reference, { customerId: stranger.id, reason: 'x' }, 'auditor')).statusCode,
        403,
      );
      assert.equal((await matches('RD-2026-999999')).statusCode, 404);
    });
  });
}

// One composition root: the services are built once and every way in — the staff API, the web
// form, mail intake and the administrators' retake of a flagged mail — registers through the
// same intake batcher (so group commit spans them all), on the same clock.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PreparedRegistration } from '../../src/app/complaints/registration.ts';
import { ingestMail } from '../../src/mail/inbound/ingest-mail.ts';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { composeMail } from '../mail/fixtures.ts';
import { addTestMailbox, MAILBOX_ADDRESS } from '../mail/inbound-helpers.ts';

describe('the composition root (pglite)', () => {
  let t: TestApp;
  const submitted: PreparedRegistration[] = [];

  before(async () => {
    t = await startApp('pglite', { now: new Date('2026-03-13T18:00:00Z') });
    const intake = t.services.intake;
    const submit = intake.submit.bind(intake);
    intake.submit = (p) => {
      submitted.push(p);
      return submit(p);
    };
  });
  after(() => t.close());

  test('the API, the web form, mail and the retake route share one batcher and one clock', async () => {
    const staff = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: t.as('handler'),
      payload: complaintBody(),
    });
    assert.equal(staff.statusCode, 201, staff.body);
    const web = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: complaintBody({ customer: { name: 'Web', email: 'web@example.com' } }),
    });
    assert.equal(web.statusCode, 201, web.body);
    assert.equal(web.json().receivedAt, '2026-03-13T18:00:00.000Z', "the services' clock");

    const mailbox = await addTestMailbox(t.db);
    const mailed = await ingestMail(
      t.services,
      mailbox,
      await composeMail({ to: MAILBOX_ADDRESS }),
    );
    assert.equal(mailed.kind === 'handled' && mailed.status, 'complaint_created');

    // A mail flagged under a tiny attachment limit is taken again by the route, with the
    // services' own limit: it becomes a complaint through the same batcher.
    const big = await composeMail({
      from: 'Big <big@example.com>',
      attachments: [{ filename: 'scan.pdf', content: Buffer.alloc(4096, 1) }],
    });
    const flagged = await ingestMail(
      { ...t.services, limits: { maxAttachmentBytes: 1024, maxRecipients: 100, maxRawBytes: 1e7 } },
      mailbox,
      big,
    );
    assert.equal(flagged.kind === 'handled' && flagged.status, 'flagged_malformed');
    const retaken = await t.app.inject({
      method: 'POST',
      url: `/api/v1/mailboxes/flagged/${flagged.id}/retake`,
      headers: t.as('administrator'),
    });
    assert.equal(retaken.statusCode, 200, retaken.body);
    assert.equal(retaken.json().status, 'complaint_created');

    assert.deepEqual(
      submitted.map((p) => `${p.route}/${p.channel}/${p.actor.role}`),
      ['staff/email/handler', 'public/web/customer', 'staff/email/system', 'staff/email/system'],
    );
  });
});

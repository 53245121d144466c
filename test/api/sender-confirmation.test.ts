// A mail that claimed a complaint from an unverified sender is shown on the complaint it became
// (and on the one it claimed); staff who may confirm the sender see so, and confirming moves the
// mail onto the claimed complaint as the customer's reply.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ingestMail } from '../../src/mail/inbound/ingest-mail.ts';
import { startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { recordErrors, undocumented } from '../helpers/documented-errors.ts';
import { composeMail, uniqueId } from '../mail/fixtures.ts';
import { addTestMailbox, ingestDepsFor } from '../mail/inbound-helpers.ts';

const answered = recordErrors();

for (const engine of engines()) {
  describe(`POST /api/v1/complaints/{reference}/sender-confirmation (${engine})`, () => {
    let t: TestApp;
    let original: string;
    let flagged: string;
    before(async () => {
      t = await startApp(engine);
      const mailbox = await addTestMailbox(t.db);
      const deps = ingestDepsFor(t.db, t.policies, mkdtempSync(join(tmpdir(), 'redress-snd-')));
      const messageId = uniqueId('quy');
      const first = await ingestMail(
        deps,
        mailbox,
        await composeMail({
          from: 'Quy <quy@example.com>',
          envelope: 'quy@example.com',
          messageId,
          subject: 'Billed twice',
        }),
      );
      assert.equal(first.kind, 'handled');
      original = (first as { reference: string }).reference;
      // Her reply, sent from her phone through another provider: the envelope does not match.
      const reply = await ingestMail(
        deps,
        mailbox,
        await composeMail({
          from: 'Quy <quy@example.com>',
          envelope: 'bounce-123@relay.example.net',
          inReplyTo: messageId,
          references: [messageId],
          subject: 'Re: Billed twice',
          text: 'Here is the second bill.',
          attachments: [{ filename: 'bill.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') }],
        }),
      );
      flagged = (reply as { reference: string }).reference;
      assert.notEqual(flagged, original);
    });
    after(() => t.close());

    const get = (reference: string, role: Parameters<TestApp['as']>[0] = 'handler') =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/complaints/${reference}`,
        headers: t.as(role),
      });
    const confirm = (reference: string, role: Parameters<TestApp['as']>[0] = 'handler') =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${reference}/sender-confirmation`,
        headers: t.as(role),
        payload: { note: 'She phoned to say it was her.' },
      });

    test('the complaint it became shows the claim and whether the caller may confirm it', async () => {
      const c = (await get(flagged)).json();
      assert.equal(c.senderReview.claimedReference, original);
      assert.equal(c.senderReview.refusal, 'envelope_mismatch');
      assert.equal(c.senderReview.status, 'pending');
      assert.equal(c.senderReview.canConfirm, true);
      assert.equal(c.capabilities['mail.confirm-sender'], true);
      assert.equal((await get(flagged, 'auditor')).json().senderReview.canConfirm, false);
      const claimed = (await get(original)).json();
      assert.equal(claimed.senderReview, null);
      assert.deepEqual(
        claimed.mailClaims.map((m: { reference: string; status: string }) => [
          m.reference,
          m.status,
        ]),
        [[flagged, 'pending']],
      );
      assert.equal(
        claimed.messages.filter((m: { direction: string }) => m.direction === 'in').length,
        1,
        'the claimed complaint holds only the first mail',
      );
    });

    test('an auditor may not confirm (403); a complaint that is no such mail is refused (404)', async () => {
      const r = await confirm(flagged, 'auditor');
      assert.equal(r.statusCode, 403);
      const none = await confirm(original);
      assert.equal(none.statusCode, 404);
      assert.equal(none.json().error.code, 'MAIL.NO_SENDER_REVIEW');
      const unknown = await confirm('RD-2026-999999');
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().error.code, 'COMPLAINT.NOT_FOUND');
    });

    test('a handler confirms: the mail joins the claimed complaint, audited on both', async () => {
      const r = await confirm(flagged);
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json(), { reference: original, status: 'received', from: flagged });
      const claimed = (await get(original)).json();
      assert.ok(
        claimed.messages.some((m: { bodyText?: string; text?: string }) =>
          /second bill/.test(JSON.stringify(m)),
        ),
      );
      assert.ok(claimed.attachments.some((a: { filename: string }) => a.filename === 'bill.pdf'));
      const confirmed = claimed.timeline.find(
        (e: { type: string }) => e.type === 'mail_sender_confirmed',
      );
      assert.equal(confirmed.data.fromReference, flagged);
      assert.equal(confirmed.reason, 'She phoned to say it was her.');
      assert.ok(claimed.timeline.some((e: { type: string }) => e.type === 'customer_replied'));
      assert.equal(claimed.mailClaims[0].status, 'confirmed');
      const became = (await get(flagged)).json();
      assert.equal(became.status, 'withdrawn');
      assert.equal(became.senderReview.status, 'confirmed');
      assert.equal(became.senderReview.canConfirm, false);
      const again = await confirm(flagged);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'MAIL.SENDER_ALREADY_CONFIRMED');
    });

    test('every error answered above is listed for its operation and status in the document', async () => {
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.deepEqual(undocumented(doc, answered), []);
    });
  });
}

// Outbound email against a real SMTP server: what Redress sends (content, headers, threading),
// retries with backoff, failures listed, and never a second send after an interrupted one.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import type { Socket } from 'node:net';
import {
  dispatchOnce,
  recoverInterruptedSends,
} from '../../src/app/communications/dispatch-outbox.ts';
import { smtpSender } from '../../src/mail/outbound/smtp-sender.ts';
import { ingestMail } from '../../src/mail/inbound/ingest-mail.ts';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { startInbox, type SmtpInbox } from '../helpers/smtp-inbox.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addTestMailbox, ingestDepsFor } from './inbound-helpers.ts';

for (const engine of engines()) {
  describe(`outbound email over SMTP (${engine})`, () => {
    let t: TestApp;
    let inbox: SmtpInbox;
    let sender: ReturnType<typeof smtpSender>;
    let now = new Date('2026-03-10T10:00:00Z');
    const deps = () => ({
      db: t.db,
      sender,
      now: () => now,
      from: 'Cloud Direct <complaints@clouddirect.test>',
    });

    before(async () => {
      t = await startApp(engine, { now });
      inbox = await startInbox();
      sender = smtpSender(`smtp://127.0.0.1:${inbox.port}`);
    });
    after(async () => {
      sender.close();
      await inbox.close();
      await t.close();
    });
    beforeEach(() => {
      inbox.mails.length = 0;
    });

    async function newComplaint(email: string) {
      t.setNow(now);
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody({
          receivedAt: now.toISOString(),
          customer: { name: 'Ann Customer', email },
        }),
      });
      return r.json().reference as string;
    }

    async function acknowledge(ref: string) {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${ref}/actions/acknowledge`,
        headers: t.as('handler'),
      });
      assert.equal(r.statusCode, 200, r.body);
    }

    test('the acknowledgement arrives with the reference in subject and headers and the stored Message-ID', async () => {
      const ref = await newComplaint('ann@example.com');
      await acknowledge(ref);
      const result = await dispatchOnce(deps());
      assert.equal(result.sent, 1);
      assert.equal(inbox.mails.length, 1);
      const mail = inbox.mails[0]!;
      assert.match(mail.subject ?? '', new RegExp(ref));
      assert.equal(mail.headers.get('x-redress-reference'), ref);
      assert.equal((mail.to as { text: string }).text, 'ann@example.com');
      assert.match(mail.text ?? '', /Ann Customer/);
      assert.match(mail.html || '', /<p>/);
      const stored = await t.db.query<{ message_id: string; status: string; sent_at: Date }>(
        `select m.message_id, m.status, m.sent_at from messages m join complaints c on c.id = m.complaint_id
         where c.reference = $1 and m.kind = 'acknowledgement'`,
        [ref],
      );
      assert.equal(stored.rows[0]!.status, 'sent');
      assert.equal(mail.messageId, stored.rows[0]!.message_id);
      assert.ok(stored.rows[0]!.message_id.includes(ref), 'the Message-ID names the complaint');
      // Nothing more to send: each message goes once.
      assert.equal((await dispatchOnce(deps())).claimed, 0);
      assert.equal(inbox.mails.length, 1);
    });

    test("the customer's reply threads back onto the complaint by In-Reply-To", async () => {
      const ref = await newComplaint('reply@example.com');
      await acknowledge(ref);
      await dispatchOnce(deps());
      const sent = inbox.mails[0]!;
      const ingestDeps = ingestDepsFor(
        t.db,
        t.policies,
        mkdtempSync(join(tmpdir(), 'redress-reply-')),
        () => now,
      );
      // The receiving host in front of the mailbox checked the sender and said so.
      const mailbox = await addTestMailbox(t.db, {
        address: 'complaints@clouddirect.test',
        trustedAuthservIds: ['mx.clouddirect.test'],
      });
      const raw = Buffer.from(
        [
          'Authentication-Results: mx.clouddirect.test; dkim=pass header.d=example.com',
          'From: Ann Customer <reply@example.com>',
          'To: complaints@clouddirect.test',
          'Subject: Re: something else entirely',
          'Message-ID: <reply-1@example.com>',
          `In-Reply-To: ${sent.messageId}`,
          `References: ${sent.messageId}`,
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Thank you, the line is still dead.',
          '',
        ].join('\r\n'),
      );
      const outcome = await ingestMail(ingestDeps, mailbox, raw);
      assert.ok(
        outcome.kind === 'handled' && outcome.status === 'reply_threaded',
        JSON.stringify(outcome),
      );
      const detail = (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/complaints/${ref}`,
          headers: t.as('handler'),
        })
      ).json();
      assert.ok(
        detail.messages.some(
          (m: { direction: string; body: string }) =>
            m.direction === 'in' && /still dead/.test(m.body),
        ),
      );
    });

    test('a temporary failure is retried with backoff; after the last attempt it fails and is listed', async () => {
      const ref = await newComplaint('retry@example.com');
      await acknowledge(ref);
      inbox.failNext(100);
      const first = await dispatchOnce({ ...deps(), maxAttempts: 3 });
      assert.equal(first.retried, 1);
      const row = async () =>
        (
          await t.db.query<{
            status: string;
            attempts: number;
            next_attempt_at: Date;
            last_error: string;
          }>(
            `select m.status, m.attempts, m.next_attempt_at, m.last_error from messages m join complaints c on c.id = m.complaint_id where c.reference = $1 and m.kind = 'acknowledgement'`,
            [ref],
          )
        ).rows[0]!;
      let m = await row();
      assert.equal(m.status, 'queued');
      assert.equal(
        m.next_attempt_at.toISOString(),
        new Date(now.getTime() + 60_000).toISOString(),
        'one minute later',
      );
      assert.match(m.last_error, /451|busy/);
      // Not yet due: nothing is tried.
      assert.equal((await dispatchOnce({ ...deps(), maxAttempts: 3 })).claimed, 0);
      now = new Date(now.getTime() + 60 * 60_000);
      await dispatchOnce({ ...deps(), maxAttempts: 3 });
      now = new Date(now.getTime() + 60 * 60_000);
      const last = await dispatchOnce({ ...deps(), maxAttempts: 3 });
      assert.equal(last.failed, 1);
      m = await row();
      assert.equal(m.status, 'failed');
      assert.equal(m.attempts, 3);
      inbox.failNext(0);
      const problems = (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/outbox/problems',
          headers: t.as('administrator'),
        })
      ).json();
      const problem = problems.items.find((p: { reference: string }) => p.reference === ref);
      assert.ok(problem, 'listed for administrators');
      const retry = await t.app.inject({
        method: 'POST',
        url: `/api/v1/outbox/${problem.id}/retry`,
        headers: t.as('administrator'),
      });
      assert.equal(retry.statusCode, 200);
      t.setNow(now);
      assert.equal((await dispatchOnce(deps())).sent, 1);
      assert.equal(inbox.mails.length, 1);
    });

    test('a message left "sending" by a crash is marked unknown and never sent again', async () => {
      const ref = await newComplaint('crash@example.com');
      await acknowledge(ref);
      // As if a process had claimed it and died before marking the outcome.
      await t.db.query(
        `update messages m set status = 'sending', attempts = 1, next_attempt_at = $2 from complaints c
         where c.id = m.complaint_id and c.reference = $1`,
        [ref, now],
      );
      now = new Date(now.getTime() + 10 * 60_000);
      assert.equal(await recoverInterruptedSends({ db: t.db, now: () => now }), 1);
      assert.equal((await dispatchOnce(deps())).claimed, 0);
      assert.equal(inbox.mails.length, 0);
      const problems = (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/outbox/problems',
          headers: t.as('administrator'),
        })
      ).json();
      assert.ok(
        problems.items.some(
          (p: { reference: string; status: string }) =>
            p.reference === ref && p.status === 'unknown',
        ),
      );
    });

    test('a connection dropped after DATA marks the email for review, never resent; a server never reached is retried', async () => {
      const sockets = new Set<Socket>();
      let received = 0;
      const dropping = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream) {
          stream.on('data', () => {});
          stream.on('end', () => {
            received++; // the whole message arrived; the 250 never leaves
            for (const so of sockets) so.destroy();
          });
        },
      });
      dropping.server.on('connection', (so: Socket) => sockets.add(so));
      await new Promise<void>((resolve) => dropping.listen(0, '127.0.0.1', resolve));
      const port = (dropping.server.address() as { port: number }).port;
      const dropSender = smtpSender(`smtp://127.0.0.1:${port}`, { pool: 1 });
      try {
        const ref = await newComplaint('dropped@example.com');
        await acknowledge(ref);
        const first = await dispatchOnce({ ...deps(), sender: dropSender });
        assert.equal(first.uncertain, 1, JSON.stringify(first));
        assert.equal(received, 1);
        const row = await t.db.query<{ status: string; last_error: string }>(
          `select m.status, m.last_error from messages m join complaints c on c.id = m.complaint_id
           where c.reference = $1 and m.kind = 'acknowledgement'`,
          [ref],
        );
        assert.equal(row.rows[0]!.status, 'unknown');
        assert.match(row.rows[0]!.last_error, /check whether it arrived/);
        now = new Date(now.getTime() + 24 * 3_600_000);
        assert.equal((await dispatchOnce({ ...deps(), sender: dropSender })).claimed, 0);
        assert.equal(received, 1, 'never sent a second time');

        // A server that cannot be reached at all took nothing: that is retried.
        const refused = smtpSender('smtp://127.0.0.1:1');
        try {
          const ref2 = await newComplaint('refused@example.com');
          await acknowledge(ref2);
          const early = await dispatchOnce({ ...deps(), sender: refused });
          assert.equal(early.retried, 1, JSON.stringify(early));
        } finally {
          refused.close();
        }
      } finally {
        dropSender.close();
        await new Promise<void>((resolve) => dropping.close(() => resolve()));
      }
    });
  });
}

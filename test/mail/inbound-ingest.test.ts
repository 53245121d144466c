import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import nodemailer from 'nodemailer';
import { applyComplaintAction } from '../../src/app/complaints/apply-complaint-action.ts';
import { confirmMailSender } from '../../src/app/complaints/confirm-mail-sender.ts';
import { insertUser } from '../../src/db/repositories/users.ts';
import {
  ingestMail,
  MAX_ATTEMPTS,
  resumePending,
  type IngestOutcome,
} from '../../src/mail/inbound/ingest-mail.ts';
import { DEFAULT_LIMITS } from '../../src/mail/inbound/limits.ts';
import { SmtpListener } from '../../src/mail/inbound/smtp-listener.ts';
import { engines } from '../helpers/db.ts';
import {
  badCharset,
  bounce,
  brokenMime,
  composeMail,
  hugeAttachment,
  outOfOffice,
  thousandRecipients,
  uniqueId,
} from './fixtures.ts';
import { count, ledger, MAILBOX_ADDRESS, mailWorld, type MailWorld } from './inbound-helpers.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0')]);

function handled(o: IngestOutcome) {
  assert.equal(o.kind, 'handled', JSON.stringify(o));
  return o as Extract<IngestOutcome, { kind: 'handled' }>;
}

async function complaintOf(w: MailWorld, id: number) {
  const r = await w.db.query<{
    reference: string;
    channel: string;
    status: string;
    subject: string;
    description: string;
    email: string;
    name: string;
    created_by: string | null;
    messages_text: string;
  }>(
    `select c.reference, c.channel, c.status, c.subject, c.description, c.created_by, c.messages_text,
            cu.email, cu.name
       from complaints c join customers cu on cu.id = c.customer_id where c.id = $1`,
    [id],
  );
  return r.rows[0]!;
}

async function messagesOf(w: MailWorld, complaintId: number) {
  const r = await w.db.query<{
    id: number;
    direction: string;
    channel: string;
    message_id: string | null;
    in_reply_to: string | null;
    body_text: string;
    body_html: string | null;
    subject: string | null;
  }>('select * from messages where complaint_id = $1 order by id', [complaintId]);
  return r.rows;
}

async function reviewOf(w: MailWorld, complaintId: number) {
  const r = await w.db.query<{
    claimed_complaint_id: number;
    refusal: string;
    status: string;
  }>('select * from mail_sender_reviews where complaint_id = $1', [complaintId]);
  const row = r.rows[0];
  return row && { ...row, claimed_complaint_id: Number(row.claimed_complaint_id) };
}

async function eventTypes(w: MailWorld, complaintId: number): Promise<string[]> {
  const r = await w.db.query<{ type: string }>(
    'select type from events where complaint_id = $1 order by stream_seq',
    [complaintId],
  );
  return r.rows.map((e) => e.type);
}

for (const engine of engines()) {
  describe(`inbound mail (${engine})`, () => {
    let w: MailWorld;
    before(async () => {
      w = await mailWorld(engine);
    });
    after(async () => {
      await w.close();
    });

    let first: { complaintId: number; reference: string; messageId: string };

    test('a new mail creates a complaint by email, its customer, message and attachments', async () => {
      const messageId = uniqueId('new');
      const raw = await composeMail({
        from: 'Ann Customer <Ann@Example.com>',
        subject: 'My broadband keeps dropping',
        messageId,
        text: 'It drops every evening.',
        html: '<p onclick="x()">It drops <b>every</b> evening.</p><script>alert(1)</script><img src="https://t.example/p.gif">',
        attachments: [
          { filename: 'bill.pdf', content: PDF, contentType: 'application/pdf' },
          { filename: 'invoice.pdf.exe', content: EXE, contentType: 'application/octet-stream' },
        ],
      });
      const o = handled(await ingestMail(w.deps, w.mailbox, raw, { uid: 1, uidValidity: 7n }));
      assert.equal(o.status, 'complaint_created');
      assert.match(o.reference!, /^RD-\d{4}-\d{6}$/);
      const c = await complaintOf(w, o.complaintId!);
      assert.equal(c.channel, 'email');
      assert.equal(c.status, 'received');
      assert.equal(c.subject, 'My broadband keeps dropping');
      assert.equal(c.description, 'It drops every evening.');
      assert.equal(c.email, 'ann@example.com');
      assert.equal(c.name, 'Ann Customer');
      assert.equal(c.created_by, null);
      const [m, ...more] = await messagesOf(w, o.complaintId!);
      assert.equal(more.length, 0);
      assert.equal(m!.direction, 'in');
      assert.equal(m!.channel, 'email');
      assert.equal(m!.message_id, messageId);
      assert.equal(m!.body_html, '<p>It drops <b>every</b> evening.</p>');
      const atts = await w.db.query<{
        filename: string;
        content_type: string;
        public: boolean;
        sha256: string;
        message_id: number;
      }>('select * from attachments where complaint_id = $1 order by id', [o.complaintId]);
      assert.deepEqual(
        atts.rows.map((a) => [a.filename, a.content_type, a.public, a.message_id]),
        [
          ['bill.pdf', 'application/pdf', true, m!.id],
          ['invoice.pdf.exe.bin', 'application/octet-stream', false, m!.id],
        ],
      );
      assert.deepEqual(await w.files.get(atts.rows[0]!.sha256), PDF);
      assert.deepEqual(await eventTypes(w, o.complaintId!), [
        'received',
        'attachment_added',
        'attachment_added',
      ]);
      const [row] = await ledger(w.db);
      assert.equal(row!.status, 'complaint_created');
      assert.deepEqual(await w.files.get(row!.raw_sha256), raw, 'the raw mail is kept');
      first = { complaintId: o.complaintId!, reference: o.reference!, messageId };
    });

    test('a reply with In-Reply-To from the customer (envelope sender = From) joins its complaint', async () => {
      const before = await count(w.db, 'select 1 from complaints');
      const raw = await composeMail({
        envelope: 'ann@example.com',
        subject: 'Re: My broadband keeps dropping',
        inReplyTo: first.messageId,
        references: [first.messageId],
        text: 'It dropped again last night.\n\n> It drops every evening.',
      });
      const o = handled(await ingestMail(w.deps, w.mailbox, raw, { uid: 2, uidValidity: 7n }));
      assert.equal(o.status, 'reply_threaded');
      assert.equal(o.complaintId, first.complaintId);
      assert.equal(await count(w.db, 'select 1 from complaints'), before);
      const msgs = await messagesOf(w, first.complaintId);
      assert.equal(msgs.length, 2, 'the email stored once (not also as a portal message)');
      assert.equal(msgs[1]!.channel, 'email');
      assert.equal(msgs[1]!.in_reply_to, first.messageId);
      assert.ok((await eventTypes(w, first.complaintId)).includes('customer_replied'));
      assert.match((await complaintOf(w, first.complaintId)).messages_text, /dropped again/);
    });

    test('a reply through References from someone else does not join: a new complaint, flagged with a link', async () => {
      const ours = `<${first.reference}.abc.def@redress.test>`;
      await w.db.query(
        `insert into messages (complaint_id, direction, channel, body_text, message_id, status)
         values ($1, 'out', 'email', 'We have received your complaint', $2, 'sent')`,
        [first.complaintId, ours],
      );
      const messagesBefore = (await messagesOf(w, first.complaintId)).length;
      const statusBefore = (await complaintOf(w, first.complaintId)).status;
      const raw = await composeMail({
        from: 'someone.else@example.org',
        envelope: 'someone.else@example.org',
        subject: 'Re: We have received your complaint',
        references: ['<unknown@elsewhere>', ours],
        text: 'Thanks.',
      });
      const o = handled(await ingestMail(w.deps, w.mailbox, raw, { uid: 3, uidValidity: 7n }));
      assert.equal(o.status, 'complaint_created');
      assert.notEqual(o.complaintId, first.complaintId);
      const review = await reviewOf(w, o.complaintId!);
      assert.equal(review?.claimed_complaint_id, first.complaintId);
      assert.equal(review?.refusal, 'not_the_customer');
      assert.equal(review?.status, 'pending');
      // Nothing reached the claimed complaint but an internal note of the claim.
      assert.equal((await messagesOf(w, first.complaintId)).length, messagesBefore);
      assert.equal((await complaintOf(w, first.complaintId)).status, statusBefore);
      assert.equal((await eventTypes(w, first.complaintId)).at(-1), 'mail_claim_unverified');
      assert.ok((await eventTypes(w, o.complaintId!)).includes('mail_sender_unverified'));
    });

    test('a reply with only the reference in the subject joins, from the same customer only', async () => {
      const same = handled(
        await ingestMail(
          w.deps,
          w.mailbox,
          await composeMail({
            from: 'ann@example.com',
            envelope: 'ann@example.com',
            subject: `More about ${first.reference.toLowerCase()}`,
            text: 'One more thing.',
          }),
          { uid: 4, uidValidity: 7n },
        ),
      );
      assert.equal(same.status, 'reply_threaded');
      assert.equal(same.complaintId, first.complaintId);

      const stranger = handled(
        await ingestMail(
          w.deps,
          w.mailbox,
          await composeMail({
            from: 'mallory@example.net',
            subject: `About ${first.reference}`,
            text: 'Let me into this complaint.',
          }),
          { uid: 5, uidValidity: 7n },
        ),
      );
      assert.equal(stranger.status, 'complaint_created');
      assert.notEqual(stranger.complaintId, first.complaintId);
      assert.equal((await reviewOf(w, stranger.complaintId!))?.refusal, 'not_the_customer');
    });

    test('information the handler asked for ends the wait (information_received)', async () => {
      const handler = await insertUser(w.db, {
        id: 'h-mail',
        email: 'h-mail@example.test',
        name: 'Hana Handler',
        role: 'handler',
        departmentId: null,
        passwordHash: null,
      });
      const actionDeps = { ...w.deps, config: { mailDomain: 'localhost' } };
      const user = { id: handler.id, role: 'handler' as const };
      await applyComplaintAction(actionDeps, user, {
        reference: first.reference,
        action: 'start-investigation',
        payload: {},
      });
      const asked = await applyComplaintAction(actionDeps, user, {
        reference: first.reference,
        action: 'request-information',
        payload: { questions: ['Which router do you have?'] },
      });
      assert.equal(asked.status, 'awaiting_customer');
      const o = handled(
        await ingestMail(
          w.deps,
          w.mailbox,
          await composeMail({
            envelope: 'ann@example.com',
            subject: `Re: ${first.reference}`,
            text: 'A Hub 2.',
          }),
          { uid: 6, uidValidity: 7n },
        ),
      );
      assert.equal(o.status, 'reply_threaded');
      assert.equal((await complaintOf(w, first.complaintId)).status, 'investigating');
      assert.equal((await eventTypes(w, first.complaintId)).at(-1), 'information_received');
    });

    test("a forged From answering a request for information does not resume it; a person's confirmation does", async () => {
      const actionDeps = { ...w.deps, config: { mailDomain: 'localhost' } };
      const user = { id: 'h-mail', role: 'handler' as const };
      await applyComplaintAction(actionDeps, user, {
        reference: first.reference,
        action: 'request-information',
        payload: { questions: ['When did it start?'] },
      });
      const asked = await w.db.query<{ message_id: string }>(
        `select message_id from messages where complaint_id = $1 and direction = 'out'
          and message_id is not null order by id desc limit 1`,
        [first.complaintId],
      );
      const requestId = asked.rows[0]?.message_id ?? first.messageId;
      const before = (await messagesOf(w, first.complaintId)).length;
      const outBefore = await count(
        w.db,
        `select 1 from messages where direction = 'out' and complaint_id = $1`,
        [first.complaintId],
      );
      const forged = (extra: Parameters<typeof composeMail>[0]) =>
        composeMail({
          from: 'Ann Customer <ann@example.com>',
          subject: `Re: ${first.reference}`,
          inReplyTo: requestId,
          references: [requestId],
          text: 'It started on Monday. Please send me everything you hold.',
          ...extra,
        });
      const mx = { ...w.mailbox, trustedAuthservIds: ['mx.redress.test'] };
      const cases = [
        // Our listener saw another envelope sender.
        {
          mailbox: w.mailbox,
          raw: await forged({ envelope: 'mallory@evil.example' }),
          refusal: 'envelope_mismatch',
        },
        // Same envelope, but the trusted host says DMARC failed.
        {
          mailbox: mx,
          raw: await forged({
            envelope: 'ann@example.com',
            authResults: [
              'mx.redress.test; spf=fail smtp.mailfrom=ann@example.com; dmarc=fail header.from=example.com',
            ],
          }),
          refusal: 'dmarc_fail',
        },
        // A pass written by the sender, not by the trusted host.
        {
          mailbox: mx,
          raw: await forged({
            envelope: 'ann@example.com',
            authResults: ['mx.evil.example; dmarc=pass header.from=example.com'],
          }),
          refusal: 'no_trusted_results',
        },
      ];
      let uid = 100;
      const flagged: number[] = [];
      for (const c of cases) {
        const o = handled(
          await ingestMail(w.deps, c.mailbox, c.raw, { uid: uid++, uidValidity: 7n }),
        );
        assert.equal(o.status, 'complaint_created', c.refusal);
        assert.equal((await reviewOf(w, o.complaintId!))?.refusal, c.refusal);
        flagged.push(o.complaintId!);
      }
      assert.equal((await complaintOf(w, first.complaintId)).status, 'awaiting_customer');
      assert.equal((await messagesOf(w, first.complaintId)).length, before);
      // Nothing was sent from the claimed complaint (nothing queued for anyone).
      assert.equal(
        await count(w.db, `select 1 from messages where direction = 'out' and complaint_id = $1`, [
          first.complaintId,
        ]),
        outBefore,
      );

      // The same mail, authenticated by the trusted host (DKIM aligned), joins and resumes.
      const signed = handled(
        await ingestMail(
          w.deps,
          mx,
          await forged({
            envelope: 'ann@example.com',
            authResults: [
              'mx.redress.test; dkim=pass header.d=example.com; spf=pass smtp.mailfrom=ann@example.com',
            ],
            text: 'Signed: it started on Monday.',
          }),
          { uid: uid++, uidValidity: 7n },
        ),
      );
      assert.equal(signed.status, 'reply_threaded');
      assert.equal((await complaintOf(w, first.complaintId)).status, 'investigating');

      // A handler confirms the first flagged mail is Ann's after all (she phoned).
      await applyComplaintAction(actionDeps, user, {
        reference: first.reference,
        action: 'request-information',
        payload: { questions: ['Anything else?'] },
      });
      const flaggedRef = (await complaintOf(w, flagged[0]!)).reference;
      const done = await confirmMailSender(actionDeps, user, {
        reference: flaggedRef,
        note: 'Ann confirmed on the phone',
      });
      assert.deepEqual(done, {
        reference: first.reference,
        status: 'investigating',
        from: flaggedRef,
      });
      const types = await eventTypes(w, first.complaintId);
      assert.deepEqual(types.slice(-2), ['information_received', 'mail_sender_confirmed']);
      assert.ok(
        (await messagesOf(w, first.complaintId)).some(
          (m) => m.channel === 'email' && /Please send me everything/.test(m.body_text),
        ),
        'the mail moved onto the claimed complaint',
      );
      assert.equal((await messagesOf(w, flagged[0]!)).length, 0);
      assert.equal((await complaintOf(w, flagged[0]!)).status, 'withdrawn');
      assert.equal((await reviewOf(w, flagged[0]!))?.status, 'confirmed');
      await assert.rejects(
        confirmMailSender(actionDeps, user, { reference: flaggedRef }),
        (e: Error & { code?: string }) => e.code === 'MAIL.SENDER_ALREADY_CONFIRMED',
      );
      await assert.rejects(
        confirmMailSender(actionDeps, user, { reference: first.reference }),
        (e: Error & { code?: string }) => e.code === 'MAIL.NO_SENDER_REVIEW',
      );
    });

    test('auto-replies and bounces are ignored: no complaint, no message', async () => {
      const complaints = await count(w.db, 'select 1 from complaints');
      const messages = await count(w.db, 'select 1 from messages');
      for (const [uid, raw] of [
        [10, outOfOffice()],
        [11, bounce()],
        [12, await composeMail({ headers: { Precedence: 'bulk' }, subject: 'Newsletter' })],
        [13, await composeMail({ from: `Us <${MAILBOX_ADDRESS}>`, subject: 'A loop' })],
      ] as const) {
        const o = handled(await ingestMail(w.deps, w.mailbox, raw, { uid, uidValidity: 7n }));
        assert.equal(o.status, 'ignored_auto', `UID ${uid}`);
        assert.equal(o.complaintId, null);
        assert.ok(o.error);
      }
      // Our own message coming back (same Message-ID as one we sent).
      const sent = `<${first.reference}.loop.1@redress.test>`;
      await w.db.query(
        `insert into messages (complaint_id, direction, channel, body_text, message_id, status)
         values ($1, 'out', 'email', 'x', $2, 'sent')`,
        [first.complaintId, sent],
      );
      const back = handled(
        await ingestMail(w.deps, w.mailbox, await composeMail({ messageId: sent }), {
          uid: 14,
          uidValidity: 7n,
        }),
      );
      assert.equal(back.status, 'ignored_auto');
      assert.equal(await count(w.db, 'select 1 from complaints'), complaints);
      assert.equal(await count(w.db, 'select 1 from messages'), messages + 1);
    });

    test('malformed mail is kept raw and flagged, never a complaint', async () => {
      const complaints = await count(w.db, 'select 1 from complaints');
      const cases: [string, Buffer, RegExp][] = [
        ['broken MIME', brokenMime(), /boundary never appears/],
        ['bad charset', badCharset(), /unknown charset|does not decode/],
        ['20 MB attachment', await hugeAttachment(20), /attachments of 20\.0 MB/],
        ['1000 recipients', await thousandRecipients(), /1000 recipients/],
        ['no headers', Buffer.from('hello\r\nthere\r\n'), /header/],
        ['no sender', Buffer.from('Subject: who?\r\n\r\nbody\r\n'), /From/],
      ];
      let uid = 20;
      for (const [what, raw, why] of cases) {
        const o = handled(
          await ingestMail(w.deps, w.mailbox, raw, { uid: uid++, uidValidity: 7n }),
        );
        assert.equal(o.status, 'flagged_malformed', what);
        assert.match(o.error ?? '', why, what);
        const row = (await ledger(w.db)).find((r) => r.id === o.id)!;
        assert.deepEqual(await w.files.get(row.raw_sha256), raw, `${what}: raw kept`);
      }
      assert.equal(await count(w.db, 'select 1 from complaints'), complaints);
    });

    test('the same mail twice is taken once: by UID, and by Message-ID', async () => {
      const messageId = uniqueId('twice');
      const raw = await composeMail({ from: 'gina@example.com', messageId, subject: 'Twice' });
      const a = handled(await ingestMail(w.deps, w.mailbox, raw, { uid: 40, uidValidity: 7n }));
      const b = handled(await ingestMail(w.deps, w.mailbox, raw, { uid: 40, uidValidity: 7n }));
      assert.equal(a.repeated, false);
      assert.equal(b.repeated, true);
      assert.equal(b.id, a.id);
      // Delivered again (another UID, the same Message-ID): recorded as a duplicate.
      const c = handled(await ingestMail(w.deps, w.mailbox, raw, { uid: 41, uidValidity: 7n }));
      assert.equal(c.status, 'duplicate');
      assert.equal(c.complaintId, a.complaintId);
      // Over SMTP (no UID) the same Message-ID is the same mail sent again.
      const d = handled(await ingestMail(w.deps, w.mailbox, raw));
      assert.equal(d.id, a.id);
      // And without a Message-ID, the same bytes are.
      const bare = Buffer.from(
        'From: gina@example.com\r\nTo: complaints@redress.test\r\nSubject: No id\r\n\r\nHello\r\n',
      );
      const e1 = handled(await ingestMail(w.deps, w.mailbox, bare));
      const e2 = handled(await ingestMail(w.deps, w.mailbox, bare));
      assert.equal(e1.status, 'complaint_created');
      assert.equal(e2.id, e1.id);
      assert.equal(e2.repeated, true);
      assert.equal(
        await count(w.db, `select 1 from customers where email = 'gina@example.com'`),
        1,
      );
      assert.equal(
        await count(
          w.db,
          `select 1 from complaints c join customers cu on cu.id = c.customer_id where cu.email = 'gina@example.com'`,
        ),
        2,
        'the mail with an id, and the one without',
      );
    });

    test('a crash between registering and finishing: the retry finds the same complaint', async () => {
      const real = w.deps.intake;
      let crash = true;
      const deps = {
        ...w.deps,
        intake: {
          submit: async (...args: Parameters<typeof real.submit>) => {
            const done = await real.submit(...args);
            if (crash) {
              crash = false;
              throw new Error('simulated crash after the complaint was committed');
            }
            return done;
          },
        },
      };
      const raw = await composeMail({ from: 'hal@example.com', subject: 'Crash test' });
      const o1 = await ingestMail(deps, w.mailbox, raw, { uid: 50, uidValidity: 7n });
      assert.equal(o1.kind, 'pending');
      const row = (await ledger(w.db)).find((r) => r.id === o1.id)!;
      assert.equal(row.status, 'received');
      assert.match(row.error!, /simulated crash/);
      const o2 = handled(await ingestMail(deps, w.mailbox, raw, { uid: 50, uidValidity: 7n }));
      assert.equal(o2.status, 'complaint_created');
      const mine = `select c.id from complaints c join customers cu on cu.id = c.customer_id where cu.email = 'hal@example.com'`;
      assert.equal(await count(w.db, mine), 1);
      assert.equal(
        await count(w.db, `select 1 from messages where complaint_id = $1`, [o2.complaintId]),
        1,
      );
    });

    test('a mail that keeps failing is flagged after the last attempt; pending ones are resumed', async () => {
      const failing = {
        ...w.deps,
        intake: {
          submit: async () => {
            throw new Error('the policy is broken');
          },
        },
      };
      const raw = await composeMail({ from: 'ivy@example.com', subject: 'Never taken' });
      for (let i = 1; i < MAX_ATTEMPTS; i++) {
        assert.equal(
          (await ingestMail(failing, w.mailbox, raw, { uid: 60, uidValidity: 7n })).kind,
          'pending',
        );
      }
      const last = handled(await ingestMail(failing, w.mailbox, raw, { uid: 60, uidValidity: 7n }));
      assert.equal(last.status, 'flagged_malformed');
      assert.match(last.error!, /not taken after 3 attempts: the policy is broken/);

      // Left as received (the process died): the reader's start finishes it from the stored bytes.
      const raw2 = await composeMail({ from: 'jo@example.com', subject: 'Left pending' });
      assert.equal(
        (await ingestMail(failing, w.mailbox, raw2, { uid: 61, uidValidity: 7n })).kind,
        'pending',
      );
      const resumed = await resumePending(w.deps, w.mailbox);
      assert.equal(resumed.length, 1);
      assert.equal(handled(resumed[0]!).status, 'complaint_created');
    });

    test('SMTP listener: 250 after commit, other recipients refused, resends taken once', async () => {
      const listener = new SmtpListener(w.deps, { ...w.mailbox, listenPort: 0 }, () => {});
      await listener.start();
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port: listener.port!,
        secure: false,
        ignoreTLS: true,
      });
      try {
        const raw = await composeMail({ from: 'kim@example.com', subject: 'By SMTP' });
        const info = await transport.sendMail({
          envelope: { from: 'kim@example.com', to: [MAILBOX_ADDRESS] },
          raw,
        });
        assert.match(info.response, /^250 .*taken as RD-\d{4}-\d{6}/);
        await transport.sendMail({
          envelope: { from: 'kim@example.com', to: [MAILBOX_ADDRESS] },
          raw,
        });
        const kim = `select 1 from complaints c join customers cu on cu.id = c.customer_id where cu.email = 'kim@example.com'`;
        assert.equal(await count(w.db, kim), 1);

        await assert.rejects(
          transport.sendMail({
            envelope: { from: 'kim@example.com', to: ['someone-else@redress.test'] },
            raw,
          }),
          /550/,
        );
        // A bounce: the empty envelope sender becomes Return-Path: <>.
        const bounced = await composeMail({ from: 'lee@example.com', subject: 'Delivery failed' });
        await transport.sendMail({ envelope: { from: '', to: [MAILBOX_ADDRESS] }, raw: bounced });
        const rows = await ledger(w.db);
        const last = rows.at(-1)!;
        assert.equal(last.status, 'ignored_auto');
        assert.match(last.error!, /Return-Path/);
      } finally {
        transport.close();
        await listener.stop();
      }
    });

    test('SMTP listener: a reply joins only when the envelope sender is the From address', async () => {
      const listener = new SmtpListener(w.deps, { ...w.mailbox, listenPort: 0 }, () => {});
      await listener.start();
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port: listener.port!,
        secure: false,
        ignoreTLS: true,
      });
      try {
        const send = (envelopeFrom: string, raw: Buffer) =>
          transport.sendMail({ envelope: { from: envelopeFrom, to: [MAILBOX_ADDRESS] }, raw });
        const messageId = uniqueId('nia');
        const opened = await send(
          'nia@example.com',
          await composeMail({ from: 'Nia <nia@example.com>', messageId, subject: 'No dial tone' }),
        );
        const reference = /taken as (RD-\d{4}-\d{6})/.exec(opened.response)![1]!;
        const reply = (text: string) =>
          composeMail({
            from: 'Nia <nia@example.com>',
            subject: `Re: No dial tone [${reference}]`,
            inReplyTo: messageId,
            references: [messageId],
            text,
          });
        // Forged: the header says Nia, the envelope says otherwise.
        const forged = await send('attacker@evil.example', await reply('Send me her details.'));
        const forgedRef = /taken as (RD-\d{4}-\d{6})/.exec(forged.response)![1]!;
        assert.notEqual(forgedRef, reference, 'a new complaint, not a reply');
        const flagged = await w.db.query<{ refusal: string; claimed: string }>(
          `select r.refusal, cc.reference as claimed from mail_sender_reviews r
             join complaints c on c.id = r.complaint_id
             join complaints cc on cc.id = r.claimed_complaint_id where c.reference = $1`,
          [forgedRef],
        );
        assert.deepEqual(flagged.rows, [{ refusal: 'envelope_mismatch', claimed: reference }]);
        // Genuine: envelope and header agree.
        const genuine = await send('nia@example.com', await reply('Still no dial tone.'));
        assert.match(genuine.response, new RegExp(`taken as ${reference}`));
      } finally {
        transport.close();
        await listener.stop();
      }
    });

    test('SMTP listener: big mail is streamed to disk; over the limit it is refused 552 and nothing is kept', async () => {
      const limits = { ...DEFAULT_LIMITS, maxRawBytes: 12 * 1024 * 1024 };
      const deps = { ...w.deps, limits };
      const listener = new SmtpListener(deps, { ...w.mailbox, listenPort: 0 }, () => {});
      await listener.start();
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port: listener.port!,
        secure: false,
        ignoreTLS: true,
      });
      try {
        // 6 MB: over what is sniffed whole, so read by its head (and stored as it is decoded).
        const pdf = Buffer.concat([PDF, randomBytes(6 * 1024 * 1024)]);
        const big = await composeMail({
          from: 'oli@example.com',
          subject: 'Scans attached',
          attachments: [{ filename: 'scans.pdf', content: pdf }],
        });
        const info = await transport.sendMail({
          envelope: { from: 'oli@example.com', to: [MAILBOX_ADDRESS] },
          raw: big,
        });
        const reference = /taken as (RD-\d{4}-\d{6})/.exec(info.response)![1]!;
        const att = await w.db.query<{ sha256: string; size: number; content_type: string }>(
          `select a.sha256, a.size, a.content_type from attachments a
             join complaints c on c.id = a.complaint_id where c.reference = $1`,
          [reference],
        );
        assert.equal(att.rows.length, 1);
        assert.equal(att.rows[0]!.content_type, 'application/pdf');
        assert.equal(Number(att.rows[0]!.size), pdf.length);
        assert.equal(att.rows[0]!.sha256, createHash('sha256').update(pdf).digest('hex'));
        assert.deepEqual(await w.files.get(att.rows[0]!.sha256), pdf);

        const ledgerBefore = (await ledger(w.db)).length;
        const tooBig = await composeMail({
          from: 'pat@example.com',
          subject: 'Too big',
          attachments: [{ filename: 'huge.bin', content: randomBytes(10 * 1024 * 1024) }],
        });
        await assert.rejects(
          transport.sendMail({
            envelope: { from: 'pat@example.com', to: [MAILBOX_ADDRESS] },
            raw: tooBig,
          }),
          (e: Error & { responseCode?: number }) => e.responseCode === 552,
        );
        assert.equal((await ledger(w.db)).length, ledgerBefore, 'no ledger row');
        const leftovers = readdirSync(w.files.root).filter((f) => f.startsWith('.tmp'));
        assert.deepEqual(leftovers, [], 'no temporary file left behind');
      } finally {
        transport.close();
        await listener.stop();
      }
    });
  });
}

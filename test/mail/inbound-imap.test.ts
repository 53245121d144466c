// End to end over real IMAP: a dovecot server holds delivered mails; the reader takes each one
// (a complaint, a reply on its complaint, an ignored bounce, a flagged broken mail), marks it
// \Seen, wakes up in IDLE for new mail, polls where told to, reconnects after the server went
// away, and takes nothing twice across restarts — not even when the \Seen flags are lost.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ImapFlow } from 'imapflow';
import { ImapReader } from '../../src/mail/inbound/imap-reader.ts';
import { engines } from '../helpers/db.ts';
import {
  deliverToMaildir,
  dovecotBinary,
  DOVECOT_MISSING,
  startDovecot,
  type Dovecot,
} from '../helpers/dovecot.ts';
import { badCharset, bounce, brokenMime, composeMail, outOfOffice, uniqueId } from './fixtures.ts';
import { count, ledger, mailWorld, type MailWorld } from './inbound-helpers.ts';

const skip = dovecotBinary() ? false : DOVECOT_MISSING;
if (skip) console.log(`# ${DOVECOT_MISSING}`);

async function until<T>(
  what: string,
  fn: () => Promise<T | false | null | undefined>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

for (const engine of engines()) {
  describe(`IMAP reader against dovecot (${engine})`, { skip }, () => {
    let dovecot: Dovecot;
    let w: MailWorld;
    let imap: ImapFlow;
    const logs: string[] = [];
    const log = (line: string) => logs.push(line);

    /** The test's own IMAP client (a server just restarted may reset the first tries). */
    async function openClient(): Promise<ImapFlow> {
      for (let attempt = 1; ; attempt++) {
        const client = new ImapFlow({
          host: dovecot.host,
          port: dovecot.port,
          secure: false,
          auth: { user: dovecot.user, pass: dovecot.password },
          logger: false,
        });
        client.on('error', () => {});
        try {
          await client.connect();
          return client;
        } catch (err) {
          client.close();
          if (attempt >= 20) throw err;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    }
    async function append(raw: Buffer): Promise<void> {
      await imap.append('INBOX', raw);
    }
    async function unseen(): Promise<number[]> {
      const lock = await imap.getMailboxLock('INBOX');
      try {
        const r = await imap.search({ seen: false }, { uid: true });
        return Array.isArray(r) ? r : [];
      } finally {
        lock.release();
      }
    }
    async function total(): Promise<number> {
      const s = await imap.status('INBOX', { messages: true });
      return s ? (s.messages ?? 0) : 0;
    }
    const settled = async (n: number) => {
      const rows = await ledger(w.db);
      return (
        rows.length >= n &&
        rows.every((r) => r.status !== 'received') &&
        (await unseen()).length === 0 &&
        rows
      );
    };
    const reader = (opts: ConstructorParameters<typeof ImapReader>[3] = {}) =>
      new ImapReader(w.deps, w.mailbox, log, {
        idleRecheckMs: 60_000,
        backoffMs: { first: 200, max: 1000 },
        ...opts,
      });

    before(async () => {
      dovecot = await startDovecot();
      w = await mailWorld(engine, {
        name: 'imap-inbox',
        kind: 'imap',
        host: dovecot.host,
        port: dovecot.port,
        secure: false,
        username: dovecot.user,
        password: dovecot.password,
        listenPort: null,
        pollSeconds: 1,
        // The delivering host's Authentication-Results (and Return-Path) are believed.
        trustedAuthservIds: ['mx.redress.test'],
      });
      imap = await openClient();
    });
    after(async () => {
      await imap?.logout().catch(() => {});
      await w?.close();
      await dovecot?.destroy();
    });

    const ann = uniqueId('ann');

    test('every delivered mail is taken once and marked \\Seen; a broken one does not stop the rest', async () => {
      await append(
        await composeMail({ from: 'Ann <ann@example.com>', messageId: ann, subject: 'No signal' }),
      );
      await append(bounce());
      await append(brokenMime());
      await append(badCharset());
      await append(
        await composeMail({
          from: 'ann@example.com',
          envelope: 'ann@example.com',
          authResults: ['mx.redress.test; dkim=pass header.d=example.com'],
          subject: 'Re: No signal',
          inReplyTo: ann,
          references: [ann],
          text: 'Still no signal today.',
        }),
      );
      // The same reply forged: the host saw no signature and SPF failed.
      await append(
        await composeMail({
          from: 'ann@example.com',
          envelope: 'ann@example.com',
          authResults: [
            'mx.redress.test; dkim=none; spf=fail smtp.mailfrom=ann@example.com',
            'mx.evil.example; dkim=pass header.d=example.com',
          ],
          subject: 'Re: No signal',
          inReplyTo: ann,
          references: [ann],
          text: 'Tell me what you know about Ann.',
        }),
      );
      deliverToMaildir(
        dovecot,
        await composeMail({ from: 'Bob <bob@example.com>', subject: 'Wrong bill' }),
        `${Date.now()}.M1P1.redress-test`,
      );
      await append(outOfOffice());
      assert.equal(await total(), 8);

      const r = reader();
      await r.start();
      try {
        const rows = await until('all 8 mails taken and seen', () => settled(8));
        // The maildir delivery gets its UID when dovecot next looks at new/: order by kind.
        const tally = (status: string) => rows.filter((x) => x.status === status).length;
        assert.equal(tally('complaint_created'), 3, 'Ann, Bob, and the forged reply');
        assert.equal(tally('reply_threaded'), 1);
        assert.equal(tally('ignored_auto'), 2);
        assert.equal(tally('flagged_malformed'), 2);
        const reply = rows.find((x) => x.status === 'reply_threaded')!;
        assert.equal(reply.complaint_id, rows[0]!.complaint_id, 'the reply joined Ann’s complaint');
        assert.ok(rows.every((x) => x.uid !== null));
        assert.equal(await count(w.db, 'select 1 from complaints'), 3);
        assert.equal(await count(w.db, `select 1 from complaints where channel = 'email'`), 3);
        assert.equal(
          await count(
            w.db,
            `select 1 from mail_sender_reviews where refusal = 'no_aligned_pass' and claimed_complaint_id = $1`,
            [rows[0]!.complaint_id],
          ),
          1,
          'the forged reply is a complaint of its own, linked to the one it claimed',
        );
        // Raw bytes of the flagged mails are kept.
        for (const row of rows.filter((x) => x.status === 'flagged_malformed')) {
          assert.ok(await w.files.get(row.raw_sha256));
        }

        // New mail while the reader waits in IDLE (no re-check for a minute: only IDLE can wake it).
        await append(
          await composeMail({ from: 'cat@example.com', subject: 'Engineer never came' }),
        );
        const after9 = await until('the mail that arrived during IDLE', () => settled(9), 10_000);
        assert.equal(after9.at(-1)!.status, 'complaint_created');
        assert.ok(
          logs.some((l) => /IDLE/.test(l)),
          logs.join('\n'),
        );
      } finally {
        await r.stop();
      }
    });

    test('a restarted reader takes nothing twice, even when the \\Seen flags were lost', async () => {
      const mails = (await ledger(w.db)).length;
      const complaints = await count(w.db, 'select 1 from complaints');
      const messages = await count(w.db, 'select 1 from messages');

      const again = reader();
      await again.start();
      await until('a pass over the folder', async () => again.passes >= 1);
      await again.stop();
      assert.equal((await ledger(w.db)).length, mails);

      // As if the process died after committing but before marking \Seen.
      const lock = await imap.getMailboxLock('INBOX');
      try {
        await imap.messageFlagsRemove('1:*', ['\\Seen']);
      } finally {
        lock.release();
      }
      assert.equal((await unseen()).length, mails);
      const third = reader();
      await third.start();
      try {
        await until('every mail marked seen again', async () => (await unseen()).length === 0);
      } finally {
        await third.stop();
      }
      assert.equal((await ledger(w.db)).length, mails, 'no new ledger rows');
      assert.equal(await count(w.db, 'select 1 from complaints'), complaints);
      assert.equal(await count(w.db, 'select 1 from messages'), messages);
    });

    test('polling where IDLE is not used, and reconnecting after the server went away', async () => {
      const r = reader({ idle: false, pollMs: 300 });
      await r.start();
      try {
        await until('a first pass', async () => r.passes >= 1);
        const start = (await ledger(w.db)).length;
        await append(await composeMail({ from: 'dan@example.com', subject: 'Polled' }));
        const rows = await until('the polled mail', () => settled(start + 1));
        assert.equal(rows.at(-1)!.status, 'complaint_created');
        const before = rows.length;

        await imap.logout().catch(() => {});
        await dovecot.stop();
        await until('the reader noticing', async () => r.lastError !== null, 10_000).catch((e) => {
          console.log(logs.join('\n'));
          throw e;
        });
        await dovecot.restart();
        imap = await openClient();
        await append(await composeMail({ from: 'eve@example.com', subject: 'After the outage' }));
        const after = await until('the mail after reconnecting', () => settled(before + 1));
        assert.equal(after.at(-1)!.status, 'complaint_created');
        assert.ok(
          logs.some((l) => /connecting again/.test(l)),
          logs.join('\n'),
        );
        assert.ok(
          logs.some((l) => /polling every/.test(l)),
          logs.join('\n'),
        );
      } finally {
        await r.stop();
      }
    });
  });
}

// `redress mailbox …`: add (IMAP and SMTP), list, disable, flagged, retake, and one-line errors.
// Run in-process on each engine (a spawned CLI on the embedded engine takes seconds per call);
// one spawned call checks the verb is wired into `redress`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { openMailboxPassword } from '../../src/app/mailboxes/mailbox-password.ts';
import { CliError } from '../../src/cli/cli-error.ts';
import { run } from '../../src/cli/commands/mailbox.ts';
import type { Services } from '../../src/composition.ts';
import { listMailboxes } from '../../src/db/repositories/mailboxes.ts';
import { ingestMail } from '../../src/mail/inbound/ingest-mail.ts';
import { engines } from '../helpers/db.ts';
import { testServices } from '../helpers/services.ts';
import { brokenMime } from './fixtures.ts';
import { mailWorld, type MailWorld } from './inbound-helpers.ts';

test('`redress mailbox` is a verb of the command (usage error, exit 2)', () => {
  const r = spawnSync(process.execPath, ['bin/redress.js', 'mailbox', 'frobnicate'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /usage: redress mailbox add --kind imap/);
});

for (const engine of engines()) {
  describe(`redress mailbox (${engine})`, () => {
    let w: MailWorld;
    let services: Services;
    let out: string[] = [];
    const mailbox = async (...args: string[]) => {
      out = [];
      await run(args, { services, print: (l) => out.push(l) });
      return out.join('\n');
    };
    const fails = async (args: string[], code: number, message: RegExp) => {
      await assert.rejects(mailbox(...args), (err: unknown) => {
        assert.ok(err instanceof CliError, String(err));
        assert.equal(err.exitCode, code);
        assert.match(err.message, message);
        return true;
      });
    };

    before(async () => {
      w = await mailWorld(engine, { name: 'seeded', address: 'seeded@redress.test' });
      services = testServices(w.db, w.deps.policies, { filesDir: w.files.root });
      process.env.TEST_MAILBOX_PASSWORD = 'secret-imap-password';
    });
    after(async () => {
      delete process.env.TEST_MAILBOX_PASSWORD;
      await w.close();
    });

    test('add an IMAP mailbox (password from the environment) and an SMTP listener, then list', async () => {
      assert.match(
        await mailbox(
          'add',
          '--kind',
          'imap',
          '--host',
          'imap.example.org',
          '--user',
          'complaints',
          '--password-env',
          'TEST_MAILBOX_PASSWORD',
          '--policy',
          'uk-comms-ombudsman',
          '--address',
          'Complaints@Example.org',
          '--name',
          'main',
          '--trust-authserv-id',
          'MX1.Example.org',
          '--trust-authserv-id',
          'mx2.example.org',
        ),
        /added imap mailbox "main" for complaints@example.org: complaints@imap.example.org:993\/INBOX/,
      );
      assert.match(
        await mailbox(
          'add',
          '--kind',
          'smtp',
          '--listen-port',
          '2525',
          '--policy',
          'uk-fca-disp',
          '--address',
          'complaints@bank.example',
        ),
        /listening on 127.0.0.1:2525/,
      );
      const stored = (await listMailboxes(w.db)).find((m) => m.name === 'main')!;
      // Sealed in the row, opened only where the connection is made.
      const row = (
        await w.db.query<Record<string, unknown>>('select * from mailboxes where id = $1', [
          stored.id,
        ])
      ).rows[0]!;
      assert.equal(row.password, null);
      assert.ok(!JSON.stringify(row).includes('secret-imap-password'), JSON.stringify(row));
      assert.match(String(row.password_sealed), /^v1\./);
      assert.equal(openMailboxPassword(stored), 'secret-imap-password');
      assert.equal(stored.secure, true);
      assert.deepEqual(stored.trustedAuthservIds, ['mx1.example.org', 'mx2.example.org']);
      const lines = (await mailbox('list')).split('\n');
      assert.equal(lines.length, 3);
      assert.match(lines[0]!, /^complaints@bank.example\tactive\tsmtp\tsmtp 127.0.0.1:2525\t/);
      assert.match(
        lines[1]!,
        /^main\tactive\timap\tcomplaints@imap.example.org:993\/INBOX\tcomplaints@example.org\tuk-comms-ombudsman\tno mail yet$/,
      );
      assert.doesNotMatch(out.join('\n'), /secret/);
      assert.match(await mailbox('disable', 'main'), /disabled mailbox "main"/);
      assert.match(await mailbox('list'), /main\tdisabled/);
      assert.equal(
        (await listMailboxes(w.db, { activeOnly: true })).some((m) => m.name === 'main'),
        false,
      );
    });

    test('an IMAP mailbox is given its password again (sealed); the audit trail never holds it', async () => {
      process.env.TEST_MAILBOX_PASSWORD_2 = 'the-new-imap-password';
      try {
        assert.match(
          await mailbox('password', 'main', '--password-env', 'TEST_MAILBOX_PASSWORD_2'),
          /stored the new password of mailbox "main" \(sealed\)/,
        );
        const stored = (await listMailboxes(w.db)).find((m) => m.name === 'main')!;
        assert.equal(openMailboxPassword(stored), 'the-new-imap-password');
        const events = await w.db.query<{ type: string; d: string }>(
          'select type, data::text as d from events',
        );
        assert.ok(events.rows.some((e) => e.type === 'mailbox_password_set'));
        assert.ok(events.rows.every((e) => !e.d.includes('the-new-imap-password')));
        await fails(
          ['password', 'complaints@bank.example', '--password-env', 'TEST_MAILBOX_PASSWORD_2'],
          1,
          /no IMAP mailbox "complaints@bank.example"/,
        );
        await fails(['password', 'main'], 2, /usage: redress mailbox/);
        await fails(['password', 'main', '--password-env', 'NOT_SET_ANYWHERE'], 1, /is not set/);
      } finally {
        delete process.env.TEST_MAILBOX_PASSWORD_2;
      }
    });

    test('flagged mail is listed, and can be taken again', async () => {
      assert.match(await mailbox('flagged'), /no flagged mail/);
      const o = await ingestMail(w.deps, w.mailbox, brokenMime(), { uid: 1, uidValidity: 1 });
      assert.equal(o.kind, 'handled');
      const listed = await mailbox('flagged');
      assert.match(
        listed,
        new RegExp(
          `^${o.id}\\t.*\\tseeded\\tcarl@example.com\\tBroken MIME\\t.*boundary never appears`,
        ),
      );
      assert.match(await mailbox('list'), /seeded\tactive.*1 flagged malformed/);
      // Still broken when taken again: flagged again, with its reasons.
      assert.match(
        await mailbox('retake', String(o.id)),
        /flagged_malformed \(.*boundary never appears/,
      );
      await fails(['retake', '999999'], 1, /no flagged or pending inbound mail 999999/);
    });

    test('one-line errors', async () => {
      await fails(
        [
          'add',
          '--kind',
          'imap',
          '--host',
          'h',
          '--user',
          'u',
          '--password-env',
          'NOT_SET_ANYWHERE',
          '--policy',
          'uk-comms-ombudsman',
          '--address',
          'a@b.example',
        ],
        1,
        /NOT_SET_ANYWHERE .* is not set/,
      );
      await fails(['add', '--kind', 'pop3'], 2, /--kind imap\|smtp is required/);
      await fails(
        ['add', '--kind', 'smtp', '--policy', 'uk-comms-ombudsman', '--address', 'a@b.example'],
        2,
        /needs --listen-port/,
      );
      await fails(
        [
          'add',
          '--kind',
          'smtp',
          '--listen-port',
          '99999',
          '--policy',
          'x',
          '--address',
          'a@b.example',
        ],
        2,
        /port number/,
      );
      await fails(
        [
          'add',
          '--kind',
          'smtp',
          '--listen-port',
          '2526',
          '--policy',
          'nope',
          '--address',
          'a@b.example',
        ],
        1,
        /no policy "nope"/,
      );
      await fails(
        [
          'add',
          '--kind',
          'smtp',
          '--listen-port',
          '2527',
          '--policy',
          'uk-comms-ombudsman',
          '--address',
          'not-an-address',
        ],
        2,
        /--address/,
      );
      await fails(
        [
          'add',
          '--kind',
          'smtp',
          '--listen-port',
          '2528',
          '--policy',
          'uk-comms-ombudsman',
          '--address',
          'x@y.example',
          '--name',
          'main',
        ],
        1,
        /a mailbox "main" exists already/,
      );
      await fails(['add', '--bogus'], 2, /Unknown option '--bogus'/);
      await fails(['enable', 'no-such-box'], 1, /no mailbox "no-such-box"/);
    });
  });
}

// Administrators see each mailbox, the mail kept but not taken, and can take one again.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ingestMail } from '../../src/mail/inbound/ingest-mail.ts';
import { startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { addTestMailbox, ingestDepsFor } from '../mail/inbound-helpers.ts';
import { recordErrors, undocumented } from '../helpers/documented-errors.ts';
import { DOVECOT_MISSING, dovecotBinary, freePort, startDovecot } from '../helpers/dovecot.ts';

const answered = recordErrors();

for (const engine of engines()) {
  describe(`GET /api/v1/mailboxes and flagged mail (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startApp(engine);
      const mailbox = await addTestMailbox(t.db);
      const deps = ingestDepsFor(t.db, t.policies, mkdtempSync(join(tmpdir(), 'redress-mbx-')));
      // No sender at all: kept raw and flagged, never a complaint.
      await ingestMail(deps, mailbox, Buffer.from('Subject: ???\r\n\r\nno sender here\r\n'));
    });
    after(() => t.close());

    test('the administrator sees the mailbox with what it took, and the flagged mail', async () => {
      const boxes = (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/mailboxes',
          headers: t.as('administrator'),
        })
      ).json();
      assert.equal(boxes.items[0].name, 'complaints');
      assert.equal(boxes.items[0].taken.flagged_malformed, 1);
      const flagged = (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/mailboxes/flagged',
          headers: t.as('administrator'),
        })
      ).json();
      assert.equal(flagged.items.length, 1);
      assert.match(flagged.items[0].error, /.+/);
      const again = await t.app.inject({
        method: 'POST',
        url: `/api/v1/mailboxes/flagged/${flagged.items[0].id}/retake`,
        headers: t.as('administrator'),
      });
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(
        again.json().status,
        'flagged_malformed',
        'still malformed: flagged again, nothing lost',
      );
    });

    test('a handler may not look; an unknown mail is a 404', async () => {
      assert.equal(
        (
          await t.app.inject({
            method: 'GET',
            url: '/api/v1/mailboxes/flagged',
            headers: t.as('handler'),
          })
        ).statusCode,
        403,
      );
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/mailboxes/flagged/999999/retake',
        headers: t.as('administrator'),
      });
      assert.equal(r.statusCode, 404);
      assert.equal(r.json().error.code, 'MAIL.NOT_FLAGGED');
    });

    test('the recent mails of a mailbox say what each became; an unknown mailbox is a 404', async () => {
      const boxes = (
        await t.app.inject({ url: '/api/v1/mailboxes', headers: t.as('auditor') })
      ).json();
      const r = await t.app.inject({
        url: `/api/v1/mailboxes/${boxes.items[0].id}/mails`,
        headers: t.as('auditor'),
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().items[0].status, 'flagged_malformed');
      assert.equal(r.json().items[0].reference, null);
      assert.match(r.json().items[0].error, /.+/);
      const none = await t.app.inject({
        url: '/api/v1/mailboxes/nope/mails',
        headers: t.as('auditor'),
      });
      assert.equal(none.statusCode, 404, none.body);
    });

    test('an administrator adds an SMTP mailbox; its settings are shown, a wrong one named by field', async () => {
      const listenPort = await freePort();
      const add = (payload: object, role: 'administrator' | 'auditor' = 'administrator') =>
        t.app.inject({ method: 'POST', url: '/api/v1/mailboxes', headers: t.as(role), payload });
      const r = await add({
        kind: 'smtp',
        listenPort,
        address: 'Listener@Example.test',
        policyId: 'uk-comms-ombudsman',
      });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().name, 'listener@example.test');
      assert.equal(r.json().listenPort, listenPort);
      assert.equal(r.json().hasPassword, false);
      assert.equal(
        (
          await add(
            { kind: 'smtp', listenPort, address: 'x@example.test', policyId: 'uk-comms-ombudsman' },
            'auditor',
          )
        ).statusCode,
        403,
      );
      const again = await add({
        kind: 'smtp',
        listenPort,
        address: 'listener@example.test',
        policyId: 'uk-comms-ombudsman',
      });
      assert.equal(again.statusCode, 409, again.body);
      const policy = await add({
        kind: 'smtp',
        listenPort,
        address: 'y@example.test',
        policyId: 'nope',
      });
      assert.equal(policy.json().error.code, 'MAILBOX.UNKNOWN_POLICY');
      const bad = await add({
        kind: 'imap',
        address: 'z@example.test',
        policyId: 'uk-comms-ombudsman',
      });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(bad.json().error.code, 'INPUT.INVALID');
      // Nothing listens yet (the worker starts the listener): said in one word.
      const test = await t.app.inject({
        method: 'POST',
        url: `/api/v1/mailboxes/${r.json().id}/test`,
        headers: t.as('administrator'),
      });
      assert.equal(test.statusCode, 200, test.body);
      assert.equal(test.json().ok, false);
      assert.equal(test.json().outcome, 'not_listening');
    });

    test('an IMAP mailbox whose stored password this server cannot open: its test is a 409, said in words', async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/mailboxes',
        headers: t.as('administrator'),
        payload: {
          kind: 'imap',
          host: '127.0.0.1',
          port: await freePort(),
          secure: false,
          username: 'complaints',
          password: 'sealed-in-the-row',
          address: 'sealed@example.test',
          policyId: 'uk-comms-ombudsman',
        },
      });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().hasPassword, true);
      assert.equal('password' in r.json(), false);
      const row = (await t.db.query('select * from mailboxes where id = $1', [r.json().id]))
        .rows[0]!;
      assert.ok(!JSON.stringify(row).includes('sealed-in-the-row'), JSON.stringify(row));
      // The row altered behind Redress's back (as a changed secret would leave it unreadable too).
      await t.db.query(`update mailboxes set username = 'someone-else' where id = $1`, [
        r.json().id,
      ]);
      const test = await t.app.inject({
        method: 'POST',
        url: `/api/v1/mailboxes/${r.json().id}/test`,
        headers: t.as('administrator'),
      });
      assert.equal(test.statusCode, 409, test.body);
      assert.equal(test.json().error.code, 'MAILBOX.CREDENTIALS_UNREADABLE');
      assert.match(test.json().error.message, /cannot be opened/);
      const list = await t.app.inject({ url: '/api/v1/mailboxes', headers: t.as('administrator') });
      assert.equal(list.statusCode, 200);
      assert.ok(!list.body.includes('sealed-in-the-row'));
    });

    test('every error answered above is listed for its operation and status in the document', async () => {
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.deepEqual(undocumented(doc, answered), []);
    });
  });
}

describe(
  'testing an IMAP mailbox against a real server (dovecot)',
  {
    skip: dovecotBinary() ? false : DOVECOT_MISSING,
  },
  () => {
    let t: TestApp;
    let dovecot: Awaited<ReturnType<typeof startDovecot>>;
    before(async () => {
      [t, dovecot] = await Promise.all([startApp('pglite'), startDovecot()]);
    });
    after(async () => {
      await t?.close();
      await dovecot?.destroy();
    });
    const settings = () => ({
      kind: 'imap',
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      username: dovecot.user,
      password: dovecot.password,
    });
    const tryIt = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/mailboxes/test',
        headers: t.as('administrator'),
        payload,
      });

    test('right settings connect and open the folder; a wrong password, folder, port or TLS is named', async () => {
      const ok = await tryIt(settings());
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().ok, true, ok.body);
      assert.equal(ok.json().outcome, 'ok');
      assert.equal(typeof ok.json().messages, 'number');
      const wrong = await tryIt({ ...settings(), password: 'not-it' });
      assert.equal(wrong.json().outcome, 'auth_failed', wrong.body);
      const folder = await tryIt({ ...settings(), folder: 'Nowhere' });
      assert.equal(folder.json().outcome, 'no_folder', folder.body);
      const closed = await tryIt({ ...settings(), port: await freePort() });
      assert.equal(closed.json().outcome, 'refused', closed.body);
      const tls = await tryIt({ ...settings(), secure: true });
      assert.equal(tls.json().outcome, 'tls', tls.body);
    });

    test('added with its password, it is tested with the stored one, which the API never returns', async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/mailboxes',
        headers: t.as('administrator'),
        payload: { ...settings(), address: 'imap@example.test', policyId: 'uk-comms-ombudsman' },
      });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().hasPassword, true);
      assert.ok(!r.body.includes(dovecot.password), r.body);
      const list = await t.app.inject({ url: '/api/v1/mailboxes', headers: t.as('administrator') });
      assert.ok(!list.body.includes(dovecot.password), list.body);
      const row = (await t.db.query('select * from mailboxes where id = $1', [r.json().id]))
        .rows[0]!;
      assert.ok(!JSON.stringify(row).includes(dovecot.password), 'sealed in the row');
      const audit = await t.app.inject({
        url: '/api/v1/audit/events?complaint=system',
        headers: t.as('auditor'),
      });
      assert.ok(!audit.body.includes(dovecot.password));
      const test = await t.app.inject({
        method: 'POST',
        url: `/api/v1/mailboxes/${r.json().id}/test`,
        headers: t.as('administrator'),
      });
      assert.equal(test.json().outcome, 'ok', test.body);
    });
  },
);

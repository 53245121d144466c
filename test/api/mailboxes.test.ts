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

    test('every error answered above is listed for its operation and status in the document', async () => {
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.deepEqual(undocumented(doc, answered), []);
    });
  });
}

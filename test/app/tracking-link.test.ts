// A tracking link Redress can give again (issue 8): the token is kept sealed under the server's
// key, so `{{tracking_url}}` works in every template, for complaints staff logged too (their
// letters carry it); a complaint registered before tokens were kept says it has no link and
// nothing breaks; anonymisation removes the recoverable token.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sweepRetention } from '../../src/app/privacy/sweep-retention.ts';
import { sealTrackingToken, unsealTrackingToken } from '../../src/app/sealed.ts';
import { renderCommunication } from '../../src/domain/communications/render-communication.ts';
import { sampleContext } from '../../src/domain/communications/sample.ts';
import { buildPolicy } from '../factories/policy.ts';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';

const NOW = new Date('2026-04-20T10:00:00Z');

describe('{{tracking_url}}', () => {
  test('renders in any template, as text and as a link in HTML', () => {
    const ctx = sampleContext(buildPolicy(), 'en', 'acknowledgement', NOW);
    ctx.complaint.trackingUrl = 'https://c.example.test/track/RD-2026-000123?token=abc_-1';
    const r = renderCommunication({
      template: { subject: 'Follow {{reference}}', body: 'Follow it: [here]({{tracking_url}})' },
      ctx,
    });
    assert.equal(r.text, 'Follow it: here (c.example.test/track/RD-2026-000123?token=abc_-1)');
    assert.match(
      r.html,
      /<a href="https:\/\/c\.example\.test\/track\/RD-2026-000123\?token=abc_-1">here<\/a>/,
    );
  });

  test('a token sealed under another key is not opened (no link, never a guess)', () => {
    const sealed = sealTrackingToken('secret-token');
    assert.equal(unsealTrackingToken(sealed), 'secret-token');
    assert.ok(!sealed.includes('secret-token'));
    assert.equal(unsealTrackingToken(`${sealed.slice(0, -2)}xx`), null);
    assert.equal(unsealTrackingToken('not sealed'), null);
  });
});

for (const engine of engines()) {
  describe(`tracking links given again (${engine})`, () => {
    let t: TestApp;
    const staff = async (ref: string, action: string, payload: object = {}) => {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${ref}/actions/${action}`,
        headers: t.as('manager'),
        payload,
      });
      assert.equal(r.statusCode, 200, `${action}: ${r.body}`);
    };
    const register = async (overrides: Record<string, unknown>) => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody({ receivedAt: NOW.toISOString(), ...overrides }),
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json() as { reference: string; trackingToken: string; trackingUrl: string };
    };
    const outgoing = async (ref: string, kind: string) =>
      (
        await t.db.query<{ id: number; channel: string; body_text: string }>(
          `select m.id, m.channel, m.body_text from messages m join complaints c on c.id = m.complaint_id
           where c.reference = $1 and m.kind = $2 order by m.id`,
          [ref, kind],
        )
      ).rows;

    before(async () => {
      t = await startApp(engine, {
        now: NOW,
        env: { REDRESS_PUBLIC_URL: 'https://c.example.test' },
      });
    });
    after(() => t.close());

    test('the sealed token is stored, never the token itself', async () => {
      const c = await register({});
      const row = await t.db.query<{ tracking_token_sealed: string; tracking_token_hash: string }>(
        'select tracking_token_sealed, tracking_token_hash from complaints where reference = $1',
        [c.reference],
      );
      const sealed = row.rows[0]!.tracking_token_sealed;
      assert.ok(sealed.startsWith('v1.'));
      assert.ok(!sealed.includes(c.trackingToken));
      assert.equal(unsealTrackingToken(sealed), c.trackingToken);
    });

    test('a handler can read the link out again; an auditor cannot see it', async () => {
      const c = await register({
        channel: 'phone',
        customer: { name: 'Lost Link', phone: '+44 20 7946 0001' },
      });
      const seen = async (role: 'handler' | 'auditor') =>
        t.app.inject({
          url: `/api/v1/complaints/${c.reference}/tracking-link`,
          headers: t.as(role),
        });
      assert.equal((await seen('handler')).json().trackingUrl, c.trackingUrl);
      assert.equal((await seen('auditor')).statusCode, 403);
    });

    test('a postal complaint logged by staff: its acknowledgement letter carries the link, and the PDF shows it', async () => {
      const c = await register({
        channel: 'post',
        customer: { name: 'Pat Post', address: ['1 High Street', 'Bath', 'BA1 1AA'] },
      });
      await staff(c.reference, 'acknowledge');
      const [letter] = await outgoing(c.reference, 'acknowledgement');
      assert.equal(letter?.channel, 'letter');
      assert.ok(letter!.body_text.includes(c.trackingUrl), letter!.body_text);
      assert.equal(
        c.trackingUrl,
        `https://c.example.test/track/${c.reference}?token=${c.trackingToken}`,
      );
      const pdf = await t.app.inject({
        url: `/api/v1/public/complaints/${c.reference}/letters/${letter!.id}/pdf?token=${c.trackingToken}`,
      });
      assert.equal(pdf.statusCode, 200, pdf.body);
      const dir = mkdtempSync(join(tmpdir(), 'redress-letter-'));
      writeFileSync(join(dir, 'l.pdf'), pdf.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'l.pdf'), '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, '');
      assert.ok(text.includes(c.trackingUrl), text);
    });

    test('a phone complaint logged by staff gets the link in what it is sent (the token is not dropped)', async () => {
      const c = await register({
        channel: 'phone',
        customer: { name: 'Phil Phone', email: 'phil@example.com', phone: '+44 20 7946 0000' },
      });
      await staff(c.reference, 'acknowledge');
      const [ack] = await outgoing(c.reference, 'acknowledgement');
      assert.ok(ack!.body_text.includes(c.trackingUrl), ack!.body_text);
    });

    test('a complaint registered before tokens were kept: no link, and nothing breaks', async () => {
      const c = await register({ customer: { name: 'Old Timer', email: 'old@example.com' } });
      await t.db.query('update complaints set tracking_token_sealed = null where reference = $1', [
        c.reference,
      ]);
      await staff(c.reference, 'acknowledge');
      const [ack] = await outgoing(c.reference, 'acknowledgement');
      assert.ok(ack, 'the acknowledgement was still sent');
      assert.ok(!ack.body_text.includes('/track/'), ack.body_text);
      // The link given at intake still works: the hash still verifies it.
      const view = await t.app.inject({
        url: `/api/v1/public/complaints/${c.reference}?token=${c.trackingToken}`,
      });
      assert.equal(view.statusCode, 200, view.body);
    });

    test('anonymisation removes the recoverable token', async () => {
      const c = await register({ customer: { name: 'Gone Soon', email: 'gone@example.com' } });
      await staff(c.reference, 'withdraw', { reason: 'No longer needed' });
      await staff(c.reference, 'close', { rootCause: 'network' });
      const later = new Date('2040-01-01T00:00:00Z');
      const done = await sweepRetention({ ...t.services, now: () => later });
      assert.ok(done.anonymised >= 1, JSON.stringify(done));
      const row = await t.db.query<{ tracking_token_sealed: string | null; anonymised_at: Date }>(
        'select tracking_token_sealed, anonymised_at from complaints where reference = $1',
        [c.reference],
      );
      assert.ok(row.rows[0]!.anonymised_at);
      assert.equal(row.rows[0]!.tracking_token_sealed, null);
      const view = await t.app.inject({
        url: `/api/v1/public/complaints/${c.reference}?token=${c.trackingToken}`,
      });
      assert.equal(view.statusCode, 404, view.body);
    });
  });
}

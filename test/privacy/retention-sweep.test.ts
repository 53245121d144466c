// The retention sweep on a fake clock: a closed complaint is anonymised exactly when its policy's
// period ends, not a second before; legal holds keep records until released; what reports count
// does not change; the audit chain still verifies; files are deleted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import { placeLegalHold } from '../../src/app/privacy/place-legal-hold.ts';
import { previewRetention } from '../../src/app/privacy/preview-retention.ts';
import { releaseLegalHoldById } from '../../src/app/privacy/release-legal-hold.ts';
import { sweepRetentionUntilDone } from '../../src/app/privacy/sweep-retention.ts';
import { factsDisagreements } from '../../src/db/queries/reports/facts-check.ts';
import { startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import {
  closedComplaint,
  openComplaint,
  reportFigures,
  upload,
  type Registered,
} from './support.ts';

const ADMIN = { id: 'admin-test', role: 'administrator' as const };

for (const engine of engines()) {
  describe(`the retention sweep (${engine})`, () => {
    let t: TestApp;
    let annFirst: Registered; // closed 2026-03-02 12:00Z: uk-comms keeps it two years from closing
    let annHeld: Registered; // the same customer, same dates, under a legal hold
    let bob: Registered; // closed later
    let stillOpen: Registered;
    let fileHash: string;
    const sweepAt = (at: string) => {
      t.setNow(new Date(at));
      return sweepRetentionUntilDone({ ...t.services, now: () => new Date(at) });
    };

    before(async () => {
      t = await startApp(engine, { now: new Date('2026-03-02T10:00:00Z') });
      annFirst = await closedComplaint(t, '2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z', {
        viaWebForm: true,
        customer: { name: 'Ann Customer', email: 'ann@example.com', phone: '01225 000000' },
      });
      fileHash = (await upload(t, annFirst.reference, 'bill.txt', Buffer.from('Ann, account 991')))
        .sha256;
      annHeld = await closedComplaint(t, '2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z');
      bob = await closedComplaint(t, '2026-05-01T09:00:00Z', '2026-06-01T09:00:00Z', {
        customer: { name: 'Bob Other', email: 'bob@example.com' },
      });
      stillOpen = await openComplaint(t, '2026-03-02T10:00:00Z', {
        customer: { name: 'Cat Open', email: 'cat@example.com' },
      });
      await placeLegalHold(t.services, ADMIN, {
        reference: annHeld.reference,
        reason: 'Litigation: claim 2027-001 pending',
      });
    });
    after(() => t.close());

    test('the preview says how many will be anonymised on which day, holds left out', async () => {
      t.setNow(new Date('2028-01-01T00:00:00Z'));
      const p = await previewRetention(t.services, ADMIN, { days: 366, timezone: 'Europe/London' });
      assert.equal(p.dueNow, 0);
      assert.deepEqual(p.days, [
        { date: '2028-03-02', count: 1 },
        { date: '2028-06-01', count: 1 },
      ]);
      assert.equal(p.held, 1);
      // Per policy, in the policy's own time zone: the same two days.
      assert.deepEqual(
        p.policies.map((x) => [x.policy, x.timezone, x.dueNow, x.days]),
        [['uk-comms-ombudsman', 'Europe/London', 0, p.days]],
      );
    });

    test('nothing is anonymised a second before the period ends', async () => {
      const r = await sweepAt('2028-03-02T11:59:59.999Z');
      assert.equal(r.anonymised, 0);
      const c = await t.db.query(
        'select anonymised_at from complaints where anonymised_at is not null',
      );
      assert.equal(c.rowCount, 0);
    });

    test('at the instant it ends the complaint is anonymised, reports unchanged, the chain verifying', async () => {
      const before = await reportFigures(t);
      const r = await sweepAt('2028-03-02T12:00:00Z');
      assert.equal(r.anonymised, 1);
      const row = (
        await t.db.query<Record<string, unknown>>('select * from complaints where reference = $1', [
          annFirst.reference,
        ])
      ).rows[0]!;
      assert.equal(row.subject, '[anonymised]');
      assert.equal(row.description, '');
      assert.equal(row.remedy_sought, null);
      assert.deepEqual(row.anonymised_at, new Date('2028-03-02T12:00:00Z'));
      // What reports read is still there.
      assert.equal(row.channel, 'web');
      assert.equal(row.outcome, 'withdrawn');
      assert.equal(row.root_cause, 'equipment_fault');
      assert.deepEqual(await reportFigures(t), before);
      assert.deepEqual(await factsDisagreements(t.db), []);

      const messages = await t.db.query<{ body_text: string; to_address: string | null }>(
        'select m.body_text, m.to_address from messages m join complaints c on c.id = m.complaint_id where c.reference = $1',
        [annFirst.reference],
      );
      assert.ok(messages.rowCount > 0);
      for (const m of messages.rows) {
        assert.equal(m.body_text, '[anonymised]');
        assert.equal(m.to_address, null);
      }
      const attachments = await t.db.query<{ filename: string; removed_at: Date | null }>(
        'select filename, removed_at from attachments where sha256 = $1',
        [fileHash],
      );
      assert.equal(attachments.rows[0]!.filename, 'removed');
      assert.equal(await t.services.files.get(fileHash), null, 'the file is deleted');

      // Every event still in the clear holds no text: the registration and the resolution are
      // erased, their digests kept.
      const events = await t.db.query<{
        type: string;
        data: Record<string, unknown>;
        redacted_at: Date | null;
      }>('select type, data, redacted_at from events where stream = $1 order by stream_seq', [
        annFirst.reference,
      ]);
      const received = events.rows.find((e) => e.type === 'received')!;
      assert.deepEqual(received.data, { redacted: true });
      assert.doesNotMatch(JSON.stringify(events.rows), /Ann|ann@example|01225|Sorted out/);
      const anonymised = events.rows.at(-1)!;
      assert.equal(anonymised.type, 'anonymised');
      assert.equal(anonymised.data.reason, 'retention_ended');
      assert.match(String(anonymised.data.retention), /^2 years from closed/);

      const chain = await verifyAudit(t.services, ADMIN);
      assert.equal(chain.broken, null);

      // The tracking link no longer opens it.
      assert.ok(annFirst.trackingToken);
      const tracked = await t.app.inject({
        url: `/api/v1/public/complaints/${annFirst.reference}?token=${annFirst.trackingToken}`,
      });
      assert.equal(tracked.statusCode, 404);
    });

    test('a customer with another live complaint keeps their details until that one goes too', async () => {
      const c = await t.db.query<{ name: string; email: string | null }>(
        'select name, email from customers where id = $1',
        [annFirst.customerId],
      );
      assert.equal(annHeld.customerId, annFirst.customerId);
      assert.deepEqual(c.rows[0], { name: 'Ann Customer', email: 'ann@example.com' });
    });

    test('a held complaint is kept past its end, and anonymised once the hold is released', async () => {
      const held = await t.db.query<{ subject: string }>(
        'select subject from complaints where reference = $1',
        [annHeld.reference],
      );
      assert.notEqual(held.rows[0]!.subject, '[anonymised]');
      const [hold] = (await t.db.query<{ id: string }>('select id from legal_holds')).rows;
      t.setNow(new Date('2028-04-01T09:00:00Z'));
      await releaseLegalHoldById(t.services, ADMIN, { id: hold!.id, reason: 'Claim settled' });
      const r = await sweepAt('2028-04-01T09:00:00Z');
      assert.equal(r.anonymised, 1);
      assert.equal(r.customers, 1, 'Ann has no live complaint left');
      const customer = await t.db.query<{
        name: string;
        email: string | null;
        phone: string | null;
      }>('select name, email, phone from customers where id = $1', [annFirst.customerId]);
      assert.deepEqual(customer.rows[0], { name: '[anonymised]', email: null, phone: null });
      assert.equal((await verifyAudit(t.services, ADMIN)).broken, null);
    });

    test('an open complaint is never anonymised, and a later one waits for its own end', async () => {
      const r = await sweepAt('2028-05-31T23:59:59Z');
      assert.equal(r.anonymised, 0);
      assert.equal((await sweepAt('2028-06-01T09:00:00Z')).anonymised, 1);
      const open = await t.db.query<{ anonymised_at: Date | null }>(
        'select anonymised_at from complaints where reference = $1',
        [stillOpen.reference],
      );
      assert.equal(open.rows[0]!.anonymised_at, null);
      assert.ok(bob.reference);
    });
  });
}

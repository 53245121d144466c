// A customer's data export (one ZIP, checked file by file with unzip) and erasure: refused with
// the reason and the date the duty ends while the retention period runs, done after it, the
// audit chain still verifying.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import { startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { act, openComplaint, upload, type Registered } from './support.ts';

const HAS_UNZIP = !spawnSync('unzip', ['-v']).error;

function unzip(zip: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'redress-export-'));
  const file = join(dir, 'export.zip');
  writeFileSync(file, zip);
  const run = (...args: string[]) => spawnSync('unzip', args, { maxBuffer: 64 << 20 });
  return {
    names: () => run('-Z1', file).stdout.toString('utf8').trim().split('\n'),
    test: () => run('-tq', file),
    read: (name: string) => run('-p', file, name).stdout as Buffer,
  };
}

const BILL = Buffer.from('Account 4411: billed twice in February\n');
const PHOTO = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d4948445200000001000000010806000000', 'hex'),
  Buffer.from([0x1f, 0x15, 0xc4, 0x89, 0x00, 0xff, 0x10]),
]);

for (const engine of engines()) {
  describe(
    `a customer's data: export and erasure (${engine})`,
    { skip: !HAS_UNZIP && 'unzip is not installed' },
    () => {
      let t: TestApp;
      let dana: Registered;
      let files: { id: number; sha256: string }[];
      const admin = () => t.as('administrator');

      before(async () => {
        t = await startApp(engine, { now: new Date('2026-03-02T10:00:00Z') });
        dana = await openComplaint(t, '2026-03-02T10:00:00Z', {
          viaWebForm: true,
          customer: {
            name: 'Dana Example',
            email: 'dana@example.com',
            address: ['2 Low Road', 'Bath', 'BA2 2BB'],
          },
          subject: 'Charged twice for February',
          description: 'My card was charged twice.',
        });
        await act(t, dana.reference, 'acknowledge', {}, '2026-03-02T11:00:00Z');
        t.setNow(new Date('2026-03-03T09:00:00Z'));
        const reply = await t.app.inject({
          method: 'POST',
          url: `/api/v1/public/complaints/${dana.reference}/reply?token=${dana.trackingToken}`,
          payload: { message: 'Here is my statement, Dana' },
        });
        assert.equal(reply.statusCode, 200, reply.body);
        await act(
          t,
          dana.reference,
          'request-procedure-copy',
          { method: 'post' },
          '2026-03-03T09:30:00Z',
        );
        files = [
          await upload(t, dana.reference, 'statement.txt', BILL),
          await upload(t, dana.reference, 'photo.png', PHOTO, 'image/png'),
        ];
        await act(
          t,
          dana.reference,
          'withdraw',
          { reason: 'Refund arrived' },
          '2026-03-05T09:00:00Z',
        );
        await act(
          t,
          dana.reference,
          'close',
          { rootCause: 'billing_error' },
          '2026-03-06T09:00:00Z',
        );
      });
      after(() => t.close());

      test('the export is one ZIP holding every record, file by file, with an index in English', async () => {
        t.setNow(new Date('2026-04-01T09:00:00Z'));
        const r = await t.app.inject({
          url: `/api/v1/customers/${dana.customerId}/export`,
          headers: admin(),
        });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.headers['content-type'], 'application/zip');
        const zip = unzip(r.rawPayload);
        assert.equal(zip.test().status, 0, 'unzip finds every CRC right');
        const names = zip.names();
        const dir = `complaints/${dana.reference}`;
        for (const n of [
          'index.html',
          'customer.json',
          `${dir}/complaint.json`,
          `${dir}/events.json`,
        ])
          assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);

        const customer = JSON.parse(zip.read('customer.json').toString('utf8'));
        assert.equal(customer.name, 'Dana Example');
        assert.deepEqual(customer.address, ['2 Low Road', 'Bath', 'BA2 2BB']);
        const complaint = JSON.parse(zip.read(`${dir}/complaint.json`).toString('utf8'));
        assert.equal(complaint.subject, 'Charged twice for February');
        assert.equal(complaint.status, 'closed');

        const messages = names.filter(
          (n) => n.startsWith(`${dir}/messages/`) && n.endsWith('.txt'),
        );
        const texts = messages.map((n) => zip.read(n).toString('utf8'));
        assert.ok(
          messages.some((n) => /-out-email\.txt$/.test(n)),
          'the acknowledgement as sent',
        );
        assert.ok(
          texts.some((x) => x.includes('To: dana@example.com')),
          'with its address',
        );
        assert.ok(
          texts.some((x) => x.includes('Here is my statement, Dana')),
          'the reply as received',
        );

        const letters = names.filter((n) => n.startsWith(`${dir}/letters/`));
        assert.equal(letters.length, 1, 'the procedure copy posted');
        assert.equal(zip.read(letters[0]!).subarray(0, 5).toString(), '%PDF-');

        const attached = names.filter((n) => n.startsWith(`${dir}/attachments/`));
        assert.deepEqual(attached, [
          `${dir}/attachments/${files[0]!.id}-statement.txt`,
          `${dir}/attachments/${files[1]!.id}-photo.png`,
        ]);
        assert.deepEqual(zip.read(attached[0]!), BILL);
        assert.deepEqual(zip.read(attached[1]!), PHOTO);

        const events = JSON.parse(zip.read(`${dir}/events.json`).toString('utf8')) as {
          type: string;
        }[];
        assert.deepEqual(
          ['received', 'acknowledged', 'customer_replied', 'withdrawn', 'closed'].filter(
            (type) => !events.some((e) => e.type === type),
          ),
          [],
        );

        const index = zip.read('index.html').toString('utf8');
        assert.match(index, /<html lang="en">/);
        assert.match(index, /Your personal data/);
        assert.ok(index.includes(dana.reference));
        for (const n of names.filter((x) => x !== 'index.html'))
          assert.ok(index.includes(`href="${n}"`), n);
      });

      test("a Vietnamese customer's index is in Vietnamese", async () => {
        const vi = await openComplaint(t, '2026-04-01T09:00:00Z', {
          policy: 'vn-datacentre',
          customer: { name: 'Nguyễn Thị Lan', email: 'lan@example.vn', language: 'vi' },
          subject: 'Mất kết nối',
          description: 'Máy chủ mất kết nối từ sáng.',
        });
        const r = await t.app.inject({
          url: `/api/v1/customers/${vi.customerId}/export`,
          headers: admin(),
        });
        assert.equal(r.statusCode, 200, r.body);
        const index = unzip(r.rawPayload).read('index.html').toString('utf8');
        assert.match(index, /<html lang="vi">/);
        assert.match(index, /Dữ liệu cá nhân của Quý khách/);
        assert.match(index, /Nguyễn Thị Lan/);
      });

      test('erasure is refused while the retention period runs, with its reason and end date', async () => {
        t.setNow(new Date('2027-01-01T09:00:00Z'));
        const r = await t.app.inject({
          method: 'POST',
          url: `/api/v1/customers/${dana.customerId}/erase`,
          headers: admin(),
          payload: { reason: 'Customer asked by email' },
        });
        assert.equal(r.statusCode, 409, r.body);
        const error = r.json().error;
        assert.equal(error.code, 'ERASURE.REFUSED');
        // uk-comms-ombudsman keeps records two years from closing (2026-03-06 09:00 GMT).
        assert.equal(error.details.duty, 'retention');
        assert.equal(error.details.until, '2028-03-06T09:00:00.000Z');
        assert.equal(error.details.restrictionOffered, true);
        assert.deepEqual(error.details.complaints, [dana.reference]);
        const still = await t.db.query<{ name: string }>(
          'select name from customers where id = $1',
          [dana.customerId],
        );
        assert.equal(still.rows[0]!.name, 'Dana Example');

        const restricted = await t.app.inject({
          method: 'POST',
          url: `/api/v1/customers/${dana.customerId}/restrict`,
          headers: admin(),
          payload: { reason: 'Offered instead of erasure' },
        });
        assert.equal(restricted.statusCode, 200, restricted.body);
      });

      test('after the duty ends erasure removes the personal data everywhere and the chain verifies', async () => {
        t.setNow(new Date('2028-03-06T09:00:00Z'));
        const r = await t.app.inject({
          method: 'POST',
          url: `/api/v1/customers/${dana.customerId}/erase`,
          headers: admin(),
          payload: { reason: 'Customer asked again' },
        });
        assert.equal(r.statusCode, 200, r.body);
        assert.deepEqual(r.json().complaints, [dana.reference]);
        const customer = await t.db.query(
          'select name, email, phone, address from customers where id = $1',
          [dana.customerId],
        );
        assert.deepEqual(customer.rows[0], {
          name: '[anonymised]',
          email: null,
          phone: null,
          address: [],
        });
        for (const f of files) assert.equal(await t.services.files.get(f.sha256), null);
        const left = await t.db.query<{ data: unknown; reason: string | null }>(
          'select data, reason from events where complaint_id = (select id from complaints where reference = $1)',
          [dana.reference],
        );
        assert.doesNotMatch(
          JSON.stringify(left.rows),
          /Dana|dana@|Low Road|statement|Charged twice/,
        );
        const msgs = await t.db.query<{ body_text: string }>(
          'select body_text from messages where complaint_id = (select id from complaints where reference = $1)',
          [dana.reference],
        );
        assert.ok(msgs.rows.every((m) => m.body_text === '[anonymised]'));
        assert.equal((await verifyAudit(t.services, { id: 'x', role: 'auditor' })).broken, null);

        // The export now holds what is left: no personal data.
        const after = await t.app.inject({
          url: `/api/v1/customers/${dana.customerId}/export`,
          headers: admin(),
        });
        assert.equal(after.statusCode, 200);
        assert.doesNotMatch(after.rawPayload.toString('latin1'), /Dana Example|dana@example\.com/);
      });
    },
  );
}

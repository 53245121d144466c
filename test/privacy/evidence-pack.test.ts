// The evidence pack of a complaint, read back with pdftotext: its timeline with actors, each clock
// with its due instant and whether it was met or breached and when, every message as sent with
// proof of dispatch, the policy version and its text, and the audit chain verified — in English
// and in Vietnamese.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runDueActions, SCHEDULER } from '../../src/app/scheduler/run-due-actions.ts';
import { startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { act, openComplaint, type Registered } from './support.ts';

const HAS_PDFTOTEXT = !spawnSync('pdftotext', ['-v']).error;
const dir = mkdtempSync(join(tmpdir(), 'redress-evidence-'));

function pdfText(pdf: Buffer, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.replace(/\s+/g, ' ');
}

for (const engine of engines()) {
  describe(
    `the evidence pack (${engine})`,
    { skip: !HAS_PDFTOTEXT && 'pdftotext is not installed' },
    () => {
      let t: TestApp;
      let c: Registered;
      before(async () => {
        t = await startApp(engine, { now: new Date('2026-03-02T10:00:00Z') });
        c = await openComplaint(t, '2026-03-02T10:00:00Z', {
          customer: { name: 'Erin Evidence', email: 'erin@example.com' },
          subject: 'Broadband down for a week',
        });
        // Acknowledged in time (24 working hours), then left so the resolution target is breached.
        await act(t, c.reference, 'acknowledge', {}, '2026-03-02T15:00:00Z');
        await act(t, c.reference, 'start-investigation', {}, '2026-03-02T15:05:00Z');
        t.setNow(new Date('2026-04-10T09:00:00Z'));
        while ((await runDueActions({ ...t.services, workerId: 'test' }, SCHEDULER)) > 0);
      });
      after(() => t.close());

      test('in English: timeline with actors, clocks met and breached with when, messages, policy text, chain verified', async () => {
        const r = await t.app.inject({
          url: `/api/v1/complaints/${c.reference}/evidence.pdf`,
          headers: t.as('auditor'),
        });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.headers['content-type'], 'application/pdf');
        const text = pdfText(r.rawPayload, 'en.pdf');
        writeFileSync(join(dir, 'en.txt'), text);
        assert.match(text, new RegExp(`Evidence pack — ${c.reference}`));
        assert.match(text, /Customer: Erin Evidence/);
        assert.match(text, /received — handler \(handler\)/);
        assert.match(text, /acknowledged — handler \(handler\)/);
        assert.match(text, /system:scheduler \(system\)/, 'the sweep is an actor too');
        assert.match(text, /met — met at 2 Mar 2026, 15:00/);
        assert.match(text, /breached — breached at/);
        assert.match(text, /Messages and letters as sent/);
        assert.match(text, /To: erin@example\.com/);
        assert.match(text, /Message-ID: </);
        assert.match(text, /The policy in force: uk-comms-ombudsman, version 1/);
        assert.match(text, /Verified: \d+ events, every link and digest intact\./);
      });

      test('in Vietnamese, with its diacritics intact', async () => {
        const r = await t.app.inject({
          url: `/api/v1/complaints/${c.reference}/evidence.pdf?lang=vi`,
          headers: t.as('manager'),
        });
        assert.equal(r.statusCode, 200, r.body);
        const text = pdfText(r.rawPayload, 'vi.pdf');
        assert.match(text, /Hồ sơ chứng cứ/);
        assert.match(text, /Khách hàng: Erin Evidence/);
        assert.match(text, /đúng hạn — hoàn thành lúc/);
        assert.match(text, /quá hạn — quá hạn lúc/);
        assert.match(text, /Đã xác minh: \d+ sự kiện/);
      });

      test('a handler may not take it, and an unknown complaint is 404', async () => {
        const handler = await t.app.inject({
          url: `/api/v1/complaints/${c.reference}/evidence.pdf`,
          headers: t.as('handler'),
        });
        assert.equal(handler.statusCode, 403);
        const missing = await t.app.inject({
          url: '/api/v1/complaints/RD-2026-999999/evidence.pdf',
          headers: t.as('auditor'),
        });
        assert.equal(missing.statusCode, 404);
        assert.equal(missing.json().error.code, 'COMPLAINT.NOT_FOUND');
      });
    },
  );
}

// The automatic receipt (issue 8, "Promises to the customer"): a complaint taken by web form,
// email, API or post with an email address gets at once an email with its reference and a
// tracking link that works; a phone complaint (so a first-contact resolution) and a policy that
// says none get none; the acknowledge clock runs on; one receipt only, whatever is retried.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { dispatchOnce } from '../../src/app/communications/dispatch-outbox.ts';
import { runDueActions, SCHEDULER } from '../../src/app/scheduler/run-due-actions.ts';
import { smtpSender } from '../../src/mail/outbound/smtp-sender.ts';
import { MINIMAL_POLICY_INPUT } from '../factories/policy.ts';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { startInbox, type SmtpInbox } from '../helpers/smtp-inbox.ts';

for (const engine of engines()) {
  describe(`the automatic receipt (${engine})`, () => {
    let t: TestApp;
    let inbox: SmtpInbox;
    let sender: ReturnType<typeof smtpSender>;
    const now = new Date('2026-03-10T10:00:00Z');
    const sweep = async (workerId = 'test') => {
      let total = 0;
      for (;;) {
        const n = await runDueActions({ ...t.services, now: () => now, workerId }, SCHEDULER);
        if (n === 0) return total;
        total += n;
      }
    };
    const dispatch = () =>
      dispatchOnce({ db: t.db, sender, now: () => now, from: 'Complaints <c@example.test>' });
    const receipts = async (ref: string) =>
      (
        await t.db.query<{ status: string; to_address: string; body_text: string }>(
          `select m.status, m.to_address, m.body_text from messages m
           join complaints c on c.id = m.complaint_id where c.reference = $1 and m.kind = 'receipt'`,
          [ref],
        )
      ).rows;

    before(async () => {
      t = await startApp(engine, {
        now,
        env: { REDRESS_PUBLIC_URL: 'https://complaints.example.test' },
      });
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

    test('a web complaint gets at once an email with its reference and a tracking link that opens it', async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/complaints',
        payload: complaintBody({ customer: { name: 'Ann Web', email: 'ann.web@example.com' } }),
      });
      assert.equal(r.statusCode, 201, r.body);
      const ref = r.json().reference as string;
      await sweep();
      assert.equal((await dispatch()).sent, 1);
      assert.equal(inbox.mails.length, 1);
      const mail = inbox.mails[0]!;
      assert.equal((mail.to as { text: string }).text, 'ann.web@example.com');
      assert.match(mail.subject ?? '', new RegExp(ref));
      assert.match(mail.text ?? '', /automatic receipt/);
      assert.match(mail.text ?? '', new RegExp(`\\*?${ref}`));
      const link = new RegExp(`https://complaints\\.example\\.test/track/${ref}\\?token=([\\w-]+)`);
      const found = link.exec(mail.text ?? '');
      assert.ok(found, mail.text);
      assert.match(
        mail.html || '',
        new RegExp(`<a href="https://complaints.example.test/track/${ref}\\?token=`),
      );
      // The link's token is the one given at intake, and it opens the customer's view.
      assert.equal(found[1], r.json().trackingToken);
      const view = await t.app.inject({
        url: `/api/v1/public/complaints/${ref}?token=${found[1]}`,
      });
      assert.equal(view.statusCode, 200, view.body);
      // The customer sees it in their timeline; it is not the acknowledgement.
      const types = view.json().timeline.map((e: { type: string }) => e.type);
      assert.ok(types.includes('communication_queued'), types.join());
      assert.ok(!types.includes('acknowledged'), types.join());
      assert.equal(view.json().status, 'received');
    });

    test('the acknowledge clock still runs after the receipt; the handler acknowledgement stops it', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody({ receivedAt: now.toISOString() }),
      });
      assert.equal(created.statusCode, 201, created.body);
      const ref = created.json().reference as string;
      await sweep();
      assert.equal((await receipts(ref)).length, 1);
      const clock = async () =>
        (await t.app.inject({ url: `/api/v1/complaints/${ref}`, headers: t.as('handler') }))
          .json()
          .deadlines.find((c: { clock: string }) => c.clock === 'acknowledge');
      assert.equal((await clock()).status, 'running');
      assert.equal((await clock()).stoppedAt, null);
      const ack = await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${ref}/actions/acknowledge`,
        headers: t.as('handler'),
      });
      assert.equal(ack.statusCode, 200, ack.body);
      assert.equal((await clock()).status, 'met');
    });

    test('a post complaint with an email address gets one; with none, and by phone, none', async () => {
      const post = async (customer: Record<string, unknown>, channel = 'post') =>
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/complaints',
            headers: t.as('handler'),
            payload: complaintBody({ channel, receivedAt: now.toISOString(), customer }),
          })
        ).json().reference as string;
      const withEmail = await post({
        name: 'Pat Post',
        email: 'pat@example.com',
        address: ['1 A St', 'Bath'],
      });
      const without = await post({ name: 'Lee Letter', address: ['2 B St', 'Bath'] });
      const phoned = await post({ name: 'Phil Phone', email: 'phil@example.com' }, 'phone');
      await sweep();
      assert.equal((await receipts(withEmail)).length, 1);
      assert.equal((await receipts(withEmail))[0]!.to_address, 'pat@example.com');
      assert.equal((await receipts(without)).length, 0);
      assert.equal((await receipts(phoned)).length, 0);
    });

    test('a first-contact resolution sends none (seed 004, step 4)', async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody({
          policy: 'vn-datacentre',
          channel: 'phone',
          receivedAt: now.toISOString(),
          customer: { name: 'Trần Văn Bình', email: 'binh@example.vn', language: 'vi' },
        }),
      });
      assert.equal(r.statusCode, 201, r.body);
      const ref = r.json().reference as string;
      const done = await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${ref}/actions/resolve-on-first-contact`,
        headers: t.as('handler'),
        payload: {
          resolution: 'Đã khởi động lại máy chủ trong cuộc gọi.',
          outcome: 'resolved_on_first_contact',
        },
      });
      assert.equal(done.statusCode, 200, done.body);
      await sweep();
      assert.equal((await receipts(ref)).length, 0);
    });

    test('a policy that says no receipt sends none', async () => {
      const added = await t.app.inject({
        method: 'POST',
        url: '/api/v1/policies/no-receipt/versions',
        headers: t.as('administrator'),
        payload: {
          ...MINIMAL_POLICY_INPUT,
          id: 'no-receipt',
          name: 'No receipt',
          receipt: { send: false },
        },
      });
      assert.equal(added.statusCode, 201, added.body);
      assert.equal(added.json().receipt.send, false);
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/complaints',
        payload: complaintBody({ policy: 'no-receipt' }),
      });
      assert.equal(r.statusCode, 201, r.body);
      await sweep();
      assert.equal((await receipts(r.json().reference)).length, 0);
    });

    test('one receipt only: the request retried, the sweep run again and by two workers at once', async () => {
      const ask = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/complaints',
          headers: { ...t.as('handler'), 'idempotency-key': 'receipt-once' },
          payload: complaintBody({ channel: 'api', receivedAt: now.toISOString() }),
        });
      const first = await ask();
      assert.equal(first.statusCode, 201, first.body);
      const again = await ask();
      assert.equal(again.json().reference, first.json().reference);
      await Promise.all([sweep('worker-a'), sweep('worker-b')]);
      await sweep('worker-c');
      const ref = first.json().reference as string;
      assert.equal((await receipts(ref)).length, 1);
      await dispatch();
      await dispatch();
      assert.equal(inbox.mails.filter((m) => (m.subject ?? '').includes(ref)).length, 1);
    });

    test('in the complaint language: a Vietnamese customer reads Vietnamese', async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody({
          policy: 'vn-datacentre',
          channel: 'email',
          receivedAt: now.toISOString(),
          customer: { name: 'Nguyễn Thị Lan', email: 'lan@example.vn', language: 'vi' },
        }),
      });
      assert.equal(r.statusCode, 201, r.body);
      await sweep();
      const [m] = await receipts(r.json().reference);
      assert.ok(m);
      assert.match(m.body_text, /thư báo nhận tự động/);
      assert.match(m.body_text, /\/track\/RD-/);
    });
  });
}

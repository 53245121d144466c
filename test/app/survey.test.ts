// The satisfaction survey (issue 11, last bullet): after closing, the customer is invited by
// their contact method — an email with the tracking page's rating form, a letter on the print
// list, a call task — at most once per complaint; never for a withdrawn complaint, nor when the
// policy's switch is off, nor to a customer whose data is restricted. The rating form takes the
// four ISO 10004-style questions and a comment.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runDueActions, SCHEDULER } from '../../src/app/scheduler/run-due-actions.ts';
import { scheduleSurvey } from '../../src/db/repositories/scheduled-actions.ts';
import { MINIMAL_POLICY_INPUT } from '../factories/policy.ts';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';

const NOW = new Date('2026-04-20T10:00:00Z');

for (const engine of engines()) {
  describe(`the satisfaction survey (${engine})`, () => {
    let t: TestApp;
    const sweep = async () => {
      for (;;) {
        const n = await runDueActions({ ...t.services, now: () => NOW, workerId: 't' }, SCHEDULER);
        if (n === 0) return;
      }
    };
    const staff = async (ref: string, action: string, payload: object = {}) => {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${ref}/actions/${action}`,
        headers: t.as('manager'),
        payload,
      });
      assert.equal(r.statusCode, 200, `${action}: ${r.body}`);
    };
    const register = async (overrides: Record<string, unknown> = {}) => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody({ receivedAt: NOW.toISOString(), ...overrides }),
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json() as { reference: string; trackingToken: string };
    };
    const close = async (ref: string, again = false) => {
      if (!again) await staff(ref, 'acknowledge');
      await staff(ref, 'start-investigation');
      await staff(ref, 'propose-response', {
        response: 'We have repaired the line.',
        outcome: 'upheld',
        rootCause: 'network',
      });
      const approved = await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${ref}/actions/approve-response`,
        headers: t.as('manager'),
        payload: {},
      });
      assert.ok([200, 409].includes(approved.statusCode), approved.body);
      await staff(ref, 'respond');
      await staff(ref, 'close');
    };
    const surveys = async (ref: string) =>
      (
        await t.db.query<{
          channel: string;
          status: string;
          body_text: string;
          to_address: string;
        }>(
          `select m.channel, m.status, m.body_text, m.to_address from messages m
           join complaints c on c.id = m.complaint_id
           where c.reference = $1 and m.kind = 'satisfaction_survey'`,
          [ref],
        )
      ).rows;

    before(async () => {
      t = await startApp(engine, {
        now: NOW,
        env: { REDRESS_PUBLIC_URL: 'https://c.example.test' },
      });
    });
    after(() => t.close());

    test('sent once after closing, by email, with the link to the rating form; swept and armed again, not again', async () => {
      const c = await register();
      await close(c.reference);
      await sweep();
      let sent = await surveys(c.reference);
      assert.equal(sent.length, 1);
      assert.equal(sent[0]!.channel, 'email');
      assert.equal(sent[0]!.to_address, 'ann@example.com');
      assert.match(sent[0]!.body_text, /How satisfied are you with how we kept you informed\?/);
      assert.ok(
        sent[0]!.body_text.includes(
          `https://c.example.test/track/${c.reference}?token=${c.trackingToken}`,
        ),
        sent[0]!.body_text,
      );
      // Swept again, and its work armed again (as a second closing would): still one.
      await sweep();
      await t.db.transaction(async (tx) => {
        const id = (
          await tx.query<{ id: number }>('select id from complaints where reference = $1', [
            c.reference,
          ])
        ).rows[0]!.id;
        await scheduleSurvey(tx, Number(id), NOW);
      });
      await sweep();
      sent = await surveys(c.reference);
      assert.equal(sent.length, 1, 'at most once per complaint');
    });

    test('by post: a letter on the print list; by phone: a call task', async () => {
      const post = await register({
        channel: 'post',
        customer: { name: 'Pat Post', address: ['1 High St', 'Bath', 'BA1 1AA'] },
      });
      const phone = await register({
        channel: 'phone',
        customer: { name: 'Phil Phone', phone: '+44 20 7946 0000' },
      });
      await close(post.reference);
      await close(phone.reference);
      await sweep();
      const [letter] = await surveys(post.reference);
      assert.equal(letter?.channel, 'letter');
      assert.equal(letter?.status, 'awaiting_print');
      assert.match(letter!.body_text, new RegExp(`/track/${post.reference}\\?token=`));
      const [call] = await surveys(phone.reference);
      assert.equal(call?.channel, 'phone');
      const tasks = await t.db.query<{ kind: string }>(
        `select k.kind from tasks k join complaints c on c.id = k.complaint_id
         where c.reference = $1 and k.kind = 'call_customer' and k.note = $2`,
        [phone.reference, call!.body_text],
      );
      assert.equal(tasks.rows.length, 1);
    });

    test('not for a withdrawn complaint', async () => {
      const c = await register();
      await staff(c.reference, 'withdraw', { reason: 'The customer sorted it out' });
      await staff(c.reference, 'close', { rootCause: 'network' });
      await sweep();
      assert.equal((await surveys(c.reference)).length, 0);
    });

    test('not when the policy switch is off', async () => {
      const added = await t.app.inject({
        method: 'POST',
        url: '/api/v1/policies/no-survey/versions',
        headers: t.as('administrator'),
        payload: {
          ...MINIMAL_POLICY_INPUT,
          id: 'no-survey',
          name: 'No survey',
          closing: { requireRootCause: false },
        },
      });
      assert.equal(added.statusCode, 201, added.body);
      assert.equal(added.json().survey.enabled, false);
      const c = await register({ policy: 'no-survey' });
      await close(c.reference);
      await sweep();
      assert.equal((await surveys(c.reference)).length, 0);
      const work = await t.db.query(
        `select 1 from scheduled_actions s join complaints c on c.id = s.complaint_id
         where c.reference = $1 and s.clock_name = 'survey'`,
        [c.reference],
      );
      assert.equal(work.rows.length, 0);
    });

    test('not to a customer whose data is restricted', async () => {
      const c = await register({
        customer: { name: 'Rita Restricted', email: 'rita@example.com' },
      });
      await close(c.reference);
      await t.db.query(
        `update customers set restricted_at = $2 where id = (select customer_id from complaints where reference = $1)`,
        [c.reference, NOW],
      );
      await sweep();
      assert.equal((await surveys(c.reference)).length, 0);
    });

    test('the rating form takes the four questions and a comment', async () => {
      const c = await register();
      await close(c.reference);
      const rate = (payload: object) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/public/complaints/${c.reference}/rate-satisfaction`,
          headers: { 'x-tracking-token': c.trackingToken },
          payload,
        });
      const bad = await rate({ score: 4, speed: 9 });
      assert.equal(bad.statusCode, 400, bad.body);
      const r = await rate({ score: 4, keptInformed: 3, speed: 2, fairness: 5, comment: 'Slow' });
      assert.equal(r.statusCode, 200, r.body);
      const row = await t.db.query<{ satisfaction: number; satisfaction_answers: unknown }>(
        'select satisfaction, satisfaction_answers from complaints where reference = $1',
        [c.reference],
      );
      assert.equal(row.rows[0]!.satisfaction, 4);
      assert.deepEqual(row.rows[0]!.satisfaction_answers, {
        keptInformed: 3,
        speed: 2,
        fairness: 5,
        overall: 4,
      });
      const seen = (
        await t.app.inject({ url: `/api/v1/complaints/${c.reference}`, headers: t.as('handler') })
      ).json();
      assert.deepEqual(seen.satisfactionAnswers, {
        keptInformed: 3,
        speed: 2,
        fairness: 5,
        overall: 4,
      });
    });
  });
}

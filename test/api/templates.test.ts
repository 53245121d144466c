import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { composeCommunication } from '../../src/app/communications/compose-communication.ts';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { recordErrors, undocumented } from '../helpers/documented-errors.ts';

const answered = recordErrors();

const BASE = '/api/v1/policies/uk-comms-ombudsman/templates';

for (const engine of engines()) {
  describe(`message templates (${engine})`, () => {
    let t: TestApp;
    let reference: string;
    let complaintId: number;
    before(async () => {
      t = await startApp(engine, { now: new Date('2026-03-16T10:00:00Z') });
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody({
          customer: {
            name: 'Ann Customer',
            email: 'ann@example.com',
            address: ['1 Test Road', 'Bath', 'BA1 1AA'],
          },
        }),
      });
      assert.equal(r.statusCode, 201, r.body);
      reference = r.json().reference;
      const row = await t.db.query<{ id: number }>(
        'select id from complaints where reference = $1',
        [reference],
      );
      complaintId = row.rows[0]!.id;
    });
    after(() => t.close());

    test('GET /policies/:id/templates lists every kind × language with the template in use', async () => {
      const r = await t.app.inject({ method: 'GET', url: BASE, headers: t.as('manager') });
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json();
      assert.deepEqual(body.languages, ['en']);
      assert.equal(body.items.length, 13);
      const ack = body.items.find((i: { kind: string }) => i.kind === 'acknowledgement');
      assert.equal(ack.source, 'default');
      assert.equal(ack.version, null);
      assert.equal(ack.subject, '[{{reference}}] We have received your complaint');
      const vn = await t.app.inject({
        method: 'GET',
        url: '/api/v1/policies/vn-datacentre/templates',
        headers: t.as('manager'),
      });
      assert.deepEqual(vn.json().languages, ['en', 'vi']);
      assert.equal(vn.json().items.length, 26);
    });

    test('composing uses the shipped template until an administrator edits it', async () => {
      const before = await composeCommunication(t.db, t.policies, {
        complaintId,
        kind: 'acknowledgement',
        now: new Date('2026-03-16T10:00:00Z'),
      });
      assert.equal(before.subject, `[${reference}] We have received your complaint`);
      assert.match(before.text, /^Dear Ann Customer,/);
      assert.match(before.text, /Friday 13 March 2026/);
      assert.match(before.html, /<strong>RD-2026-\d{6}<\/strong>/);
    });

    test('PUT saves an edit as a new version, which composing then uses', async () => {
      for (const [i, greeting] of ['Hello', 'Good morning'].entries()) {
        const r = await t.app.inject({
          method: 'PUT',
          url: `${BASE}/acknowledgement/en`,
          headers: t.as('administrator'),
          payload: {
            subject: '[{{reference}}] Thanks, {{customer_name}}: we have your complaint',
            body: `${greeting} {{customer_name}},\n\nWe got your complaint on {{received_date}}.\n\n{{organisation_name}}`,
          },
        });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.json().version, i + 1);
        assert.equal(r.json().source, 'custom');
      }
      const composed = await composeCommunication(t.db, t.policies, {
        complaintId,
        kind: 'acknowledgement',
        now: new Date('2026-03-16T10:00:00Z'),
      });
      assert.equal(composed.subject, `[${reference}] Thanks, Ann Customer: we have your complaint`);
      assert.equal(
        composed.text,
        'Good morning Ann Customer,\n\nWe got your complaint on Friday 13 March 2026.\n\nCloud Direct',
      );

      const one = await t.app.inject({
        method: 'GET',
        url: `${BASE}/acknowledgement/en`,
        headers: t.as('handler'),
      });
      assert.equal(one.statusCode, 200, one.body);
      const body = one.json();
      assert.equal(body.current.source, 'custom');
      assert.equal(body.current.version, 2);
      assert.deepEqual(
        body.history.map((h: { version: number }) => h.version),
        [2, 1],
      );
      assert.equal(body.history[0].createdBy, t.users.administrator.id);
      assert.match(body.default.body, /How we will handle your complaint/);
      assert.ok(body.variables.some((v: { name: string }) => v.name === 'customer_name'));

      const list = await t.app.inject({ method: 'GET', url: BASE, headers: t.as('auditor') });
      const ack = list.json().items.find((i: { kind: string }) => i.kind === 'acknowledgement');
      assert.equal(ack.source, 'custom');
      assert.equal(ack.version, 2);

      const events = await t.db.query<{ type: string; data: Record<string, unknown> }>(
        `select type, data from events where stream = 'system' and type = 'message_template_saved' order by stream_seq`,
      );
      assert.equal(events.rows.length, 2);
      assert.deepEqual(events.rows[1]!.data, {
        policyId: 'uk-comms-ombudsman',
        kind: 'acknowledgement',
        language: 'en',
        version: 2,
      });
    });

    test('an unknown variable is refused with 400, naming it', async () => {
      const r = await t.app.inject({
        method: 'PUT',
        url: `${BASE}/progress_report/en`,
        headers: t.as('administrator'),
        payload: { subject: '[{{reference}}] Progress', body: 'Dear {{custmer_name}},\n\nNews.' },
      });
      assert.equal(r.statusCode, 400, r.body);
      const err = r.json().error;
      assert.equal(err.code, 'TEMPLATE.UNKNOWN_VARIABLE');
      assert.match(
        err.message,
        /unknown variable \{\{custmer_name\}\}; did you mean \{\{customer_name\}\}/,
      );
      assert.equal(err.details.problems[0].variable, 'custmer_name');
      const syntax = await t.app.inject({
        method: 'PUT',
        url: `${BASE}/progress_report/en`,
        headers: t.as('administrator'),
        payload: { subject: 'Progress', body: '{{#if progress_note}}News' },
      });
      assert.equal(syntax.statusCode, 400);
      assert.equal(syntax.json().error.code, 'TEMPLATE.SYNTAX');
      const none = await t.db.query(
        `select 1 from message_templates where kind = 'progress_report'`,
      );
      assert.equal(none.rowCount, 0);
    });

    test('an edit that drops required content is refused with 422, naming what is missing', async () => {
      const r = await t.app.inject({
        method: 'PUT',
        url: `${BASE}/deadlock_letter/en`,
        headers: t.as('administrator'),
        payload: {
          subject: '[{{reference}}] Deadlock',
          body: 'Dear {{customer_name}},\n\n{{adr_right}} {{adr_free_text}}\n\n{{scheme_name}}\n{{#each scheme_address}}\n{{this}}\n{{/each}}',
        },
      });
      assert.equal(r.statusCode, 422, r.body);
      const err = r.json().error;
      assert.equal(err.code, 'COMMUNICATION.MISSING_REQUIRED_CONTENT');
      assert.match(
        err.message,
        /the website of the Communications Ombudsman \(www\.commsombudsman\.org\)/,
      );
      // Version 2 of the policy adds a 12-month time limit.
      assert.match(err.message, /twelve months/);
    });

    test('only an administrator may edit; others get 403', async () => {
      for (const role of ['handler', 'manager', 'auditor', 'department_member'] as const) {
        const r = await t.app.inject({
          method: 'PUT',
          url: `${BASE}/acknowledgement/en`,
          headers: t.as(role),
          payload: { subject: 'x', body: 'y' },
        });
        assert.equal(r.statusCode, 403, `${role}: ${r.body}`);
        assert.equal(r.json().error.code, 'AUTH.FORBIDDEN');
      }
      const anon = await t.app.inject({ method: 'GET', url: BASE });
      assert.equal(anon.statusCode, 401);
    });

    test('POST …/preview renders against a sample, a complaint, or an unsaved draft', async () => {
      const sample = await t.app.inject({
        method: 'POST',
        url: `${BASE}/deadlock_letter/en/preview`,
        headers: t.as('handler'),
        payload: {},
      });
      assert.equal(sample.statusCode, 200, sample.body);
      assert.equal(sample.json().sample, true);
      assert.deepEqual(sample.json().missing, []);
      assert.match(sample.json().text, /www\.commsombudsman\.org/);

      const real = await t.app.inject({
        method: 'POST',
        url: `${BASE}/final_response/en/preview`,
        headers: t.as('handler'),
        payload: {
          reference,
          extra: { outcome: 'upheld', response_text: 'We have refunded you.' },
        },
      });
      assert.equal(real.statusCode, 200, real.body);
      const p = real.json();
      assert.equal(p.sample, false);
      assert.equal(p.subject, `[${reference}] Our final response to your complaint`);
      assert.match(p.text, /We have upheld your complaint\./);
      assert.match(p.text, /We have refunded you\./);
      assert.deepEqual(p.recipient, {
        name: 'Ann Customer',
        address: ['1 Test Road', 'Bath', 'BA1 1AA'],
      });

      const draft = await t.app.inject({
        method: 'POST',
        url: `${BASE}/deadlock_letter/en/preview`,
        headers: t.as('administrator'),
        payload: { subject: 'Deadlock', body: 'Dear {{customer_name}}, go to {{scheme_name}}.' },
      });
      assert.equal(draft.statusCode, 200, draft.body);
      assert.equal(draft.json().template.source, 'draft');
      assert.ok(
        draft.json().missing.some((m: { what: string }) => /website/.test(m.what)),
        draft.body,
      );

      const pdf = await t.app.inject({
        method: 'POST',
        url: `${BASE}/deadlock_letter/en/preview`,
        headers: t.as('handler'),
        payload: { reference, format: 'pdf' },
      });
      assert.equal(pdf.statusCode, 200);
      assert.match(String(pdf.headers['content-type']), /application\/pdf/);
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');

      const bad = await t.app.inject({
        method: 'POST',
        url: `${BASE}/final_response/en/preview`,
        headers: t.as('handler'),
        payload: { extra: { questions: ['?'] } },
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'COMMUNICATION.INVALID_EXTRA');
    });

    test('composing a message that lacks required content is refused', async () => {
      await assert.rejects(
        composeCommunication(t.db, t.policies, {
          complaintId,
          kind: 'deadlock_refusal',
          now: new Date('2026-03-16T10:00:00Z'),
        }),
        (err: { code?: string; message?: string }) =>
          err.code === 'COMMUNICATION.MISSING_REQUIRED_CONTENT' && /the reason/.test(err.message!),
      );
      const ok = await composeCommunication(t.db, t.policies, {
        complaintId,
        kind: 'deadlock_refusal',
        extra: { customerMessage: 'Your complaint is vexatious.' },
        now: new Date('2026-03-16T10:00:00Z'),
      });
      assert.match(ok.text, /Your complaint is vexatious\./);
    });

    test('unknown kinds and languages are 400, unknown policies 404', async () => {
      const kind = await t.app.inject({
        method: 'GET',
        url: `${BASE}/apology/en`,
        headers: t.as('manager'),
      });
      assert.equal(kind.statusCode, 400);
      const lang = await t.app.inject({
        method: 'GET',
        url: `${BASE}/acknowledgement/fr`,
        headers: t.as('manager'),
      });
      assert.equal(lang.statusCode, 400);
      const policy = await t.app.inject({
        method: 'GET',
        url: '/api/v1/policies/nope/templates',
        headers: t.as('manager'),
      });
      assert.equal(policy.statusCode, 404);
    });

    test('every error answered above is listed for its operation and status in the document', async () => {
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.deepEqual(undocumented(doc, answered), []);
    });
  });
}

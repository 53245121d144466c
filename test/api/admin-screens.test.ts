// What the administrator's and the auditor's screens ask of the API: a policy draft checked
// with its problems per path and the deadlines it would give; the audit trail filtered,
// exported and verified.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';

const NOW = new Date('2026-03-20T12:00:00Z');

const DRAFT = `id: acme-draft
name: Acme complaints
timezone: Europe/London
effectiveFrom: "2026-04-01"
calendar:
  holidays: GB-ENG
clocks:
  acknowledge: { amount: 24, unit: working_hours, stopsOn: acknowledged }
  deadlock: { amount: 8, unit: calendar_weeks }
`;

for (const engine of engines()) {
  describe(`the admin and audit screens' API (${engine})`, () => {
    let t: TestApp;
    let reference: string;
    before(async () => {
      t = await startApp(engine, { now: NOW });
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody(),
      });
      assert.equal(r.statusCode, 201, r.body);
      reference = r.json().reference;
    });
    after(() => t.close());

    const draft = (id: string, body: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/policies/${id}/draft`,
        headers: t.as('administrator'),
        payload: body,
      });

    describe('POST /policies/{id}/draft', () => {
      test('a draft with wrong values is refused with each problem and its path', async () => {
        const r = await draft('acme-draft', {
          text: DRAFT.replace('amount: 24', 'amount: -3').replace('calendar_weeks', 'fortnights'),
        });
        assert.equal(r.statusCode, 400, r.body);
        const err = r.json().error;
        assert.equal(err.code, 'POLICY.INVALID');
        const paths = err.details.issues.map((i: { path: string }) => i.path).sort();
        assert.deepEqual(paths, ['clocks.acknowledge.amount', 'clocks.deadlock.unit']);
        for (const i of err.details.issues)
          assert.ok(i.message.length > 0 && !i.message.startsWith(i.path));
      });

      test('YAML that does not parse is refused with its line, without a path', async () => {
        const r = await draft('acme-draft', { text: 'id: [unclosed' });
        assert.equal(r.statusCode, 400, r.body);
        const issue = r.json().error.details.issues[0];
        assert.equal(issue.path, '');
        assert.match(issue.message, /line 1/);
      });

      test('a valid draft gives its document with defaults and each clock due for a complaint received then', async () => {
        // Friday 17:00 UTC: 24 working hours skip the weekend (SPEC §3's worked example).
        const r = await draft('acme-draft', { text: DRAFT, receivedAt: '2026-03-13T17:00:00Z' });
        assert.equal(r.statusCode, 200, r.body);
        const body = r.json();
        assert.equal(body.document.id, 'acme-draft');
        assert.deepEqual(body.document.calendar.workingDays, ['mon', 'tue', 'wed', 'thu', 'fri']);
        assert.equal(body.inForce, null);
        const due = Object.fromEntries(
          body.deadlines.map((d: { clock: string; dueAt: string }) => [d.clock, d.dueAt]),
        );
        assert.equal(due.acknowledge, '2026-03-16T17:00:00.000Z');
        assert.equal(due.deadlock, '2026-05-08T16:00:00.000Z'); // 17:00 local, now BST
      });

      test('a draft of an existing policy is compared with the version in force', async () => {
        const current = (
          await t.app.inject({
            url: '/api/v1/policies/uk-comms-ombudsman?at=2026-03-20',
            headers: t.as('administrator'),
          })
        ).json().versions[0];
        const changed = {
          ...current,
          effectiveFrom: '2027-01-01',
          clocks: { ...current.clocks, acknowledge: { ...current.clocks.acknowledge, amount: 48 } },
        };
        const r = await draft('uk-comms-ombudsman', {
          text: JSON.stringify(changed),
          receivedAt: '2026-03-10T10:00:00Z',
          channel: 'email',
        });
        assert.equal(r.statusCode, 200, r.body);
        const ack = r.json().deadlines.find((d: { clock: string }) => d.clock === 'acknowledge');
        assert.equal(ack.inForceDueAt, '2026-03-11T10:00:00.000Z');
        assert.equal(ack.dueAt, '2026-03-12T10:00:00.000Z');
      });

      test('a draft sent to another policy is refused; only administrators may check drafts', async () => {
        const r = await draft('uk-comms-ombudsman', { text: DRAFT });
        assert.equal(r.statusCode, 400, r.body);
        assert.equal(r.json().error.code, 'POLICY.ID_MISMATCH');
        const m = await t.app.inject({
          method: 'POST',
          url: '/api/v1/policies/acme-draft/draft',
          headers: t.as('manager'),
          payload: { text: DRAFT },
        });
        assert.equal(m.statusCode, 403);
      });

      test('adding a version that takes effect too early names effectiveFrom', async () => {
        const current = (
          await t.app.inject({
            url: '/api/v1/policies/uk-comms-ombudsman',
            headers: t.as('administrator'),
          })
        )
          .json()
          .versions.at(-1);
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/v1/policies/uk-comms-ombudsman/versions',
          headers: t.as('administrator'),
          payload: { ...current, effectiveFrom: '2020-01-01' },
        });
        assert.equal(r.statusCode, 409, r.body);
        assert.equal(r.json().error.code, 'POLICY.EFFECTIVE_DATE');
        assert.equal(r.json().error.details.issues[0].path, 'effectiveFrom');
      });
    });

    test('the procedure text of any version, not only the one in force', async () => {
      const get = (q: string) =>
        t.app.inject({ url: `/api/v1/policies/uk-comms-ombudsman/procedure?format=json${q}` });
      const v1 = (await get('&version=1')).json();
      const now = (await get('')).json();
      assert.equal(v1.version, 1);
      assert.equal(now.version, 1); // 20 March 2026: version 2 takes effect on 8 April
      assert.equal((await get('&version=2')).json().version, 2);
      assert.notEqual((await get('&version=2')).json().text, v1.text);
      const missing = await get('&version=99');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'POLICY.VERSION_NOT_FOUND');
    });

    test('an administrator renames a department; the id stays and the audit trail has both names', async () => {
      const r = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/departments/billing',
        headers: t.as('administrator'),
        payload: { name: 'Billing and payments' },
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().id, 'billing');
      assert.equal(r.json().name, 'Billing and payments');
      const e = (
        await t.db.query<{ data: { before: { name: string }; after: { name: string } } }>(
          "select data from events where stream = 'system' and type = 'department_renamed'",
        )
      ).rows[0];
      assert.deepEqual(e?.data.before, { name: 'Billing' });
      assert.deepEqual(e?.data.after, { name: 'Billing and payments' });
      const missing = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/departments/nowhere',
        headers: t.as('administrator'),
        payload: { name: 'X' },
      });
      assert.equal(missing.statusCode, 404);
      const empty = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/departments/billing',
        headers: t.as('administrator'),
        payload: { name: '  ' },
      });
      assert.equal(empty.statusCode, 400);
      const manager = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/departments/billing',
        headers: t.as('manager'),
        payload: { name: 'Mine' },
      });
      assert.equal(manager.statusCode, 403);
    });

    describe('/audit', () => {
      test('the trail of one complaint, newest first, paged by cursor', async () => {
        const ack = await t.app.inject({
          method: 'POST',
          url: `/api/v1/complaints/${reference}/actions/acknowledge`,
          headers: t.as('handler'),
          payload: {},
        });
        assert.ok(ack.statusCode < 300, ack.body);
        const first = await t.app.inject({
          url: `/api/v1/audit/events?complaint=${reference}&limit=1`,
          headers: t.as('auditor'),
        });
        assert.equal(first.statusCode, 200, first.body);
        const page1 = first.json();
        assert.equal(page1.items.length, 1);
        assert.equal(page1.items[0].stream, reference);
        assert.equal(page1.items[0].actor.name, 'handler');
        assert.ok(page1.nextCursor);
        const rest = (
          await t.app.inject({
            url: `/api/v1/audit/events?complaint=${reference}&cursor=${page1.nextCursor}`,
            headers: t.as('auditor'),
          })
        ).json();
        assert.ok(rest.items.length >= 1);
        assert.ok(rest.items.every((e: { id: number }) => e.id < page1.items[0].id));
        assert.equal(rest.items.at(-1).seq, 1);
      });

      test('filters by actor, kind and period', async () => {
        const get = async (q: string) =>
          (
            await t.app.inject({ url: `/api/v1/audit/events?${q}`, headers: t.as('auditor') })
          ).json().items as { type: string; actor: { id: string }; at: string }[];
        const byHandler = await get(`actor=${t.users.handler.id}`);
        assert.ok(byHandler.length > 0);
        assert.ok(byHandler.every((e) => e.actor.id === t.users.handler.id));
        const kind = byHandler[0]!.type;
        assert.ok((await get(`kind=${kind}`)).every((e) => e.type === kind));
        assert.equal((await get('to=2020-01-01')).length, 0);
        assert.ok((await get('from=2026-03-20&to=2026-03-20')).length > 0);
      });

      test('the export is CSV with a header row and one row per event, or JSON', async () => {
        const csv = await t.app.inject({
          url: `/api/v1/audit/export?complaint=${reference}`,
          headers: t.as('auditor'),
        });
        assert.equal(csv.statusCode, 200, csv.body);
        assert.match(String(csv.headers['content-type']), /^text\/csv/);
        assert.match(String(csv.headers['content-disposition']), /attachment; filename="audit-/);
        const lines = csv.body.trimEnd().split('\r\n');
        assert.equal(
          lines[0],
          'id,stream,seq,type,actor_id,actor_role,actor_name,at,reason,data,redacted,hash',
        );
        const json = await t.app.inject({
          url: `/api/v1/audit/export?complaint=${reference}&format=json`,
          headers: t.as('auditor'),
        });
        assert.equal(json.json().items.length, lines.length - 1);
        assert.equal(json.json().truncated, false);
      });

      test('the verification says the chain is intact, then names the event that was changed', async () => {
        const ok = await t.app.inject({
          url: '/api/v1/audit/verification',
          headers: t.as('auditor'),
        });
        assert.equal(ok.statusCode, 200, ok.body);
        assert.equal(ok.json().intact, true);
        assert.ok(ok.json().events >= 3);
        const one = await t.app.inject({
          url: `/api/v1/audit/verification?complaint=${reference}`,
          headers: t.as('auditor'),
        });
        assert.equal(one.json().streams, 1);
        // Tamper with a row behind the application's back (the trigger refuses an UPDATE).
        await t.db.query('alter table events disable trigger user');
        await t.db.query(
          `update events set reason = 'rewritten' where stream = $1 and stream_seq = 1`,
          [reference],
        );
        await t.db.query('alter table events enable trigger user');
        const bad = (
          await t.app.inject({
            url: `/api/v1/audit/verification?complaint=${reference}`,
            headers: t.as('auditor'),
          })
        ).json();
        assert.equal(bad.intact, false);
        assert.equal(bad.broken.stream, reference);
        assert.equal(bad.broken.seq, 1);
      });

      test('an unknown complaint is 404; handlers may not read the trail', async () => {
        const r = await t.app.inject({
          url: '/api/v1/audit/verification?complaint=RD-1999-000001',
          headers: t.as('auditor'),
        });
        assert.equal(r.statusCode, 404);
        const h = await t.app.inject({ url: '/api/v1/audit/events', headers: t.as('handler') });
        assert.equal(h.statusCode, 403);
      });
    });
  });
}

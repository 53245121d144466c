// Users, departments, policies and calendars over HTTP: what administrators change is written
// with its audit event, and what anyone reads is what the domain computes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import { calendarFor } from '../../src/domain/clocks/policy-clocks.ts';
import { renderProcedure } from '../../src/domain/policy/render.ts';
import { MINIMAL_POLICY_INPUT } from '../factories/policy.ts';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { recordErrors, undocumented } from '../helpers/documented-errors.ts';

const answered = recordErrors();

const NOW = new Date('2026-03-20T12:00:00Z');

interface SystemEvent {
  type: string;
  actor_id: string;
  data: Record<string, unknown>;
}

for (const engine of engines()) {
  describe(`users, departments, policies, calendars (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startApp(engine, { now: NOW });
    });
    after(() => t.close());

    const systemEvents = async () =>
      (
        await t.db.query<SystemEvent>(
          "select type, actor_id, data from events where stream = 'system' order by stream_seq",
        )
      ).rows;

    describe('/users', () => {
      test('an administrator creates a user who can then sign in', async () => {
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/v1/users',
          headers: t.as('administrator'),
          payload: {
            email: 'Dee@Example.test',
            name: 'Dee',
            role: 'department_member',
            departmentId: 'network',
            password: 'dee has a passphrase',
          },
        });
        assert.equal(r.statusCode, 201, r.body);
        const user = r.json();
        assert.equal(user.email, 'dee@example.test');
        assert.equal(user.departmentId, 'network');
        assert.equal(user.active, true);
        assert.ok(!r.body.includes('passphrase') && !r.body.includes('argon2'));
        const login = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'dee@example.test', password: 'dee has a passphrase' },
        });
        assert.equal(login.statusCode, 200, login.body);
        const read = await t.app.inject({
          url: `/api/v1/users/${user.id}`,
          headers: t.as('auditor'),
        });
        assert.deepEqual(read.json(), user);
        const created = (await systemEvents()).find((e) => e.type === 'user_created');
        assert.equal(created?.data.userId, user.id);
        assert.equal(created?.actor_id, t.users.administrator.id);
      });

      test('the list filters by role, department and active', async () => {
        const get = async (q: string) =>
          (await t.app.inject({ url: `/api/v1/users${q}`, headers: t.as('manager') })).json()
            .items as { email: string; role: string; departmentId: string | null }[];
        const all = await get('');
        assert.ok(all.length >= 5);
        const managers = await get('?role=manager');
        assert.deepEqual(
          managers.map((u) => u.email),
          ['manager@example.test'],
        );
        const billing = await get('?department=billing');
        assert.ok(billing.every((u) => u.departmentId === 'billing') && billing.length >= 1);
        assert.equal((await get('?active=true')).length, all.length);
        assert.deepEqual(await get('?active=false'), []);
      });

      test('a change is written with its audit event in one transaction; no change, no event', async () => {
        const id = t.users.handler.id;
        const before = (await systemEvents()).length;
        const r = await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/users/${id}`,
          headers: t.as('administrator'),
          payload: { name: 'Hana Handler', role: 'department_member', departmentId: 'billing' },
        });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.json().name, 'Hana Handler');
        assert.equal(r.json().role, 'department_member');
        const events = await systemEvents();
        assert.equal(events.length, before + 1);
        const e = events.at(-1)!;
        assert.equal(e.type, 'user_updated');
        assert.equal(e.actor_id, t.users.administrator.id);
        assert.deepEqual(e.data, {
          userId: id,
          changes: {
            name: { from: 'handler', to: 'Hana Handler' },
            role: { from: 'handler', to: 'department_member' },
            departmentId: { from: null, to: 'billing' },
          },
        });
        const same = await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/users/${id}`,
          headers: t.as('administrator'),
          payload: { name: 'Hana Handler' },
        });
        assert.equal(same.statusCode, 200);
        assert.equal((await systemEvents()).length, before + 1);
        // A refused change writes nothing.
        const refused = await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/users/${id}`,
          headers: t.as('administrator'),
          payload: { departmentId: 'no-such' },
        });
        assert.equal(refused.statusCode, 400);
        assert.equal((await systemEvents()).length, before + 1);
        // Put the handler back for the other tests.
        const back = await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/users/${id}`,
          headers: t.as('administrator'),
          payload: { name: 'handler', role: 'handler', departmentId: null },
        });
        assert.equal(back.statusCode, 200, back.body);
        assert.equal(
          (await verifyAudit(t, { id: 'test', role: 'auditor' }, { stream: 'system' })).broken,
          null,
        );
      });

      test('an administrator may step down once there is another', async () => {
        const second = await t.app.inject({
          method: 'POST',
          url: '/api/v1/users',
          headers: t.as('administrator'),
          payload: { email: 'second-admin@example.test', name: 'Second', role: 'administrator' },
        });
        assert.equal(second.statusCode, 201, second.body);
        const off = await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/users/${second.json().id}`,
          headers: t.as('administrator'),
          payload: { active: false },
        });
        assert.equal(off.statusCode, 200, off.body);
        assert.equal(off.json().active, false);
      });
    });

    describe('/departments', () => {
      test('anyone signed in lists them; an administrator adds one, then complaints go there', async () => {
        const list = await t.app.inject({
          url: '/api/v1/departments',
          headers: t.as('department_member'),
        });
        assert.equal(list.statusCode, 200);
        assert.deepEqual(
          list.json().items.map((d: { id: string }) => d.id),
          ['billing', 'network'],
        );
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/v1/departments',
          headers: t.as('administrator'),
          payload: { id: 'dc-ops', name: 'Data-centre operations', email: 'ops@example.test' },
        });
        assert.equal(r.statusCode, 201, r.body);
        assert.equal(r.json().email, 'ops@example.test');
        const e = (await systemEvents()).at(-1)!;
        assert.equal(e.type, 'department_created');
        assert.equal(e.data.departmentId, 'dc-ops');
        const again = await t.app.inject({
          method: 'POST',
          url: '/api/v1/departments',
          headers: t.as('administrator'),
          payload: { id: 'dc-ops', name: 'Twice' },
        });
        assert.equal(again.statusCode, 409);

        const ref = (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/complaints',
            headers: t.as('handler'),
            payload: complaintBody(),
          })
        ).json().reference;
        for (const [action, payload] of [
          ['start-investigation', {}],
          ['transfer', { departmentId: 'dc-ops' }],
        ] as const) {
          const a = await t.app.inject({
            method: 'POST',
            url: `/api/v1/complaints/${ref}/actions/${action}`,
            headers: t.as('handler'),
            payload,
          });
          assert.equal(a.statusCode, 200, a.body);
        }
      });
    });

    describe('/policies', () => {
      test('the list gives each policy, its versions and the one in force now', async () => {
        const r = await t.app.inject({ url: '/api/v1/policies', headers: t.as('auditor') });
        assert.equal(r.statusCode, 200);
        const uk = r.json().items.find((p: { id: string }) => p.id === 'uk-comms-ombudsman');
        assert.deepEqual(uk.versions, [
          { version: 1, effectiveFrom: '1970-01-01' },
          { version: 2, effectiveFrom: '2026-04-08' },
        ]);
        assert.equal(uk.current, 1);
        t.setNow(new Date('2026-04-20T12:00:00Z'));
        const later = await t.app.inject({ url: '/api/v1/policies', headers: t.as('auditor') });
        t.setNow(NOW);
        const ukLater = later.json().items.find((p: { id: string }) => p.id === uk.id);
        assert.equal(ukLater.current, 2);
      });

      test('a policy with every version, or with ?at= the one in force then', async () => {
        const all = await t.app.inject({
          url: '/api/v1/policies/uk-comms-ombudsman',
          headers: t.as('handler'),
        });
        assert.equal(all.statusCode, 200);
        assert.deepEqual(
          all.json().versions.map((v: { version: number }) => v.version),
          [1, 2],
        );
        assert.deepEqual(all.json().versions[1], t.policies.version('uk-comms-ombudsman', 2));
        const at = async (q: string) =>
          (
            await t.app.inject({
              url: `/api/v1/policies/uk-comms-ombudsman?at=${q}`,
              headers: t.as('handler'),
            })
          )
            .json()
            .versions.map((v: { version: number }) => v.version);
        // Midnight of 8 April in London is 23:00 UTC on the 7th (BST).
        assert.deepEqual(await at('2026-04-07T22:59:59Z'), [1]);
        assert.deepEqual(await at('2026-04-07T23:00:00Z'), [2]);
        assert.deepEqual(await at('2026-04-08T00:30:00%2B02:00'), [1]);
        assert.deepEqual(await at('2026-04-07'), [1]);
        assert.deepEqual(await at('2026-04-08'), [2]);
      });

      test('an administrator adds versions; the next number is given whatever the body says', async () => {
        const add = (body: Record<string, unknown>) =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/policies/acme/versions',
            headers: t.as('administrator'),
            payload: { ...MINIMAL_POLICY_INPUT, id: 'acme', name: 'Acme procedure', ...body },
          });
        const first = await add({ version: 7 });
        assert.equal(first.statusCode, 201, first.body);
        assert.equal(first.json().version, 1);
        assert.equal(first.json().effectiveFrom, '1970-01-01');
        assert.deepEqual(first.json().calendar.workingDays, ['mon', 'tue', 'wed', 'thu', 'fri']);
        const second = await add({ effectiveFrom: '2026-06-01', name: 'Acme procedure 2' });
        assert.equal(second.statusCode, 201, second.body);
        assert.equal(second.json().version, 2);
        const e = (await systemEvents()).at(-1)!;
        assert.equal(e.type, 'policy_version_added');
        assert.deepEqual(e.data, { policyId: 'acme', version: 2, effectiveFrom: '2026-06-01' });
        const listed = (
          await t.app.inject({ url: '/api/v1/policies', headers: t.as('handler') })
        ).json();
        const acme = listed.items.find((p: { id: string }) => p.id === 'acme');
        assert.equal(acme.current, 1);
        assert.equal(acme.versions.length, 2);
        // A complaint can be registered under it at once.
        const c = await t.app.inject({
          method: 'POST',
          url: '/api/v1/complaints',
          headers: t.as('handler'),
          payload: complaintBody({ policy: 'acme' }),
        });
        assert.equal(c.statusCode, 201, c.body);
        assert.deepEqual(c.json().policy, { id: 'acme', version: 1 });
      });

      test('the procedure is public: text/plain by default, JSON when asked', async () => {
        const policy = t.policies.at('vn-datacentre', NOW);
        const text = await t.app.inject({ url: '/api/v1/policies/vn-datacentre/procedure' });
        assert.equal(text.statusCode, 200);
        assert.match(String(text.headers['content-type']), /^text\/plain; charset=utf-8/);
        assert.equal(text.body, renderProcedure(policy, policy.languages[0]!));
        const en = await t.app.inject({
          url: '/api/v1/policies/vn-datacentre/procedure?lang=en',
          headers: { accept: 'application/json' },
        });
        assert.match(String(en.headers['content-type']), /^application\/json/);
        assert.deepEqual(en.json(), {
          policy: 'vn-datacentre',
          version: policy.version,
          lang: 'en',
          text: renderProcedure(policy, 'en'),
        });
        const vi = await t.app.inject({
          url: '/api/v1/policies/vn-datacentre/procedure?lang=vi&format=json',
        });
        assert.equal(vi.json().text, renderProcedure(policy, 'vi'));
        assert.notEqual(vi.json().text, en.json().text);
      });
    });

    describe('/policies/:id/calendar/:year', () => {
      test('England 2026: weekdays less its eight bank holidays', async () => {
        const r = await t.app.inject({
          url: '/api/v1/policies/uk-comms-ombudsman/calendar/2026',
          headers: t.as('department_member'),
        });
        assert.equal(r.statusCode, 200, r.body);
        const cal = r.json();
        assert.equal(cal.policy, 'uk-comms-ombudsman');
        assert.equal(cal.year, 2026);
        assert.equal(cal.timezone, 'Europe/London');
        assert.equal(cal.count, 253);
        assert.equal(cal.workingDays.length, 253);
        assert.equal(cal.workingDays[0], '2026-01-02');
        assert.equal(cal.workingDays.at(-1), '2026-12-31');
        assert.deepEqual(
          cal.holidays.map((h: { date: string }) => h.date),
          [
            '2026-01-01',
            '2026-04-03',
            '2026-04-06',
            '2026-05-04',
            '2026-05-25',
            '2026-08-31',
            '2026-12-25',
            '2026-12-28',
          ],
        );
        for (const d of cal.workingDays as string[]) {
          const day = new Date(`${d}T12:00:00Z`).getUTCDay();
          assert.ok(day !== 0 && day !== 6, `${d} is a weekend`);
        }
      });

      test('Vietnam 2026 includes the Tết days; answers match the domain calendar', async () => {
        const r = await t.app.inject({
          url: '/api/v1/policies/vn-datacentre/calendar/2026',
          headers: t.as('handler'),
        });
        const cal = r.json();
        assert.equal(cal.timezone, 'Asia/Ho_Chi_Minh');
        for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
          assert.ok(
            cal.holidays.some((h: { date: string }) => h.date === d),
            d,
          );
          assert.ok(!cal.workingDays.includes(d), d);
        }
        const domain = calendarFor(t.policies.at('vn-datacentre', NOW));
        assert.deepEqual(cal.workingDays, domain.workingDatesOf(2026));
        assert.deepEqual(
          cal.holidays.map(({ date, name }: { date: string; name: string }) => ({ date, name })),
          domain.holidaysOf(2026),
        );
        assert.ok(cal.holidays.every((h: { lang: string }) => h.lang === 'vi'));
      });

      test('the first and last years of the range, and a named version', async () => {
        for (const year of [1971, 2199]) {
          const r = await t.app.inject({
            url: `/api/v1/policies/uk-fca-disp/calendar/${year}`,
            headers: t.as('handler'),
          });
          assert.equal(r.statusCode, 200, r.body);
          assert.ok(r.json().count > 240 && r.json().count < 262, String(r.json().count));
        }
        const v2 = await t.app.inject({
          url: '/api/v1/policies/uk-comms-ombudsman/calendar/2027?version=2',
          headers: t.as('handler'),
        });
        assert.equal(v2.statusCode, 200, v2.body);
        assert.equal(v2.json().version, 2);
      });
    });

    test('every error answered above is listed for its operation and status in the document', async () => {
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.deepEqual(undocumented(doc, answered), []);
    });
  });
}

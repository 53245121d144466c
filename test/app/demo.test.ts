// The demo data: loaded through the real use cases on the embedded engine, it covers every
// state, channel and seed policy, keeps a valid audit chain, and loads only once unless reset.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verifyAudit } from '../../src/app/audit/verify-audit.ts';
import { ensureDemo, loadDemo } from '../../src/app/demo/load-demo.ts';
import { PolicyRegistry } from '../../src/app/policy-registry.ts';
import type { Services } from '../../src/composition.ts';
import { CHANNELS, ROLES, STATES } from '../../src/domain/complaint/states.ts';
import { openTestDb, type TestDb } from '../helpers/db.ts';
import { testServices } from '../helpers/services.ts';

const AUDITOR = { id: 'test', role: 'auditor' } as const;

const VIETNAMESE_MARKS = /[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]/i;

describe('demo data (pglite)', () => {
  let t: TestDb;
  let rt: Services;
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const started = new Date();

  const rows = async <T>(sql: string, params: unknown[] = []) =>
    (await rt.db.query<T>(sql, params)).rows;
  const count = async (sql: string) => (await rows<{ n: number }>(sql))[0]!.n;
  const counts = async () => ({
    complaints: await count('select count(*)::int as n from complaints'),
    users: await count('select count(*)::int as n from users'),
    events: await count('select count(*)::int as n from events'),
    customers: await count('select count(*)::int as n from customers'),
  });

  before(async () => {
    t = await openTestDb('pglite');
    const policies = new PolicyRegistry(t.db);
    await policies.syncPresets();
    rt = testServices(t.db, policies, { env: { REDRESS_DEMO: '1' } });
    await ensureDemo(rt, log);
  });
  after(() => t.close());

  test('loads about 300 complaints in every state, under both seed policies, by every channel', async () => {
    assert.ok((await count('select count(*)::int as n from complaints')) >= 250);
    const states = (await rows<{ status: string }>('select distinct status from complaints')).map(
      (r) => r.status,
    );
    assert.deepEqual([...states].sort(), [...STATES].sort());
    const policies = (
      await rows<{ policy_id: string }>('select distinct policy_id from complaints')
    ).map((r) => r.policy_id);
    for (const p of ['uk-comms-ombudsman', 'vn-datacentre']) assert.ok(policies.includes(p), p);
    const channels = (
      await rows<{ channel: string }>('select distinct channel from complaints')
    ).map((r) => r.channel);
    assert.deepEqual([...channels].sort(), [...CHANNELS].sort());
  });

  test('a made-up past sends no receipts or survey invitations: their work is settled', async () => {
    const pending = await count(
      `select count(*)::int as n from scheduled_actions
       where kind = 'auto' and clock_name in ('receipt', 'survey') and handled_at is null`,
    );
    assert.equal(pending, 0);
    const settled = await count(
      `select count(*)::int as n from scheduled_actions where clock_name = 'receipt'`,
    );
    assert.ok(settled > 0, 'the demo registers complaints that would have had a receipt');
  });

  test('Vietnamese customers complain in Vietnamese under the VN policy', async () => {
    const vi = await rows<{ subject: string; description: string; policy_id: string }>(
      `select subject, description, c.policy_id from complaints c join customers k on k.id = c.customer_id
       where k.language = 'vi'`,
    );
    assert.ok(vi.length >= 50, `only ${vi.length} Vietnamese complaints`);
    for (const c of vi) {
      assert.equal(c.policy_id, 'vn-datacentre');
      assert.match(c.subject + c.description, VIETNAMESE_MARKS);
    }
  });

  test('every audit chain verifies and no event lies in the future', async () => {
    const audit = await verifyAudit(rt, AUDITOR);
    assert.equal(audit.broken, null);
    assert.ok(audit.streams > 250);
    const future = await count(`select count(*)::int as n from events where at > now()`);
    assert.equal(future, 0);
    // Each complaint's events are in time order.
    const disorder = await count(
      `select count(*)::int as n from events a join events b
         on b.stream = a.stream and b.stream_seq = a.stream_seq + 1
       where a.complaint_id is not null and b.at < a.at`,
    );
    assert.equal(disorder, 0);
  });

  test('clocks running, met and breached; flags, escalations, ratings, redress and ADR', async () => {
    const clocks = (
      await rows<{ status: string }>('select distinct status from clock_instances')
    ).map((r) => r.status);
    for (const s of ['running', 'met', 'breached']) assert.ok(clocks.includes(s), s);
    for (const flag of ['urgent', 'vulnerable_customer', 'vexatious']) {
      assert.ok(
        (await count(`select count(*)::int as n from complaints where '${flag}' = any(flags)`)) > 0,
        flag,
      );
    }
    assert.ok((await count('select max(escalation_level)::int as n from complaints')) >= 2);
    assert.ok(
      (await count(
        `select count(*)::int as n from complaints where status = 'closed' and satisfaction is not null`,
      )) > 10,
    );
    assert.ok(
      (await count(
        `select count(*)::int as n from complaints where redress->>'acceptedAt' is not null`,
      )) > 10,
    );
    assert.ok(
      (await count(
        `select count(*)::int as n from complaints where adr->>'decision' is not null`,
      )) > 3,
    );
    const overdue = await count(
      'select count(*)::int as n from complaints where is_open and next_due_at < now()',
    );
    assert.ok(overdue > 0, 'some open complaints are overdue');
    const received = await rows<{ oldest: Date; newest: Date }>(
      'select min(received_at) as oldest, max(received_at) as newest from complaints',
    );
    const days = (started.getTime() - received[0]!.oldest.getTime()) / 86_400_000;
    assert.ok(days > 90 && days < 130, `oldest complaint ${days} days old`);
  });

  test('staff exist for every role, department members in their departments', async () => {
    const roles = (await rows<{ role: string }>('select distinct role from users')).map(
      (r) => r.role,
    );
    assert.deepEqual([...roles].sort(), [...ROLES].sort());
    const members = await rows<{ department_id: string | null }>(
      `select department_id from users where role = 'department_member'`,
    );
    assert.ok(members.every((m) => m.department_id));
    assert.ok(lines.some((l) => l.includes('handler@redress.demo')));
    // The console shows the load moving, to the last complaint.
    const progress = lines.filter((l) => /demo complaints: \d+ of \d+/.test(l));
    assert.ok(progress.length >= 2, progress.join('\n'));
    assert.match(progress.at(-1)!, /: (\d+) of \1 taken through their histories/);
  });

  test('a second start adds nothing; a reset loads the same demo again', async () => {
    const first = await counts();
    lines.length = 0;
    await ensureDemo(rt, log);
    assert.deepEqual(await counts(), first);
    assert.match(lines.join('\n'), /demo data is present/);

    // Configuration that survives a reset may name a demo user as its author.
    await rt.db.query(
      `insert into policy_versions (policy_id, version, effective_from, document, origin, created_by)
       select 'demo-copy', 1, effective_from, document, 'administrator',
         (select id from users where email = 'admin@redress.demo')
       from policy_versions where policy_id = 'uk-fca-disp' limit 1`,
    );
    const summary = await loadDemo(rt, log, { reset: true });
    const kept = await rows<{ created_by: string | null }>(
      `select created_by from policy_versions where policy_id = 'demo-copy'`,
    );
    assert.deepEqual(kept, [{ created_by: null }]);
    const again = await counts();
    assert.equal(summary.complaints, first.complaints);
    assert.equal(again.complaints, first.complaints);
    assert.equal(again.users, first.users);
    assert.equal(again.customers, first.customers);
    const refs = await rows<{ reference: string }>(
      'select reference from complaints order by id limit 1',
    );
    assert.match(refs[0]!.reference, /^RD-\d{4}-000001$/);
    assert.equal((await verifyAudit(rt, AUDITOR)).broken, null);
  });
});

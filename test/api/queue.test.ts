// GET /complaints as the queue uses it (each complaint's open clocks, the new filters),
// GET /complaints/views (counts per saved view), bulk assign and transfer, GET /assignees.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';

interface Clock {
  clock: string;
  unit: string | null;
  status: string;
  dueAt: string | null;
  remaining: { amount: number; unit: string } | null;
}
interface Item {
  reference: string;
  timezone: string;
  overdue: boolean;
  clocks: Clock[];
}

for (const engine of engines()) {
  describe(`the queue API (${engine})`, () => {
    let t: TestApp;
    const refs: string[] = [];
    const create = async (overrides: Record<string, unknown>) => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody(overrides),
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json<{ reference: string }>().reference;
    };
    const act = async (ref: string, action: string, payload: unknown = {}) => {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${ref}/actions/${action}`,
        headers: t.as('handler'),
        payload: payload as Record<string, unknown>,
      });
      assert.equal(r.statusCode, 200, r.body);
    };
    const list = async (query: string, role: 'handler' | 'department_member' = 'handler') => {
      const r = await t.app.inject({
        url: `/api/v1/complaints?${query}`,
        headers: t.as(role),
      });
      assert.equal(r.statusCode, 200, r.body);
      return r.json<{ items: Item[] }>().items;
    };

    before(async () => {
      t = await startApp(engine, { now: new Date('2026-03-16T12:00:00Z') });
      refs.push(
        await create({ receivedAt: '2026-03-16T09:00:00Z', category: 'billing' }),
        await create({ receivedAt: '2026-03-10T09:00:00Z', subject: 'Router zeppelin' }),
        await create({ receivedAt: '2026-03-13T09:00:00Z', channel: 'phone' }),
      );
      await act(refs[2]!, 'acknowledge');
      await act(refs[2]!, 'start-investigation');
    });
    after(() => t?.close());

    test('each item carries its open clocks with unit, due instant, state and time left', async () => {
      const items = await list('');
      const fresh = items.find((i) => i.reference === refs[0])!;
      assert.equal(fresh.timezone, 'Europe/London');
      const ack = fresh.clocks.find((c) => c.clock === 'acknowledge');
      assert.ok(ack, JSON.stringify(fresh.clocks));
      assert.equal(ack.unit, 'working_hours');
      assert.equal(ack.status, 'running');
      assert.equal(ack.dueAt, '2026-03-17T09:00:00.000Z');
      assert.equal(ack.remaining?.unit, 'working_hours');
      assert.equal(ack.remaining?.amount, 21);
      // Received on the 10th, unacknowledged by the 16th: its acknowledgement clock is breached.
      const old = items.find((i) => i.reference === refs[1])!;
      assert.equal(old.clocks.find((c) => c.clock === 'acknowledge')?.status, 'breached');
      assert.equal(old.overdue, true);
      // Clocks stopped (acknowledged) are not in the queue's badges.
      const acked = items.find((i) => i.reference === refs[2])!;
      assert.equal(
        acked.clocks.some((c) => c.clock === 'acknowledge'),
        false,
      );
      // Nearest due first within an item.
      const dues = fresh.clocks.map((c) => c.dueAt ?? '~');
      assert.deepEqual(dues, [...dues].sort());
    });

    test('filters: which clock, received between, category', async () => {
      const byClock = await list('clock=acknowledge');
      assert.deepEqual(byClock.map((i) => i.reference).sort(), [refs[0], refs[1]].sort());
      const between = await list(
        `receivedFrom=${encodeURIComponent('2026-03-12T00:00:00Z')}&receivedBefore=${encodeURIComponent('2026-03-14T00:00:00Z')}`,
      );
      assert.deepEqual(
        between.map((i) => i.reference),
        [refs[2]],
      );
      const billing = await list('category=billing');
      assert.deepEqual(
        billing.map((i) => i.reference),
        [refs[0]],
      );
    });

    test('views: each with its query and a count of open complaints for the caller', async () => {
      const r = await t.app.inject({ url: '/api/v1/complaints/views', headers: t.as('handler') });
      assert.equal(r.statusCode, 200, r.body);
      const views = Object.fromEntries(
        r
          .json<{ items: { view: string; count: number; query: Record<string, string> }[] }>()
          .items.map((v) => [v.view, v]),
      );
      assert.equal(views['unassigned']!.count, 3);
      assert.equal(views['overdue']!.count, 1);
      assert.equal(views['mine']!.count, 0);
      assert.equal(views['awaiting-customer']!.count, 0);
      assert.equal(views['my-department'], undefined, 'a handler without a department has none');
      // The query lists exactly the counted complaints.
      const overdue = await list(new URLSearchParams(views['overdue']!.query).toString());
      assert.deepEqual(
        overdue.map((i) => i.reference),
        [refs[1]],
      );
    });

    test('bulk assign by reference changes each complaint', async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints/bulk/assign',
        headers: t.as('handler'),
        payload: { references: [refs[0], refs[1]], assigneeId: t.users.handler.id },
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json().changed.sort(), [refs[0], refs[1]].sort());
      const mine = await list(`assignee=${t.users.handler.id}`);
      assert.equal(mine.length, 2);
    });

    test('bulk transfer of all a filter matches: refusals reported per complaint, the rest changed', async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints/bulk/transfer',
        headers: t.as('handler'),
        payload: { filter: { open: 'true' }, departmentId: 'billing', reason: 'billing dispute' },
      });
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json<{ changed: string[]; refused: { reference: string; code: string }[] }>();
      // Only the investigated complaint may be transferred; the two received ones are refused.
      assert.deepEqual(body.changed, [refs[2]]);
      assert.equal(body.refused.length, 2);
      assert.ok(
        body.refused.every((x) => x.code === 'COMPLAINT.ILLEGAL_TRANSITION'),
        r.body,
      );
      // A department member sees their department's complaints only, whatever they ask for.
      const seen = await list('', 'department_member');
      assert.deepEqual(
        seen.map((i) => i.reference),
        [refs[2]],
      );
      const other = await list('department=network', 'department_member');
      assert.deepEqual(other, []);
    });

    test('bulk: references or filter, not both, not neither', async () => {
      for (const payload of [
        { assigneeId: null },
        { references: [refs[0]], filter: {}, assigneeId: null },
      ]) {
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/v1/complaints/bulk/assign',
          headers: t.as('handler'),
          payload,
        });
        assert.equal(r.statusCode, 400, r.body);
      }
      const auditor = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints/bulk/assign',
        headers: t.as('auditor'),
        payload: { references: [refs[0]], assigneeId: null },
      });
      assert.equal(auditor.statusCode, 403);
    });

    test('a proposed response notifies the managers that their approval is needed', async () => {
      const ref = await create({ receivedAt: '2026-03-16T10:00:00Z' });
      await act(ref, 'acknowledge');
      await act(ref, 'start-investigation');
      await act(ref, 'propose-response', { response: 'We will refund the charge.' });
      const r = await t.app.inject({ url: '/api/v1/notifications', headers: t.as('manager') });
      assert.equal(r.statusCode, 200, r.body);
      const notes = r.json<{ items: { kind: string; reference: string | null }[] }>().items;
      assert.ok(
        notes.some((n) => n.kind === 'approval_needed' && n.reference === ref),
        r.body,
      );
      const views = await t.app.inject({
        url: '/api/v1/complaints/views',
        headers: t.as('manager'),
      });
      const approval = views
        .json<{ items: { view: string; count: number }[] }>()
        .items.find((v) => v.view === 'awaiting-approval');
      assert.equal(approval?.count, 1);
    });

    test('assignees: active handlers and managers, for anyone who works the queue', async () => {
      const r = await t.app.inject({ url: '/api/v1/assignees', headers: t.as('handler') });
      assert.equal(r.statusCode, 200, r.body);
      const roles = r.json<{ items: { role: string }[] }>().items.map((i) => i.role);
      assert.deepEqual([...new Set(roles)].sort(), ['handler', 'manager']);
    });
  });
}

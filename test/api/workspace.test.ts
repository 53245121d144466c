// The case workspace's API: the next step the procedure expects, every clock with its pauses,
// the preview of what an action will send, presence, coordination tasks scoped to departments,
// and @mentions in internal notes.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { complaintBody, startApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';

const NOW = new Date('2026-03-16T10:00:00Z'); // Monday

for (const engine of engines()) {
  describe(`the case workspace API (${engine})`, async () => {
    const t = await startApp(engine, { now: NOW });
    after(() => t.close());

    async function newComplaint(overrides: Record<string, unknown> = {}): Promise<string> {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody({ receivedAt: NOW.toISOString(), ...overrides }),
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().reference;
    }
    const act = async (ref: string, action: string, payload: object = {}, role = 'handler') => {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${ref}/actions/${action}`,
        headers: t.as(role as 'handler'),
        payload,
      });
      assert.equal(r.statusCode, 200, `${action}: ${r.body}`);
    };
    const detail = async (ref: string, role = 'handler') => {
      const r = await t.app.inject({
        url: `/api/v1/complaints/${ref}`,
        headers: t.as(role as 'handler'),
      });
      assert.equal(r.statusCode, 200, r.body);
      return r.json();
    };

    test('the next step is the action that meets the clock due first, from the policy', async () => {
      const ref = await newComplaint();
      const d = await detail(ref);
      const ack = d.deadlines.find((c: { clock: string }) => c.clock === 'acknowledge');
      assert.deepEqual(d.nextStep, {
        action: 'acknowledge',
        allowed: true,
        waitingFor: null,
        clock: 'acknowledge',
        label: ack.label,
        dueAt: '2026-03-17T10:00:00.000Z',
      });
      // An auditor is told the same step, and that it is not theirs to take.
      assert.equal((await detail(ref, 'auditor')).nextStep.allowed, false);
      await act(ref, 'acknowledge');
      const after = await detail(ref);
      assert.notEqual(after.nextStep.clock, 'acknowledge');
      assert.ok(after.deadlines.length > 1, 'every clock is listed, not only the nearest');
    });

    test('while the customer is asked for information, the next step is their answer, not a backstop clock', async () => {
      const ref = await newComplaint();
      await act(ref, 'acknowledge');
      await act(ref, 'start-investigation');
      await act(ref, 'request-information', { questions: ['Which line?'] });
      const d = await detail(ref);
      assert.equal(d.nextStep.waitingFor, 'customer');
      assert.equal(d.nextStep.action, 'receive-information');
      assert.equal(d.nextStep.allowed, true);
      const running = d.deadlines
        .filter((c: { status: string; dueAt: string | null }) => c.status === 'running' && c.dueAt)
        .sort((a: { dueAt: string }, b: { dueAt: string }) => a.dueAt.localeCompare(b.dueAt));
      assert.equal(d.nextStep.clock, running[0].clock, 'the clock that runs meanwhile');
      assert.equal((await detail(ref, 'auditor')).nextStep.allowed, false);
    });

    test('a clock paused while awaiting the customer shows its pause and the time paused', async () => {
      const ref = await newComplaint();
      await act(ref, 'start-investigation');
      await act(ref, 'request-information', { questions: ['Which line?'] });
      t.setNow(new Date(NOW.getTime() + 2 * 3600_000));
      const d = await detail(ref);
      t.setNow(NOW);
      const paused = d.deadlines.filter((c: { status: string }) => c.status === 'paused');
      assert.ok(paused.length > 0, JSON.stringify(d.deadlines));
      for (const c of paused) {
        assert.equal(c.pauses.length, 1);
        assert.equal(c.pauses[0].to, null);
        assert.equal(c.pausedMs, 2 * 3600_000);
      }
    });

    test('the preview shows what an action will send, in the customer’s language', async () => {
      const ref = await newComplaint({
        customer: { name: 'Nguyễn Văn An', email: 'an@example.vn', language: 'vi' },
        policy: 'vn-datacentre',
      });
      await act(ref, 'start-investigation');
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${ref}/action-previews/request-information`,
        headers: t.as('handler'),
        payload: { questions: ['Số hợp đồng của quý khách là gì?'] },
      });
      assert.equal(r.statusCode, 200, r.body);
      const { preview } = r.json();
      assert.equal(preview.language, 'vi');
      assert.equal(preview.method, 'email');
      assert.match(preview.text, /Số hợp đồng của quý khách là gì\?/);
      assert.match(preview.text, new RegExp(ref));
      const note = await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${ref}/action-previews/add-note`,
        headers: t.as('handler'),
        payload: { text: 'internal' },
      });
      assert.equal(note.statusCode, 200, note.body);
      assert.equal(note.json().preview, null, 'a note sends the customer nothing');
    });

    test('presence: each beat answers who else is on the complaint, and a beat goes stale', async () => {
      const ref = await newComplaint();
      const beat = async (role: 'handler' | 'manager', mode: string) => {
        const r = await t.app.inject({
          method: 'POST',
          url: `/api/v1/complaints/${ref}/presence`,
          headers: t.as(role),
          payload: { mode },
        });
        assert.equal(r.statusCode, 200, r.body);
        return r.json().others as { name: string; mode: string }[];
      };
      assert.deepEqual(await beat('handler', 'editing'), []);
      const seen = await beat('manager', 'viewing');
      assert.deepEqual(
        seen.map((o) => [o.name, o.mode]),
        [['handler', 'editing']],
      );
      assert.deepEqual(
        (await beat('handler', 'viewing')).map((o) => o.name),
        ['manager'],
      );
      await beat('manager', 'left');
      assert.deepEqual(await beat('handler', 'viewing'), []);
      await beat('manager', 'viewing');
      t.setNow(new Date(NOW.getTime() + 46_000));
      assert.deepEqual(await beat('handler', 'viewing'), [], 'a beat 46 s old no longer counts');
      t.setNow(NOW);
    });

    test('coordination tasks: a department member sees and completes only their department’s', async () => {
      const ref = await newComplaint();
      const make = async (departmentId: string) => {
        const r = await t.app.inject({
          method: 'POST',
          url: `/api/v1/complaints/${ref}/tasks`,
          headers: t.as('handler'),
          payload: { title: `Check the ${departmentId} logs`, departmentId },
        });
        assert.equal(r.statusCode, 201, r.body);
        return r.json().id as number;
      };
      const billing = await make('billing');
      const network = await make('network');
      const list = await t.app.inject({ url: '/api/v1/tasks', headers: t.as('department_member') });
      assert.equal(list.statusCode, 200, list.body);
      const ids = list.json().items.map((i: { id: number }) => i.id);
      assert.ok(ids.includes(billing));
      assert.ok(!ids.includes(network), 'another department’s task is not listed');
      const other = await t.app.inject({
        method: 'POST',
        url: `/api/v1/tasks/${network}/done`,
        headers: t.as('department_member'),
      });
      assert.equal(other.statusCode, 404, other.body);
      const own = await t.app.inject({
        method: 'POST',
        url: `/api/v1/tasks/${billing}/done`,
        headers: t.as('department_member'),
        payload: { note: 'Logs show the line card failed at 08:02.' },
      });
      assert.equal(own.statusCode, 200, own.body);
      const d = await detail(ref);
      const done = d.tasks.find((x: { id: number }) => x.id === billing);
      assert.equal(done.departmentId, 'billing');
      assert.equal(done.note, 'Logs show the line card failed at 08:02.');
      assert.ok(done.doneAt);
      const unknown = await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${ref}/tasks`,
        headers: t.as('handler'),
        payload: { title: 'x', departmentId: 'nowhere' },
      });
      assert.equal(unknown.statusCode, 422, unknown.body);
    });

    test('an @mention in an internal note notifies that colleague, not the author', async () => {
      const ref = await newComplaint();
      await act(ref, 'add-note', { text: 'Can @manager approve a goodwill credit? cc @handler' });
      const mine = await t.app.inject({ url: '/api/v1/notifications', headers: t.as('manager') });
      const mention = mine
        .json()
        .items.find(
          (n: { kind: string; reference: string }) => n.kind === 'mention' && n.reference === ref,
        );
      assert.ok(mention, mine.body);
      assert.match(mention.message, /handler mentioned you on .*goodwill credit/);
      const author = await t.app.inject({ url: '/api/v1/notifications', headers: t.as('handler') });
      assert.ok(
        !author
          .json()
          .items.some(
            (n: { kind: string; reference: string }) => n.kind === 'mention' && n.reference === ref,
          ),
      );
    });
  });
}

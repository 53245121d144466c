// Work done at once, not at the next interval: a write wakes this process's sweep and outbox
// (so a web complaint's receipt leaves in a moment), on PostgreSQL the other processes' too (a
// web process with no background work wakes the workers), and a wake-up during a step is kept.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WorkSignal } from '../../src/app/work-signal.ts';
import { buildServices } from '../../src/composition.ts';
import { loadConfig } from '../../src/config.ts';
import { workLoop } from '../../src/jobs/loop.ts';
import { startJobs } from '../../src/jobs/services.ts';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { startInbox, type SmtpInbox } from '../helpers/smtp-inbox.ts';

const HOUR = 3_600_000;

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined) {
  for (let i = 0; i < 600; i++) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: not within 30 s`);
}

describe('the work loop', () => {
  test('woken, it runs its step again at once instead of after its interval', async () => {
    let steps = 0;
    const loop = workLoop(
      'test',
      HOUR,
      async () => (steps++, 0),
      () => {},
    );
    await loop.start();
    await until('first step', () => (steps >= 1 ? true : undefined));
    loop.wake();
    await until('step after the wake', () => (steps >= 2 ? true : undefined));
    await loop.stop();
  });

  test('a wake-up while the step runs is kept: the step runs once more after it', async () => {
    let steps = 0;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const loop = workLoop(
      'test',
      HOUR,
      async () => {
        steps++;
        if (steps === 1) await held;
        return 0;
      },
      () => {},
    );
    await loop.start();
    await until('first step started', () => (steps >= 1 ? true : undefined));
    loop.wake(); // the first step has looked already; what woke it would be missed
    release();
    await until('second step', () => (steps >= 2 ? true : undefined));
    await loop.stop();
  });

  test('the signal wakes only the topics named (both when none is)', () => {
    const signal = new WorkSignal();
    const seen: string[] = [];
    const off = signal.subscribe('sweep', () => seen.push('sweep'));
    signal.subscribe('outbox', () => seen.push('outbox'));
    signal.notify('outbox');
    signal.notify();
    off();
    signal.notify('sweep');
    assert.deepEqual(seen, ['outbox', 'sweep', 'outbox']);
  });

  test("another process's announcement wakes the topics it names; this one's own is ignored", async () => {
    const sent: string[] = [];
    const here = new WorkSignal(async (p) => void sent.push(p));
    const there = new WorkSignal();
    const woken: string[] = [];
    there.subscribe('sweep', () => woken.push('sweep'));
    there.subscribe('outbox', () => woken.push('outbox'));
    here.notify('sweep');
    here.notify('sweep', 'outbox'); // the same turn: one announcement
    await new Promise((r) => setImmediate(r));
    assert.equal(sent.length, 1);
    there.received(sent[0]!);
    assert.deepEqual(woken.sort(), ['outbox', 'sweep']);
    woken.length = 0;
    const ownWoken: string[] = [];
    here.subscribe('sweep', () => ownWoken.push('sweep'));
    here.received(sent[0]!);
    there.received('nonsense');
    assert.deepEqual(ownWoken, []);
    assert.deepEqual(woken, []);
  });
});

for (const engine of engines()) {
  describe(`a web complaint's receipt with the background running (${engine})`, () => {
    let t: TestApp;
    let stop: () => Promise<void>;
    let smtp: SmtpInbox;

    before(async () => {
      smtp = await startInbox();
      const port = smtp.port;
      // A sweep that would otherwise look only once an hour.
      t = await startApp(engine, {
        env: { REDRESS_SWEEP_INTERVAL_MS: String(HOUR), SMTP_URL: `smtp://127.0.0.1:${port}` },
      });
      stop = await startJobs(t.services, () => {});
    });
    after(async () => {
      await stop?.();
      t.services.mailer?.close();
      await t?.close();
      await smtp?.close();
    });

    test('is queued by the sweep and sent without waiting for the interval', async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/complaints',
        payload: complaintBody({ customer: { name: 'Quinn Quick', email: 'quinn@example.com' } }),
      });
      assert.equal(r.statusCode, 201, r.body);
      const ref = r.json().reference as string;
      const mail = await until('the receipt in the inbox', () =>
        smtp.mails.find((m) => (m.subject ?? '').includes(ref)),
      );
      assert.equal((mail.to as { text: string }).text, 'quinn@example.com');
    });
  });
}

describe('several processes on one PostgreSQL', { skip: !engines().includes('postgres') }, () => {
  // A web process that runs no background work (REDRESS_WORKER=0) and a worker whose sweep
  // looks once an hour: the worker is woken by the web process's NOTIFY.
  let web: TestApp;
  let stop: () => Promise<void>;
  let worker: ReturnType<typeof buildServices>;
  let smtp: SmtpInbox;

  before(async () => {
    smtp = await startInbox();
    const port = smtp.port;
    web = await startApp('postgres', { env: { REDRESS_SWEEP_INTERVAL_MS: String(HOUR) } });
    worker = buildServices({
      config: loadConfig({
        REDRESS_DEMO: '0',
        LOG_LEVEL: 'silent',
        REDRESS_SWEEP_INTERVAL_MS: String(HOUR),
        SMTP_URL: `smtp://127.0.0.1:${port}`,
      }),
      db: web.db,
      policies: web.services.policies,
    });
    stop = await startJobs(worker, () => {});
  });
  after(async () => {
    await stop?.();
    worker?.mailer?.close();
    await web?.close();
    await smtp?.close();
  });

  test("the web process's complaint is receipted by the worker without waiting for its interval", async () => {
    const r = await web.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: complaintBody({ customer: { name: 'Rhys Remote', email: 'rhys@example.com' } }),
    });
    assert.equal(r.statusCode, 201, r.body);
    const ref = r.json().reference as string;
    const mail = await until('the receipt in the inbox', () =>
      smtp.mails.find((m) => (m.subject ?? '').includes(ref)),
    );
    assert.equal((mail.to as { text: string }).text, 'rhys@example.com');
  });
});

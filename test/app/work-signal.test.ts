// Work done at once, not at the next interval: a write wakes this process's sweep and outbox
// (so a web complaint's receipt leaves in a moment), and a wake-up during a step is not lost.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { WorkSignal } from '../../src/app/work-signal.ts';
import { workLoop } from '../../src/jobs/loop.ts';
import { startJobs } from '../../src/jobs/services.ts';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';

const HOUR = 3_600_000;

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined) {
  for (let i = 0; i < 200; i++) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: not within 10 s`);
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
});

for (const engine of engines()) {
  describe(`a web complaint's receipt with the background running (${engine})`, () => {
    let t: TestApp;
    let stop: () => Promise<void>;
    const mails: ParsedMail[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          mails.push(await simpleParser(Buffer.concat(chunks)));
          callback();
        });
      },
    });

    before(async () => {
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      const port = (smtp.server.address() as { port: number }).port;
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
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
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
        mails.find((m) => (m.subject ?? '').includes(ref)),
      );
      assert.equal((mail.to as { text: string }).text, 'quinn@example.com');
    });
  });
}

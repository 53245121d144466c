// npm run bench:sweep — 10,000 clocks due in the same minute, swept by one worker on
// PostgreSQL (target: all acted on in ≤ 10 s); then the outbox dispatcher sending to a local
// SMTP server (target: ≥ 200 emails/s).
import { SMTPServer } from 'smtp-server';
import pg from 'pg';
import { registerComplaint } from '../src/app/complaints/register-complaint.ts';
import { dispatchOnce } from '../src/app/communications/dispatch-outbox.ts';
import { PolicyRegistry } from '../src/app/policy-registry.ts';
import { runDueActions, SCHEDULER } from '../src/app/scheduler/run-due-actions.ts';
import { buildServices } from '../src/composition.ts';
import { loadConfig } from '../src/config.ts';
import { openPostgres } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { smtpSender } from '../src/mail/outbound/smtp-sender.ts';
import { policySchema } from '../src/domain/policy/schema.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CLOCKS = Number(process.env.BENCH_CLOCKS ?? 10_000);
const EMAILS = Number(process.env.BENCH_EMAILS ?? 5_000);
const name = `redress_bench_sweep_${process.pid}`;

const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
const db = await openPostgres(url.toString(), 10);
try {
  await migrate(db);
  const policy = policySchema.parse({
    id: 'bench-sweep',
    name: 'Bench',
    timezone: 'Europe/London',
    calendar: { holidays: 'GB-ENG' },
    // The clocks' work only: the automatic receipt is not what this measures.
    receipt: { send: false },
    clocks: {
      reply: { amount: 24, unit: 'calendar_hours', onBreach: [{ do: 'notify', role: 'manager' }] },
    },
  });
  await db.query(
    `insert into policy_versions (policy_id, version, effective_from, document) values ($1, 1, '1970-01-01', $2)`,
    [policy.id, JSON.stringify(policy)],
  );
  const policies = new PolicyRegistry(db);
  await policies.reload();

  // 10,000 complaints received within one minute: their clocks fall due within one minute.
  const t0 = Date.parse('2026-03-10T12:00:00Z');
  const services = buildServices({
    config: loadConfig({ REDRESS_DEMO: '0', LOG_LEVEL: 'silent', REDRESS_DATA_DIR: '/tmp' }),
    db,
    policies,
    now: () => new Date(t0 + 120_000),
  });
  let loadStart = Date.now();
  for (let done = 0; done < CLOCKS; done += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, CLOCKS - done) }, (_, i) =>
        registerComplaint(
          services,
          { id: 'system:bench', role: 'system' },
          {
            route: 'staff',
            complaint: {
              policy: 'bench-sweep',
              channel: 'email',
              receivedAt: new Date(t0 + ((done + i) % 60) * 1000).toISOString(),
              customer: { name: `C${done + i}`, email: `c${done + i}@example.com` },
              subject: 'Bench',
              description: 'Bench',
            },
          },
        ),
      ),
    );
  }
  console.log(
    `loaded ${CLOCKS.toLocaleString('en-GB')} complaints in ${((Date.now() - loadStart) / 1000).toFixed(1)} s`,
  );

  const now = new Date(t0 + 25 * 3_600_000);
  const start = Date.now();
  let handled = 0;
  for (;;) {
    const n = await runDueActions(
      { db, policies, now: () => now, workerId: 'bench', config: { mailDomain: 'bench' } },
      SCHEDULER,
      { limit: 200 },
    );
    if (n === 0) break;
    handled += n;
  }
  const sweepSeconds = (Date.now() - start) / 1000;
  console.log(
    `sweep: ${handled.toLocaleString('en-GB')} due clocks acted on in ${sweepSeconds.toFixed(2)} s ` +
      `(${Math.round(handled / sweepSeconds).toLocaleString('en-GB')}/s) — target ≤ 10 s: ${sweepSeconds <= 10 ? 'MET' : 'MISSED'}`,
  );

  // Outbox: queue EMAILS messages, then send them to a local SMTP server that accepts all.
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  loadStart = Date.now();
  await db.query(
    `insert into messages (complaint_id, direction, channel, subject, body_text, body_html, message_id, status, to_address, next_attempt_at)
     select c.id, 'out', 'email', 'Your complaint ' || c.reference, 'Dear customer, we have received your complaint.',
            '<p>Dear customer, we have received your complaint.</p>', '<' || c.reference || '.' || g || '@bench>',
            'queued', 'customer' || g || '@example.com', now() - interval '1 minute'
     from generate_series(1, $1) g join complaints c on c.id = 1 + (g % $2)`,
    [EMAILS, CLOCKS],
  );
  const sender = smtpSender(`smtp://127.0.0.1:${port}`, { pool: 10 });
  const sendStart = Date.now();
  let sent = 0;
  for (;;) {
    const r = await dispatchOnce(
      { db, sender, now: () => new Date(), from: 'bench@localhost' },
      200,
    );
    if (r.claimed === 0) break;
    sent += r.sent;
  }
  const sendSeconds = (Date.now() - sendStart) / 1000;
  sender.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const rate = sent / sendSeconds;
  console.log(
    `dispatcher: ${sent.toLocaleString('en-GB')} emails sent (${received.toLocaleString('en-GB')} received by the SMTP server) in ` +
      `${sendSeconds.toFixed(2)} s = ${Math.round(rate).toLocaleString('en-GB')} emails/s — target ≥ 200/s: ${rate >= 200 ? 'MET' : 'MISSED'}`,
  );
} finally {
  await db.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

// npm run bench:retention — on PostgreSQL: the retention sweep anonymises 100,000 complaints
// whose period has ended (each with its customer, two messages, an event holding personal data
// and, for one in ten, an attachment) — target ≤ 60 s; then one customer's data export with 50
// complaints and 200 attachments — target ≤ 5 s. BENCH_DATABASE_URL, BENCH_COMPLAINTS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { verifyAudit } from '../src/app/audit/verify-audit.ts';
import { DiskFileStore } from '../src/app/files/disk-file-store.ts';
import { PolicyRegistry } from '../src/app/policy-registry.ts';
import { exportCustomerData } from '../src/app/privacy/export-customer-data.ts';
import { sweepRetentionUntilDone } from '../src/app/privacy/sweep-retention.ts';
import { buildServices } from '../src/composition.ts';
import { loadConfig } from '../src/config.ts';
import { openPostgres } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { appendEventsToStreams } from '../src/db/repositories/events.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 100_000);
const name = `redress_bench_retention_${process.pid}`;
const filesDir = mkdtempSync(join(tmpdir(), 'redress-bench-retention-'));

const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
const db = await openPostgres(url.toString(), 10);
const secs = (t: number) => ((Date.now() - t) / 1000).toFixed(2);
try {
  await migrate(db);
  const policies = new PolicyRegistry(db);
  await policies.syncPresets();
  const files = new DiskFileStore(filesDir);
  const now = new Date('2029-01-01T00:00:00Z');
  const services = buildServices({
    config: loadConfig({ REDRESS_DEMO: '0', LOG_LEVEL: 'silent', REDRESS_FILES_DIR: filesDir }),
    db,
    policies,
    files,
    now: () => now,
  });

  // 100,000 complaints closed in 2026 under uk-comms-ombudsman (two years from closing).
  let t = Date.now();
  await db.query(
    `insert into customers (id, name, email, phone, address)
     select 'cust-' || g, 'Customer ' || g, 'customer' || g || '@example.com', '07700 ' || g,
       jsonb_build_array(g || ' High Street', 'Bath')
     from generate_series(1, $1) g`,
    [COMPLAINTS],
  );
  await db.query(
    `insert into complaints (reference, policy_id, policy_version, status, is_open, channel,
       received_at, customer_id, subject, description, remedy_sought, outcome, root_cause,
       tracking_token_hash, closed_at, messages_text)
     select 'RD-BENCH-' || lpad(g::text, 7, '0'), 'uk-comms-ombudsman', 1, 'closed', false, 'email',
       timestamptz '2026-02-01T09:00:00Z' + (g % 1000) * interval '1 minute', 'cust-' || g,
       'Billing error for customer ' || g, 'Customer ' || g || ' says the bill is wrong.',
       'A refund', 'upheld', 'billing_error', 'bench-' || g,
       timestamptz '2026-03-01T09:00:00Z' + (g % 1000) * interval '1 minute', 'reply text'
     from generate_series(1, $1) g`,
    [COMPLAINTS],
  );
  await db.query(
    `insert into messages (complaint_id, direction, channel, subject, body_text, to_address, status, kind, created_at, sent_at)
     select c.id, d.direction, 'email', 'Your complaint ' || c.reference, 'Dear customer, about ' || c.subject,
       case when d.direction = 'out' then 'customer' || c.id || '@example.com' end, 'sent',
       case when d.direction = 'out' then 'acknowledgement' end, c.received_at, c.received_at
     from complaints c cross join (values ('in'), ('out')) as d(direction)`,
  );
  const file = await files.put(Buffer.from('a scanned bill\n'));
  await db.query(
    `insert into attachments (complaint_id, filename, content_type, size, sha256)
     select id, 'bill-' || id || '.txt', 'text/plain', $1, $2 from complaints where id % 10 = 0`,
    [file.size, file.sha256],
  );
  // One chained event per complaint whose data holds personal data (the registration).
  const refs = (
    await db.query<{ id: number; reference: string; received_at: Date }>(
      'select id, reference, received_at from complaints order by id',
    )
  ).rows;
  for (let i = 0; i < refs.length; i += 5000) {
    await db.transaction((tx) =>
      appendEventsToStreams(
        tx,
        refs.slice(i, i + 5000).map((c) => ({
          stream: c.reference,
          complaintId: c.id,
          events: [
            {
              type: 'received',
              actor: { id: 'system:bench', role: 'system' },
              at: c.received_at,
              data: {
                toState: 'received',
                customer: { name: `Customer ${c.id}` },
                subject: 'Billing error',
              },
            },
          ],
        })),
      ),
    );
  }
  console.log(`loaded ${COMPLAINTS.toLocaleString('en-GB')} closed complaints in ${secs(t)} s`);

  if (process.env.BENCH_PROFILE) {
    const times = new Map<string, number>();
    const wrap = (q: { query: (sql: string, params?: unknown[]) => Promise<unknown> }) => {
      const orig = q.query.bind(q);
      q.query = async (sql: string, params?: unknown[]) => {
        const t0 = Date.now();
        try {
          return await orig(sql, params);
        } finally {
          const k = sql.replace(/\s+/g, ' ').slice(0, 70);
          times.set(k, (times.get(k) ?? 0) + Date.now() - t0);
        }
      };
    };
    const tx = db.transaction.bind(db);
    (db as { transaction: typeof db.transaction }).transaction = (fn) =>
      tx((q) => {
        wrap(q as never);
        return fn(q);
      });
    process.on('exit', () => console.log([...times].sort((a, b) => b[1] - a[1]).slice(0, 12)));
  }
  t = Date.now();
  const r = await sweepRetentionUntilDone(services);
  const sweepSeconds = (Date.now() - t) / 1000;
  const left = (
    await db.query<{ n: number }>(
      'select count(*)::int as n from complaints where anonymised_at is null',
    )
  ).rows[0]!.n;
  console.log(
    `retention sweep: ${r.anonymised.toLocaleString('en-GB')} complaints and ${r.customers.toLocaleString('en-GB')} customers anonymised ` +
      `(${r.planned.toLocaleString('en-GB')} planned, ${left} left) in ${sweepSeconds.toFixed(2)} s — target ≤ 60 s: ${sweepSeconds <= 60 && left === 0 ? 'MET' : 'MISSED'}`,
  );
  const sample = await verifyAudit(
    services,
    { id: 'bench', role: 'auditor' },
    { stream: refs[refs.length - 1]!.reference },
  );
  console.log(
    `audit chain of a swept complaint: ${sample.broken ? `BROKEN: ${sample.broken.problem}` : 'verifies'}`,
  );

  // One customer with 50 complaints and 200 attachments (four of 20 kB each per complaint).
  await db.query(
    `insert into customers (id, name, email, address, language) values ('big', 'Big Customer', 'big@example.com', '["1 Long Road"]', 'en')`,
  );
  await db.query(
    `insert into complaints (reference, policy_id, policy_version, status, channel, received_at,
       customer_id, subject, description, tracking_token_hash)
     select 'RD-BIG-' || g, 'uk-comms-ombudsman', 1, 'investigating', 'email',
       timestamptz '2026-06-01T09:00:00Z' + g * interval '1 day', 'big', 'Complaint ' || g,
       'Description ' || g, 'big-' || g
     from generate_series(1, 50) g`,
  );
  await db.query(
    `insert into messages (complaint_id, direction, channel, subject, body_text, to_address, status, created_at)
     select c.id, 'out', 'email', 'About ' || c.reference, 'Dear Big Customer, ' || repeat('words ', 200),
       'big@example.com', 'sent', c.received_at
     from complaints c cross join generate_series(1, 4) where c.customer_id = 'big'`,
  );
  const ids = (
    await db.query<{ id: number }>("select id from complaints where customer_id = 'big'")
  ).rows;
  for (const [k, c] of ids.entries()) {
    for (let j = 0; j < 4; j++) {
      const bytes = Buffer.alloc(20_000, `${k}-${j} scan `);
      const f = await files.put(bytes);
      await db.query(
        `insert into attachments (complaint_id, filename, content_type, size, sha256) values ($1, $2, 'application/octet-stream', $3, $4)`,
        [c.id, `scan-${j}.bin`, f.size, f.sha256],
      );
    }
  }
  t = Date.now();
  const out = await exportCustomerData(
    services,
    { id: 'bench', role: 'administrator' },
    { customerId: 'big' },
  );
  const exportSeconds = (Date.now() - t) / 1000;
  console.log(
    `export: 50 complaints, 200 attachments, ${out.files.length} files, ${(out.zip.length / 1e6).toFixed(1)} MB ZIP in ` +
      `${exportSeconds.toFixed(2)} s — target ≤ 5 s: ${exportSeconds <= 5 ? 'MET' : 'MISSED'}`,
  );
} finally {
  await db.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
  rmSync(filesDir, { recursive: true, force: true });
}

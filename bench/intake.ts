// npm run bench:intake — complaints registered per second through HTTP POST /api/v1/complaints
// (the real server in a child process, a handler's bearer token, the SPEC §6 minimal body with a
// unique subject and email per request) at 1, 8 and 32 concurrent clients, against two
// references at the same concurrency for the same time: a plain `pg` pool writing the rows one
// complaint writes (customer, complaint, event, clocks, the sweep's mark) in one transaction per
// complaint (bench/intake-reference.ts, into a second database migrated the same way), and the
// raw limit of this machine, one ~500-byte row per transaction. Targets: intake ≥ 50% of the
// complaint reference at 8 and 32 clients, and ≥ 1,500 complaints/s at 32. Afterwards it checks
// that the database holds exactly one complaint per 201 answer.
//
// Environment: BENCH_DATABASE_URL (admin connection), BENCH_SECONDS (10), BENCH_CLIENTS
// (1,8,32), REDRESS_DB_POOL (the server's pool, 10), BENCH_CPU_PROF=<dir> (profile the server).
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openPostgres, type Db } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { referenceRate, type Rate } from './intake-reference.ts';
import {
  createBenchDatabase,
  envNumber,
  fmtInt,
  fmtMs,
  percentile,
  startServerChild,
  staffToken,
  type ServerChild,
} from './harness.ts';

const SECONDS = envNumber('BENCH_SECONDS', 10);
const LEVELS = (process.env.BENCH_CLIENTS ?? '1,8,32').split(',').map((s) => Number(s.trim()));
const POOL = String(envNumber('REDRESS_DB_POOL', 10));
const TARGET = 0.5;
/** The levels the ratio target applies to, and the rate wanted at the highest. */
const TARGET_LEVELS = [8, 32];
const TARGET_RATE_AT_32 = 1500;

interface Measured {
  rate: number;
  p50: number;
  p99: number;
  count: number;
  seconds: number;
  failures: number;
}

/** Every answer the load generator saw, across all runs (for the check at the end). */
const answers = {
  created: 0,
  otherStatus: new Map<number, number>(),
  references: new Set<string>(),
};
let serial = 0;
const runId = randomBytes(3).toString('hex');

function complaintBody() {
  const n = `${runId}-${++serial}`;
  return JSON.stringify({
    policy: 'uk-comms-ombudsman',
    channel: 'email',
    customer: { name: `Customer ${n}`, email: `customer-${n}@bench.example` },
    subject: `Line dead since Tuesday ${n}`,
    description: 'My phone line has not worked since Tuesday.',
  });
}

/** One autocannon run of `amount` registrations; throughput from our own clock (first request
 *  to last answer), latency from autocannon's histogram. */
async function intakeRun(origin: string, token: string, clients: number, amount: number) {
  let last = 0;
  let failures = 0;
  let created = 0;
  const started = performance.now();
  const instance = autocannon({
    url: origin,
    connections: clients,
    amount,
    timeout: 60,
    sampleInt: 100,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/complaints',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        setupRequest: (req) => ({ ...req, body: complaintBody() }),
        onResponse: (status, body) => {
          last = performance.now();
          if (status === 201) {
            created++;
            answers.created++;
            const ref = /"reference":"([^"]+)"/.exec(body)?.[1];
            if (ref) answers.references.add(ref);
          } else {
            failures++;
            answers.otherStatus.set(status, (answers.otherStatus.get(status) ?? 0) + 1);
          }
        },
      },
    ],
  });
  // Bounded in time whatever happens: a run that takes far too long is stopped.
  const guard = setTimeout(() => instance.stop(), (SECONDS * 4 + 10) * 1000);
  const result = await instance;
  clearTimeout(guard);
  const seconds = ((last || performance.now()) - started) / 1000;
  return {
    rate: created / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    count: created,
    seconds,
    failures: failures + result.errors,
  } satisfies Measured;
}

async function intake(origin: string, token: string, clients: number): Promise<Measured> {
  // Warm-up (JIT, connections, caches) that also estimates the rate, so the measured run can
  // be sized to about SECONDS: runs of a fixed count finish every request they start, which
  // keeps the count of 201 answers exact.
  const warm = await intakeRun(origin, token, clients, Math.max(200, clients * 25));
  const amount = Math.max(clients * 20, Math.round(warm.rate * SECONDS));
  return intakeRun(origin, token, clients, amount);
}

/** The one-row limit: `clients` connections each committing one ~500-byte row per transaction. */
async function raw(url: string, clients: number): Promise<Measured> {
  const pool = new pg.Pool({ connectionString: url, max: clients });
  const payload = randomBytes(375).toString('base64'); // 500 characters
  const run = async (seconds: number, latencies: number[] | null) => {
    const end = performance.now() + seconds * 1000;
    let count = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          await pool.query('insert into bench_raw (payload) values ($1)', [payload]);
          latencies?.push(performance.now() - t);
          count++;
        }
      }),
    );
    return count;
  };
  try {
    await run(1, null); // warm-up
    const latencies: number[] = [];
    const started = performance.now();
    const count = await run(SECONDS, latencies);
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      rate: count / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      count,
      seconds,
      failures: 0,
    };
  } finally {
    await pool.end();
  }
}

async function verify(db: Db): Promise<boolean> {
  const counts = await db.query<{ n: number; subjects: number; received: number }>(
    `select count(*)::int as n, count(distinct subject)::int as subjects,
       (select count(*)::int from events where type = 'received') as received
     from complaints`,
  );
  const { n, subjects, received } = counts.rows[0]!;
  const refs = await db.query<{ reference: string }>('select reference from complaints');
  const stored = new Set(refs.rows.map((r) => r.reference));
  let missing = 0;
  for (const r of answers.references) if (!stored.has(r)) missing++;
  const ok =
    n === answers.created &&
    subjects === n &&
    received === n &&
    answers.references.size === answers.created &&
    missing === 0;
  console.log('');
  console.log(
    `check: ${fmtInt(answers.created)} answers 201, ${fmtInt(n)} complaints stored ` +
      `(${fmtInt(subjects)} distinct subjects, ${fmtInt(received)} 'received' events), ` +
      `${fmtInt(answers.references.size)} distinct references answered, ${missing} of them not stored`,
  );
  const other = [...answers.otherStatus].map(([s, c]) => `${c}×${s}`).join(', ');
  if (other) console.log(`       other answers: ${other}`);
  console.log(`check: ${ok ? 'OK — nothing lost, nothing duplicated' : 'FAILED'}`);
  return ok;
}

async function main() {
  const bench = await createBenchDatabase('intake');
  const refBench = await createBenchDatabase('intake_reference');
  let db: Db | null = null;
  let server: ServerChild | null = null;
  try {
    db = await openPostgres(bench.url, 2);
    await migrate(db);
    await db.exec(
      `create table bench_raw (id bigint generated always as identity primary key,
         payload text not null, created_at timestamptz not null default now())`,
    );
    const refDb = await openPostgres(refBench.url, 1);
    await migrate(refDb);
    await refDb.close();
    const { token } = await staffToken(db, 'handler');
    server = await startServerChild(bench.url, { REDRESS_DB_POOL: POOL });

    console.log(
      `intake benchmark: POST /api/v1/complaints (server in a child process, REDRESS_DB_POOL=${POOL}) ` +
        `vs a plain pg pool writing one complaint's rows per transaction (database ${refBench.name}) ` +
        `and vs one-row commits (pg pool = clients), ${SECONDS} s per level; ` +
        `load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
    const header = [
      'clients'.padStart(7),
      'intake/s'.padStart(9),
      'reference/s'.padStart(11),
      'ratio'.padStart(6),
      'one-row/s'.padStart(9),
      'intake p50/p99 ms'.padStart(18),
      'ref p50/p99 ms'.padStart(15),
      'target'.padStart(18),
    ].join('  ');
    const lines: string[] = [];
    let allMet = true;
    for (const clients of LEVELS) {
      const a = await intake(server.origin, token, clients);
      const r: Rate = await referenceRate(refBench.url, clients, SECONDS);
      const b = await raw(bench.url, clients);
      const ratio = a.rate / r.rate;
      const wanted = TARGET_LEVELS.includes(clients)
        ? `≥50%${clients === 32 ? ` & ≥${fmtInt(TARGET_RATE_AT_32)}/s` : ''}`
        : '';
      const met =
        !wanted ||
        (ratio >= TARGET && a.failures === 0 && (clients !== 32 || a.rate >= TARGET_RATE_AT_32));
      allMet &&= met;
      const line = [
        String(clients).padStart(7),
        fmtInt(a.rate).padStart(9),
        fmtInt(r.rate).padStart(11),
        `${Math.round(ratio * 100)}%`.padStart(6),
        fmtInt(b.rate).padStart(9),
        `${fmtMs(a.p50)} / ${fmtMs(a.p99)}`.padStart(18),
        `${fmtMs(r.p50)} / ${fmtMs(r.p99)}`.padStart(15),
        (wanted ? `${wanted} ${met ? 'MET' : 'MISSED'}` : '—').padStart(18),
      ].join('  ');
      lines.push(line);
      console.log(
        `  ${clients} clients: ${fmtInt(a.count)} complaints in ${a.seconds.toFixed(1)} s` +
          `${a.failures ? ` (${a.failures} failed)` : ''}; reference ${fmtInt(r.count)} in ` +
          `${r.seconds.toFixed(1)} s; ${fmtInt(b.count)} one-row commits in ${b.seconds.toFixed(1)} s`,
      );
    }
    console.log('');
    console.log(header);
    for (const l of lines) console.log(l);
    console.log('');
    console.log(
      `targets (intake ≥ 50% of the complaint reference at ${TARGET_LEVELS.join(' and ')} clients, ` +
        `≥ ${fmtInt(TARGET_RATE_AT_32)}/s at 32): ${allMet ? 'MET' : 'MISSED'}; ` +
        `load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );

    await server.stop(); // waits for requests in flight
    server = null;
    await verify(db);
  } finally {
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
    await bench.drop();
    await refBench.drop();
  }
}

await main();

// npm run bench:queue — the staff reads at production size. Loads 1,000,000 complaints (200,000
// open) with COPY straight into customers / complaints / clock_instances (and events for a
// sample of complaints, whose detail is then read), analyses, starts the real server in a child
// process and measures, with sequential requests over loopback, p50/p95 of: the queue, one
// department's queue, full-text search for a word found in 0.1% of complaints, a complaint's
// detail, the managers' inbox counts and the escalations inbox, and the queue's second page by
// cursor. Targets: p95 ≤ 20 ms (≤ 50 ms for search),
// server RSS ≤ 300 MB.
//
// Environment: BENCH_DATABASE_URL (admin connection), BENCH_COMPLAINTS (1000000),
// BENCH_REQUESTS (300 per endpoint), BENCH_KEEP=1 (keep the database redress_bench_queue).
import { createHash } from 'node:crypto';
import http from 'node:http';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { PolicyRegistry } from '../src/app/policy-registry.ts';
import { openPostgres, type Db } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { dataDigest, eventHash, GENESIS } from '../src/domain/audit/chain.ts';
import { auditKey } from '../src/db/audit-key.ts';
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

const N = Math.round(envNumber('BENCH_COMPLAINTS', 1_000_000));
const OPEN = Math.round(N / 5); // 200,000 of 1,000,000
const REQUESTS = Math.round(envNumber('BENCH_REQUESTS', 300));
const WARMUP = 30;
const DETAIL_SAMPLE = Math.min(10_000, N); // complaints given a timeline (events) for the detail reads
const CUSTOMERS = Math.round(N * 0.7); // some customers complain more than once
const NOW = Date.now();
const DAY = 86_400_000;
const DEPARTMENTS = ['billing', 'network', 'sales', 'support', 'datacentre', 'field-service'];
const ASSIGNEES = 20;
/** The word searched for: in exactly 0.1% of complaints, never produced by the vocabulary. */
const RARE = 'zeppelin';

// Deterministic pseudo-random numbers (xorshift32), so every run loads the same data.
let state = 0x2545f491;
const rand = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
};
/** Runs a row generator on its own random sequence, so streams copied side by side (their rows
 *  generated interleaved) still produce the same data on every run. */
function* seeded<T>(seed: number, rows: Iterable<T>): Generator<T> {
  const it = rows[Symbol.iterator]();
  let own = seed;
  for (;;) {
    const outer = state;
    state = own;
    const r = it.next();
    own = state;
    state = outer;
    if (r.done) return;
    yield r.value;
  }
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const weighted = <T>(entries: readonly (readonly [T, number])[]): (() => T) => {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  return () => {
    let r = rand() * total;
    for (const [v, w] of entries) if ((r -= w) < 0) return v;
    return entries[entries.length - 1]![0];
  };
};

// --- vocabulary: real complaint words, then made-up ones, drawn with a skew (a few are common)
const REAL = `account bill billing charge charged refund payment direct debit invoice overcharged
  line broadband internet connection slow outage down dropped fault engineer appointment missed
  router modem wifi signal speed contract cancel cancellation notice fee early termination
  service phone mobile landline number porting transfer email password login access website
  portal order delivery installation late delay waiting weeks days hours response reply called
  told promised again still never nobody manager supervisor complaint unhappy disappointed poor
  rude staff agent advisor chat hold queue minutes credit compensation apology explain reason
  error wrong incorrect duplicate twice missing lost data server rack power cooling datacentre
  backup restore migration ticket escalate urgent business customers office home moved address
  letter post statement balance arrears debt collection threatened vulnerable elderly disabled
  hearing contact changed tariff price increase discount offer renewal upgrade downgrade device
  handset repair replacement warranty broken faulty returned shipping courier parcel`
  .split(/\s+/)
  .filter(Boolean);
const SYLLABLES = 'ka lo mi ne ru sa te vo zi pa da fe gu ho ji be co di fo ga'.split(' ');
const vocabulary = [...new Set(REAL)];
while (vocabulary.length < 3000) {
  const w = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SYLLABLES)).join('');
  if (w !== RARE && !vocabulary.includes(w)) vocabulary.push(w);
}
const word = () => vocabulary[Math.floor(vocabulary.length * rand() ** 3)]!;
const words = (n: number) => Array.from({ length: n }, word).join(' ');

// --- value distributions
const OPEN_STATES = weighted([
  ['received', 8],
  ['acknowledged', 20],
  ['investigating', 35],
  ['awaiting_customer', 10],
  ['awaiting_department', 10],
  ['response_proposed', 5],
  ['responded', 7],
  ['reopened', 3],
  ['escalated', 2],
] as const);
const CLOSED_STATES = weighted([
  ['closed', 80],
  ['resolved_on_first_contact', 10],
  ['withdrawn', 5],
  ['referred_to_adr', 3],
  ['deadlocked', 2],
] as const);
const OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld'] as const;
const UK_CHANNELS = weighted([
  ['email', 45],
  ['web', 25],
  ['phone', 20],
  ['post', 5],
  ['api', 5],
] as const);
const VN_CHANNELS = weighted([
  ['phone', 50],
  ['email', 45],
  ['in_person', 5],
] as const);
const UK_FIRST_CLOCKS = ['acknowledge', 'acknowledge_post', 'phone_written_reply'];
const FIRST_CLOCK: Record<string, string> = {
  email: 'acknowledge',
  web: 'acknowledge',
  api: 'acknowledge',
  post: 'acknowledge_post',
  phone: 'phone_written_reply',
};

const iso = (ms: number) => new Date(ms).toISOString();
const customerId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const receivedAtOf = (i: number, open: boolean) =>
  open
    ? NOW - 90 * DAY + Math.floor(((i - (N - OPEN * 1.25)) / (OPEN * 1.25)) * 88 * DAY)
    : NOW - 3 * 365 * DAY + Math.floor((i / N) * 3 * 365 * DAY);
/** The most recent complaints are mostly open: 4 in 5 of the last 250,000 (per million). */
const isOpenAt = (i: number) => i >= N - OPEN * 1.25 && i % 5 !== 0;

interface Generated {
  /** References of the complaints that have a timeline (read in detail). */
  detailRefs: string[];
}

/** Streams text rows (COPY text format) into `sql` on `client`, in chunks of ~1 MB. */
async function copy(client: pg.Client, sql: string, rows: Iterable<string>): Promise<void> {
  function* chunks() {
    let buf: string[] = [];
    for (const r of rows) {
      buf.push(r);
      if (buf.length >= 2000) {
        yield buf.join('');
        buf = [];
      }
    }
    if (buf.length) yield buf.join('');
  }
  await pipeline(Readable.from(chunks()), client.query(copyStreams.from(sql)));
}

const N_ = '\\N';

/** Loads the benchmark's complaints into an empty, migrated database (bench/queue-render.ts
 *  reuses it). */
export async function load(
  url: string,
  db: Db,
): Promise<{ g: Generated; phases: [string, number][] }> {
  const phases: [string, number][] = [];
  let t = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases.push([name, (now - t) / 1000]);
    t = now;
  };

  const policies = new PolicyRegistry(db);
  await policies.syncPresets();
  for (const d of DEPARTMENTS)
    await db.query('insert into departments (id, name) values ($1, $2)', [d, d.replace('-', ' ')]);
  const handler = await staffToken(db, 'handler');
  const assignees: string[] = [];
  for (let a = 0; a < ASSIGNEES; a++)
    assignees.push((await staffToken(db, 'handler', pick(DEPARTMENTS))).id);
  // The version in force on each day (the version a complaint is bound to at receipt).
  const versionCache = new Map<string, number>();
  const versionAt = (policy: string, ms: number) => {
    const key = `${policy}|${Math.floor(ms / DAY)}`;
    let v = versionCache.get(key);
    if (v === undefined) {
      v = policies.at(policy, new Date(ms)).version;
      versionCache.set(key, v);
    }
    return v;
  };

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const second = new pg.Client({ connectionString: url });
  await second.connect();
  try {
    // Bulk-load settings for this session only: no wait for the WAL flush per COPY, room to
    // build indexes, and (superuser) no per-row foreign-key triggers — the generated rows
    // are consistent by construction.
    for (const c of [client, second]) {
      await c.query(`set synchronous_commit = off`);
      await c.query(`set maintenance_work_mem = '512MB'`);
      await c.query(`set session_replication_role = replica`).catch(() => {});
    }
    // Secondary indexes are dropped for the load and rebuilt after it (much faster than
    // maintaining them row by row); their definitions are read back from the catalogue.
    const secondary = (
      await client.query<{ name: string; def: string }>(
        `select indexname as name, indexdef as def from pg_indexes i
         where schemaname = 'public' and tablename in ('customers', 'complaints', 'clock_instances', 'events')
           and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
      )
    ).rows;
    for (const ix of secondary) await client.query(`drop index ${ix.name}`);
    phase('setup');

    await copy(
      client,
      'copy customers (id, name, email, phone, preferred_contact, language, vulnerable, created_at) from stdin',
      (function* () {
        for (let c = 0; c < CUSTOMERS; c++) {
          const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
          const email = rand() < 0.9 ? `customer${c}@example.${c % 3 === 0 ? 'vn' : 'co.uk'}` : N_;
          const phone =
            email === N_ || rand() < 0.3 ? `07${(c % 1e9).toString().padStart(9, '0')}` : N_;
          const contact = email === N_ ? 'phone' : 'email';
          const language = c % 3 === 0 && rand() < 0.6 ? 'vi' : 'en';
          const created = iso(NOW - 3 * 365 * DAY + Math.floor((c / CUSTOMERS) * 3 * 365 * DAY));
          yield `${customerId(c)}\t${name}\t${email}\t${phone}\t${contact}\t${language}\t${rand() < 0.02 ? 't' : 'f'}\t${created}\n`;
        }
      })(),
    );
    phase('customers');

    const detailIds = new Set<number>();
    while (detailIds.size < DETAIL_SAMPLE) detailIds.add(1 + Math.floor(rand() * N));
    // What the clock rows need of each complaint, kept compactly for the second pass.
    const receivedOf = new Float64Array(N);
    const dueOf = new Float64Array(N); // next_due_at, NaN when closed
    const closedOf = new Float64Array(N); // closed_at, NaN when open
    const clockOf = new Uint8Array(N); // 0: VN policy, else 1 + index of the UK first clock
    const timelines: { id: number; reference: string; at: number; closedAt: number | null }[] = [];
    const complaintRows = function* (from: number, to: number) {
      for (let i = from; i < to; i++) {
        const id = i + 1;
        const open = isOpenAt(i);
        const received = receivedAtOf(i, open);
        const uk = rand() < 0.7;
        const policy = uk ? 'uk-comms-ombudsman' : 'vn-datacentre';
        const channel = uk ? UK_CHANNELS() : VN_CHANNELS();
        const status = open ? OPEN_STATES() : CLOSED_STATES();
        const reference = `RD-${new Date(received).getUTCFullYear()}-${String(id).padStart(6, '0')}`;
        const nextDue = open ? NOW - 60 * DAY + Math.floor(rand() * 120 * DAY) : null;
        const closedAt = open ? null : received + Math.floor((3 + rand() * 50) * DAY);
        const department = rand() < 0.9 ? pick(DEPARTMENTS) : N_;
        const assignee = open && rand() < 0.7 ? pick(assignees) : N_;
        const flags = rand() < 0.03 ? '{urgent}' : rand() < 0.02 ? '{vulnerable_customer}' : '{}';
        let subject = words(4 + Math.floor(rand() * 5));
        let description = words(20 + Math.floor(rand() * 25));
        if (i % 1000 === 537) {
          if (rand() < 0.5) subject = `${subject} ${RARE}`;
          else description = `${words(5)} ${RARE} ${description}`;
        }
        const customer = customerId(Math.floor((i / N) * CUSTOMERS + rand() * 1000) % CUSTOMERS);
        const token = createHash('sha256').update(`bench-token-${id}`).digest('hex');
        const updated = closedAt ?? received + Math.floor(rand() * 5 * DAY);
        yield `${id}\t${reference}\t${policy}\t${versionAt(policy, received)}\t${status}\t${open ? 't' : 'f'}\t${
          status === 'escalated' ? 1 : 0
        }\t${flags}\t${channel}\t${iso(received)}\t${customer}\t${uk ? 'en' : pick(['vi', 'en'])}\t${subject}\t${description}\t${department}\t${assignee}\t${
          closedAt && status === 'closed' ? pick(OUTCOMES) : N_
        }\t${token}\t${nextDue === null ? N_ : iso(nextDue)}\t${handler.id}\t${iso(received)}\t${iso(updated)}\t${
          closedAt === null ? N_ : iso(closedAt)
        }\n`;
        receivedOf[i] = received;
        dueOf[i] = nextDue ?? NaN;
        closedOf[i] = closedAt ?? NaN;
        clockOf[i] = uk ? 1 + UK_FIRST_CLOCKS.indexOf(FIRST_CLOCK[channel]!) : 0;
        if (detailIds.has(id)) timelines.push({ id, reference, at: received, closedAt });
      }
    };
    // Two streams side by side: to_tsvector for the generated search column costs PostgreSQL
    // most of the load, and this uses both cores.
    const half = Math.floor(N / 2);
    await Promise.all(
      (
        [
          [client, 0, half],
          [second, half, N],
        ] as const
      ).map(([c, from, to], k) =>
        copy(
          c,
          `copy complaints (id, reference, policy_id, policy_version, status, is_open, escalation_level, flags,
             channel, received_at, customer_id, language, subject, description, department_id, assignee_id,
             outcome, tracking_token_hash, next_due_at, created_by, created_at, updated_at, closed_at) from stdin`,
          seeded(0x9e3779b9 + k, complaintRows(from, to)),
        ),
      ),
    );
    timelines.sort((a, b) => a.id - b.id);
    phase('complaints');

    // Clocks: the acknowledgement met within a day, the resolution clock (and the UK deadlock
    // clock) running towards next_due_at while open, all met when closed.
    let clockCount = 0;
    const clockRows = function* (from: number, to: number) {
      for (let i = from; i < to; i++) {
        const id = i + 1;
        const received = receivedOf[i]!;
        const open = Number.isNaN(closedOf[i]!);
        const stop = open ? N_ : iso(closedOf[i]!);
        const state = open ? 'running' : 'met';
        const started = iso(received);
        if (clockOf[i]) {
          const due = open ? dueOf[i]! : received + 30 * DAY;
          clockCount += 3;
          yield `${id}\t${UK_FIRST_CLOCKS[clockOf[i]! - 1]}\t${started}\t${iso(received + DAY)}\t{}\t${iso(received + 0.8 * DAY)}\tmet\n`;
          yield `${id}\ttarget_resolution\t${started}\t${iso(due)}\t{${iso(due - 7 * DAY)}}\t${stop}\t${state}\n`;
          yield `${id}\tdeadlock\t${started}\t${iso(due + 28 * DAY)}\t{}\t${stop}\t${state}\n`;
        } else {
          const due = open ? dueOf[i]! : received + 28 * DAY;
          clockCount += 1;
          yield `${id}\tresolution\t${started}\t${iso(due)}\t{${iso(due - 5 * DAY)}}\t${stop}\t${state}\n`;
        }
      }
    };
    await Promise.all(
      (
        [
          [client, 0, half],
          [second, half, N],
        ] as const
      ).map(([c, from, to]) =>
        copy(
          c,
          'copy clock_instances (complaint_id, name, started_at, due_at, warn_at, stopped_at, status) from stdin',
          clockRows(from, to),
        ),
      ),
    );
    phase(`clock_instances (${fmtInt(clockCount)})`);

    // A timeline for the sample read in detail, hash-chained as the application writes it.
    let eventCount = 0;
    await copy(
      client,
      `copy events (stream, stream_seq, complaint_id, type, actor_id, actor_role, at, reason, public, data,
         data_digest, prev_hash, hash) from stdin`,
      (function* () {
        for (const c of timelines) {
          const steps: [string, number, Record<string, unknown>][] = [
            ['received', c.at, { toState: 'received', route: 'staff' }],
            ['acknowledged', c.at + 0.8 * DAY, { toState: 'acknowledged' }],
            ['assigned', c.at + 1 * DAY, { assigneeId: pick(assignees) }],
            ['investigation_started', c.at + 2 * DAY, { toState: 'investigating' }],
            ['note_added', c.at + 3 * DAY, { note: words(12) }],
          ];
          if (c.closedAt !== null) {
            steps.push(['responded', c.closedAt - DAY, { toState: 'responded' }]);
            steps.push(['closed', c.closedAt, { toState: 'closed' }]);
          }
          let prev = GENESIS;
          for (const [k, [type, at, data]] of steps.entries()) {
            const e = {
              stream: c.reference,
              streamSeq: k + 1,
              complaintId: c.id,
              hashVersion: 1 as const, // written as version 1 rows (COPY sets no hash_version)
              recordedAt: null,
              type,
              actorId: handler.id,
              actorRole: 'handler',
              at: new Date(at),
              reason: null,
              public: type !== 'note_added' && type !== 'assigned',
              data,
            };
            const digest = dataDigest(data);
            const hash = eventHash({ ...e, dataDigest: digest }, prev, auditKey());
            eventCount++;
            yield `${e.stream}\t${e.streamSeq}\t${c.id}\t${type}\t${handler.id}\thandler\t${iso(at)}\t${N_}\t${e.public ? 't' : 'f'}\t${JSON.stringify(data)}\t${digest}\t${prev}\t${hash}\n`;
            prev = hash;
          }
        }
      })(),
    );
    phase(`events (${fmtInt(eventCount)}, for ${fmtInt(timelines.length)} complaints)`);

    await client.query(`select setval('complaint_number', $1)`, [N]);
    for (const table of ['complaints', 'clock_instances', 'events']) {
      await client.query(
        `select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 1))`,
      );
    }
    // Rebuild the secondary indexes on two connections (the full-text one is the slowest).
    const byCost = [...secondary].sort(
      (a, b) => Number(b.def.includes('gin')) - Number(a.def.includes('gin')),
    );
    const queues: [pg.Client, string[]][] = [
      [client, []],
      [second, []],
    ];
    byCost.forEach((ix, k) => queues[k === 0 ? 0 : 1]![1].push(ix.def));
    await Promise.all(
      queues.map(async ([c, defs]) => {
        for (const def of defs) await c.query(def);
      }),
    );
    phase(`indexes (${secondary.length} rebuilt)`);
    // The requests waiting for a manager (the inboxes): an escalation request on 1 in 200 open
    // complaints, a deadlock letter to decide on 1 in 50 deadlocked ones.
    await client.query(
      `insert into tasks (complaint_id, kind, title, created_at)
       select id, 'review_escalation_request', 'Decide on the request for escalation', now()
         from complaints where is_open and id % 200 = 0
       union all
       select id, 'decide_deadlock', 'Decide the deadlock letter', now()
         from complaints where status = 'deadlocked' and id % 50 = 0`,
    );
    phase('inbox tasks');
    await client.query('vacuum analyze');
    phase('vacuum analyze');
    return { g: { detailRefs: timelines.map((c) => c.reference) }, phases };
  } finally {
    await client.end();
    await second.end();
  }
}

const FIRST_NAMES =
  `Ann Ben Chloe Dan Emma Femi George Hana Ian Jade Kofi Lan Minh Nga Oliver Phuong Quang
  Rosa Sam Thu Uma Viet Will Xuan Yen Zoe`.split(/\s+/);
const LAST_NAMES =
  `Smith Jones Taylor Brown Williams Wilson Evans Nguyen Tran Le Pham Hoang Huynh Vo Dang
  Bui Patel Khan Murphy Walker`.split(/\s+/);

// --- measurement
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(
  origin: string,
  path: string,
  token: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${origin}${path}`,
      { agent, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (b: Buffer) => parts.push(b));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

interface Endpoint {
  name: string;
  target: number;
  path: () => string;
  check?: (body: string) => string | null;
}

async function measure(origin: string, token: string, e: Endpoint) {
  const times: number[] = [];
  let failures = 0;
  let problem: string | null = null;
  for (let k = 0; k < WARMUP + REQUESTS; k++) {
    const path = e.path();
    const t = performance.now();
    const r = await get(origin, path, token);
    const ms = performance.now() - t;
    if (r.status !== 200) {
      failures++;
      problem ??= `${r.status} for ${path}: ${r.body.slice(0, 200)}`;
    } else if (e.check) problem ??= e.check(r.body);
    if (k >= WARMUP) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    failures,
    problem,
  };
}

async function main() {
  const bench = await createBenchDatabase('queue');
  let db: Db | null = null;
  let server: ServerChild | null = null;
  try {
    db = await openPostgres(bench.url, 2);
    await migrate(db);
    console.log(
      `queue benchmark: ${fmtInt(N)} complaints (${fmtInt(OPEN)} open), ${REQUESTS} sequential requests ` +
        `per endpoint after ${WARMUP} warm-up, database ${bench.name}; load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
    const t0 = performance.now();
    const { g, phases } = await load(bench.url, db);
    const loadSeconds = (performance.now() - t0) / 1000;
    console.log(
      `load: ${loadSeconds.toFixed(1)} s (${fmtInt(N / loadSeconds)} complaints/s overall)`,
    );
    for (const [name, s] of phases)
      console.log(`  ${name.padEnd(44)} ${s.toFixed(1).padStart(6)} s`);
    const sizes = await db.query<{ t: string; n: number; size: string }>(
      `select t, (select count(*)::int from complaints where is_open) as n,
         pg_size_pretty(pg_total_relation_size(t::regclass)) as size
       from unnest(array['complaints', 'customers', 'clock_instances', 'events']) as t`,
    );
    console.log(
      `  sizes: ${sizes.rows.map((r) => `${r.t} ${r.size}`).join(', ')}; open complaints: ${fmtInt(sizes.rows[0]!.n)}`,
    );
    const rare = await db.query<{ n: number }>(
      `select count(*)::int as n from complaints where search @@ plainto_tsquery('simple', $1)`,
      [RARE],
    );
    console.log(
      `  "${RARE}" appears in ${fmtInt(rare.rows[0]!.n)} complaints (${((100 * rare.rows[0]!.n) / N).toFixed(2)}%)`,
    );

    const { token } = await staffToken(db, 'handler');
    server = await startServerChild(bench.url);
    const rssStart = server.rssMb();
    const origin = server.origin;

    const first = JSON.parse(
      (await get(origin, '/api/v1/complaints?open=true&sort=next_due&limit=50', token)).body,
    ) as { items: unknown[]; nextCursor: string | null };
    if (!first.nextCursor) throw new Error('the queue has no second page');
    const detailRefs = g.detailRefs;
    let d = 0;
    const items = (min: number) => (body: string) => {
      const n = (JSON.parse(body) as { items: unknown[] }).items.length;
      return n >= min ? null : `expected ${min} items, got ${n}`;
    };
    const endpoints: Endpoint[] = [
      {
        name: 'queue (open, next due, 50)',
        target: 20,
        path: () => '/api/v1/complaints?open=true&sort=next_due&limit=50',
        check: items(50),
      },
      {
        name: "a department's queue",
        target: 20,
        path: () =>
          `/api/v1/complaints?open=true&sort=next_due&limit=50&department=${DEPARTMENTS[d++ % DEPARTMENTS.length]}`,
        check: items(50),
      },
      {
        name: `search "${RARE}" (0.1%)`,
        target: 50,
        path: () => `/api/v1/complaints?q=${RARE}`,
        check: (body) => {
          const r = JSON.parse(body) as { items: { subject: string }[] };
          return r.items.length === 50 ? null : `expected 50 matches, got ${r.items.length}`;
        },
      },
      {
        name: 'detail (random reference)',
        target: 20,
        path: () => `/api/v1/complaints/${pick(detailRefs)}`,
        check: (body) => {
          const r = JSON.parse(body) as { timeline: unknown[]; deadlines: unknown[] };
          return r.timeline.length >= 5 && r.deadlines.length >= 1 ? null : 'no timeline or clocks';
        },
      },
      {
        name: 'inbox counts (4 views)',
        target: 50,
        path: () => '/api/v1/complaints/views?set=inbox',
        check: (body) =>
          (JSON.parse(body) as { items: { count: number }[] }).items.length === 4
            ? null
            : 'expected 4 inboxes',
      },
      {
        name: 'escalations inbox (50)',
        target: 20,
        path: () => '/api/v1/complaints?task=review_escalation_request&limit=50',
        check: items(50),
      },
      {
        name: 'second page (cursor)',
        target: 20,
        path: () =>
          `/api/v1/complaints?open=true&sort=next_due&limit=50&cursor=${encodeURIComponent(first.nextCursor!)}`,
        check: items(50),
      },
    ];

    console.log('');
    console.log(
      `${'endpoint'.padEnd(30)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'target p95'.padStart(11)}  result`,
    );
    let allMet = true;
    for (const e of endpoints) {
      const r = await measure(origin, token, e);
      const met = r.p95 <= e.target && r.failures === 0 && !r.problem;
      allMet &&= met;
      console.log(
        `${e.name.padEnd(30)} ${fmtMs(r.p50).padStart(8)} ${fmtMs(r.p95).padStart(8)} ${fmtMs(r.p99).padStart(8)} ${`≤ ${e.target} ms`.padStart(11)}  ${met ? 'MET' : 'MISSED'}` +
          (r.problem ? `  (${r.failures} failed; ${r.problem})` : ''),
      );
    }
    const rss = server.rssMb();
    const peak = server.peakRssMb();
    const rssMet = peak <= 300;
    allMet &&= rssMet;
    console.log('');
    console.log(
      `server RSS: ${rss.toFixed(0)} MB now, ${peak.toFixed(0)} MB peak (${rssStart.toFixed(0)} MB at start); target ≤ 300 MB: ${rssMet ? 'MET' : 'MISSED'}`,
    );
    console.log(
      `all targets: ${allMet ? 'MET' : 'MISSED'}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    agent.destroy();
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
    if (process.env.BENCH_KEEP === '1') console.log(`kept database ${bench.name} (${bench.url})`);
    else await bench.drop();
  }
}

// Run as a script (npm run bench:queue), not when another benchmark imports the loader.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

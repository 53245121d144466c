// The reference for intake: a plain `pg` pool writing the rows one registration writes — the
// customer, the complaint, its `received` event (hash-chained), its clocks and its mark for the
// sweep to plan — in one transaction per complaint, into a database migrated like the server's.
// No HTTP, no validation, no batching: what the database costs for one complaint at a time.
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { resolvePolicy } from '../src/app/policies.ts';
import { chainEvent } from '../src/db/repositories/events.ts';
import { GENESIS } from '../src/domain/audit/chain.ts';
import { earliestOpenDue, replayClocks } from '../src/domain/clocks/policy-clocks.ts';
import { percentile } from './harness.ts';

export interface Rate {
  rate: number;
  p50: number;
  p99: number;
  count: number;
  seconds: number;
}

const run = randomBytes(3).toString('hex');
let serial = 0;

/** The rows of one complaint, as registration writes them (only names and keys vary). */
async function complaintRows() {
  const receivedAt = new Date();
  const policy = await resolvePolicy('uk-comms-ombudsman', receivedAt);
  const clocks = replayClocks(
    policy,
    'email',
    [{ type: 'received', at: receivedAt, toState: 'received' }],
    receivedAt,
  );
  return { policy, receivedAt, clocks, nextDue: earliestOpenDue(clocks) };
}

type Template = Awaited<ReturnType<typeof complaintRows>>;

async function writeOne(client: pg.PoolClient, t: Template): Promise<void> {
  const n = `${run}-${++serial}`;
  const reference = `RF-${n}`;
  const customerId = randomUUID();
  await client.query('begin');
  try {
    await client.query(
      `insert into customers (id, name, email, phone, address, preferred_contact, language, needs, vulnerable)
       values ($1, $2, $3, null, '[]', 'email', 'en', null, false)`,
      [customerId, `Customer ${n}`, `customer-${n}@bench.example`],
    );
    const inserted = await client.query<{ id: number }>(
      `insert into complaints (reference, policy_id, policy_version, status, channel, received_at, customer_id,
         language, subject, description, people_involved, departments_involved, subject_user_ids,
         tracking_token_hash, next_due_at)
       values ($1, $2, $3, 'received', 'email', $4, $5, 'en', $6, $7, '[]', '{}', '{}', $8, $9)
       returning id`,
      [
        reference,
        t.policy.id,
        t.policy.version,
        t.receivedAt,
        customerId,
        `Line dead since Tuesday ${n}`,
        'My phone line has not worked since Tuesday.',
        randomBytes(32).toString('hex'),
        t.nextDue,
      ],
    );
    const id = inserted.rows[0]!.id;
    const e = chainEvent(
      reference,
      1,
      id,
      {
        type: 'received',
        actor: { id: 'bench', role: 'handler' },
        at: t.receivedAt,
        public: true,
        data: { channel: 'email', policy: t.policy.id, policyVersion: t.policy.version },
      },
      GENESIS,
      new Date(),
    );
    await client.query(
      `insert into events (stream, stream_seq, complaint_id, type, actor_id, actor_role, at, reason, public, data, data_digest, prev_hash, hash)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        e.stream,
        e.stream_seq,
        id,
        e.type,
        e.actor_id,
        e.actor_role,
        e.at,
        e.reason,
        e.public,
        JSON.stringify(e.data),
        e.data_digest,
        e.prev_hash,
        e.hash,
      ],
    );
    const values: unknown[] = [];
    const tuples = t.clocks.map((c, i) => {
      values.push(id, c.name, c.startedAt, c.dueAt, c.warnAt, '[]', c.status);
      const b = i * 7;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::timestamptz[], $${b + 6}::jsonb, $${b + 7})`;
    });
    await client.query(
      `insert into clock_instances (complaint_id, name, started_at, due_at, warn_at, pauses, status)
       values ${tuples.join(', ')}`,
      values,
    );
    await client.query('insert into unplanned_complaints (complaint_id) values ($1)', [id]);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  }
}

/** `clients` connections, each writing one complaint per transaction, for `seconds`. */
export async function referenceRate(url: string, clients: number, seconds: number): Promise<Rate> {
  const t = await complaintRows();
  const pool = new pg.Pool({ connectionString: url, max: clients });
  const runFor = async (s: number, latencies: number[] | null) => {
    const end = performance.now() + s * 1000;
    let count = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        const client = await pool.connect();
        try {
          while (performance.now() < end) {
            const started = performance.now();
            await writeOne(client, t);
            latencies?.push(performance.now() - started);
            count++;
          }
        } finally {
          client.release();
        }
      }),
    );
    return count;
  };
  try {
    await runFor(1, null); // warm-up
    const latencies: number[] = [];
    const started = performance.now();
    const count = await runFor(seconds, latencies);
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      rate: count / elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      count,
      seconds: elapsed,
    };
  } finally {
    await pool.end();
  }
}

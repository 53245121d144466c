// Registering a complaint: the customer (matched by email or created), the complaint bound to
// the policy version in force at receipt, its `received` event and its clocks — one transaction.
// Concurrent registrations are committed together (group commit) by the IntakeBatcher.
import type { Db, Queryable } from '../../db/client.ts';
import { GENESIS } from '../../domain/audit/chain.ts';
import { chainEvent } from '../audit.ts';
import { dueWorkOf, earliestOpenDue, replayClocks } from '../../domain/clocks/policy-clocks.ts';
import { newId, newSecret, sha256 } from '../crypto.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import type { CreateComplaintInput } from './schemas.ts';

export interface Actor {
  id: string;
  role: string;
}

export interface Registration {
  actor: Actor;
  input: CreateComplaintInput;
  /** Who registered it: staff or an integration, or the public web form. */
  route: 'staff' | 'public';
  idempotencyKey?: string;
}

export interface Registered {
  reference: string;
  status: string;
  policy: { id: string; version: number };
  receivedAt: string;
  deadlines: { clock: string; dueAt: string | null }[];
  trackingToken: string;
}

export interface RegisterDeps {
  db: Db;
  policies: PolicyRegistry;
  now: () => Date;
}

/** Checks everything that needs no database, so a bad registration never spoils a batch. */
function prepare(deps: RegisterDeps, registration: Registration) {
  // The web form cannot route or assign its own complaint, nor name staff as its subject.
  const r: Registration =
    registration.route === 'public'
      ? {
          ...registration,
          input: {
            ...registration.input,
            assigneeId: undefined,
            departmentId: undefined,
            subjectUserIds: undefined,
          },
        }
      : registration;
  const now = deps.now();
  const receivedAt =
    r.route === 'public' || !r.input.receivedAt ? now : new Date(r.input.receivedAt);
  if (receivedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new AppError('COMPLAINT.RECEIVED_IN_FUTURE', 'receivedAt lies in the future');
  }
  const policy = deps.policies.at(r.input.policy, receivedAt);
  if (receivedAt.getTime() < EARLIEST_RECEIPT) {
    throw new AppError(
      'COMPLAINT.RECEIVED_TOO_EARLY',
      'receivedAt lies before 2000: no complaint this old can be registered',
    );
  }
  const channel = r.route === 'public' ? 'web' : r.input.channel;
  if (!policy.intake.channels.includes(channel)) {
    throw new AppError(
      'COMPLAINT.CHANNEL_NOT_ACCEPTED',
      `policy ${policy.id} does not take complaints by ${channel}; it takes ${policy.intake.channels.join(', ')}`,
    );
  }
  const clocks = replayClocks(
    policy,
    channel,
    [{ type: 'received', at: receivedAt, toState: 'received' }],
    now,
  );
  return { ...r, now, receivedAt, policy, channel, clocks, token: newSecret() };
}
type Prepared = ReturnType<typeof prepare>;

function requestHash(r: Registration): string {
  return sha256(JSON.stringify({ route: r.route, input: r.input }));
}

// A batch is written by one statement whatever its size (data-modifying CTEs, so it commits or
// fails as a whole): it matches customers by email, inserts the new ones, the complaints, their
// `received` events, their clocks and the sweep's work for them, and the idempotency keys. Rows
// go in as one JSON array per table (jsonb_to_recordset): a fixed number of parameters.
//
// A customer is matched by email as PostgreSQL lowers it (the earliest customer not anonymised);
// registrations of one batch with the same new email share the customer the first one creates.
const WRITE_BATCH = `
with input as (
  select * from jsonb_to_recordset($1::jsonb) as r(ord integer, id text, name text, email text,
    phone text, address jsonb, preferred_contact text, language text, needs text, vulnerable boolean)
), known as (
  select k, (select c.id from customers c where lower(c.email) = k and c.anonymised_at is null
             order by c.created_at limit 1) as id
  from (select distinct lower(email) as k from input where email is not null) e
), first_of_email as (
  select distinct on (lower(email)) lower(email) as k, id from input where email is not null
  order by lower(email), ord
), resolved as (
  select i.*, coalesce(kn.id, f.id, i.id) as customer_id
  from input i left join known kn on kn.k = lower(i.email) left join first_of_email f on f.k = lower(i.email)
), new_customers as (
  insert into customers (id, name, email, phone, address, preferred_contact, language, needs, vulnerable)
  select id, name, email, phone, address, preferred_contact, language, needs, vulnerable
  from resolved where customer_id = id
), new_complaints as (
  insert into complaints (reference, policy_id, policy_version, status, channel, received_at, customer_id,
    language, subject, description, product, category, remedy_sought, immediate_action, people_involved,
    departments_involved, subject_user_ids, assignee_id, department_id, tracking_token_hash, created_by,
    next_due_at)
  select r.reference, r.policy_id, r.policy_version, 'received', r.channel, r.received_at, c.customer_id,
    r.language, r.subject, r.description, r.product, r.category, r.remedy_sought, r.immediate_action,
    r.people_involved, r.departments_involved, r.subject_user_ids, r.assignee_id, r.department_id,
    r.tracking_token_hash, r.created_by, r.next_due_at
  from jsonb_to_recordset($2::jsonb) as r(ord integer, reference text, policy_id text,
    policy_version integer, channel text, received_at timestamptz, language text, subject text,
    description text, product text, category text, remedy_sought text, immediate_action text,
    people_involved jsonb, departments_involved text[], subject_user_ids text[], assignee_id text,
    department_id text, tracking_token_hash text, created_by text, next_due_at timestamptz)
  join resolved c on c.ord = r.ord
  returning id, reference
), new_events as (
  insert into events (stream, stream_seq, complaint_id, type, actor_id, actor_role, at, reason, public,
    data, data_digest, prev_hash, hash)
  select e.stream, e.stream_seq, c.id, e.type, e.actor_id, e.actor_role, e.at, e.reason, e.public,
    e.data, e.data_digest, e.prev_hash, e.hash
  from jsonb_to_recordset($3::jsonb) as e(stream text, stream_seq integer, type text, actor_id text,
    actor_role text, at timestamptz, reason text, public boolean, data jsonb, data_digest text,
    prev_hash text, hash text)
  join new_complaints c on c.reference = e.stream
), new_clocks as (
  insert into clock_instances (complaint_id, name, started_at, due_at, warn_at, pauses, stopped_at, status)
  select c.id, k.name, k.started_at, k.due_at, k.warn_at, k.pauses, k.stopped_at, k.status
  from jsonb_to_recordset($4::jsonb) as k(reference text, name text, started_at timestamptz,
    due_at timestamptz, warn_at timestamptz[], pauses jsonb, stopped_at timestamptz, status text)
  join new_complaints c on c.reference = k.reference
), new_actions as (
  insert into scheduled_actions (complaint_id, clock_name, kind, seq, due_at)
  select c.id, a.clock_name, a.kind, a.seq, a.due_at
  from jsonb_to_recordset($5::jsonb) as a(reference text, clock_name text, kind text, seq integer,
    due_at timestamptz)
  join new_complaints c on c.reference = a.reference
), new_keys as (
  insert into idempotency_keys (actor_id, key, request_hash, response_status, response_body)
  select actor_id, key, request_hash, 201, response_body
  from jsonb_to_recordset($6::jsonb) as r(actor_id text, key text, request_hash text, response_body jsonb)
)
select count(*)::int as n from new_complaints`;

/**
 * Numbers for references from the complaint_number sequence. While registrations keep coming
 * (another within BUSY_MS), a reserve of a few dozen is topped up in the background so the next
 * batch does not wait a round trip for its numbers; an occasional registration takes exactly
 * the numbers it needs. As with any sequence, numbers can be skipped (a reserve left when the
 * process stops), and they are unique, not in order of receipt across processes.
 */
class ReferenceNumbers {
  private reserve: string[] = [];
  private refill: Promise<void> | null = null;
  private lastTake = -Infinity;

  constructor(
    private readonly db: Queryable,
    private readonly ahead = 32,
  ) {}

  async take(n: number): Promise<string[]> {
    const now = performance.now();
    const busy = now - this.lastTake < BUSY_MS;
    this.lastTake = now;
    // While busy, keep two to four batches of this size in reserve (at least `ahead`).
    const want = Math.max(this.ahead, 4 * n);
    while (this.reserve.length < n) await this.topUp((busy ? want : n) - this.reserve.length);
    const taken = this.reserve.splice(0, n);
    if (busy && this.reserve.length < want / 2)
      void this.topUp(want - this.reserve.length).catch(() => {});
    return taken;
  }

  private topUp(count: number): Promise<void> {
    this.refill ??= this.db
      .query<{ n: string }>(
        `select nextval('complaint_number')::text as n from generate_series(1, $1::int)`,
        [count],
      )
      .then((r) => {
        this.reserve.push(...r.rows.map((row) => row.n));
      })
      .finally(() => {
        this.refill = null;
      });
    return this.refill;
  }
}
const BUSY_MS = 50;

/** Writes a batch of prepared registrations (see above); resolves in the batch's order. */
async function insertBatch(
  db: Queryable,
  numbers: ReferenceNumbers,
  batch: readonly Prepared[],
): Promise<Registered[]> {
  const taken = await numbers.take(batch.length);
  const customers: Record<string, unknown>[] = [];
  const complaints: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const clocks: Record<string, unknown>[] = [];
  const actions: Record<string, unknown>[] = [];
  const keys: Record<string, unknown>[] = [];
  const results = batch.map((p, ord): Registered => {
    const c = p.input.customer;
    const language = c.language ?? p.policy.languages[0];
    customers.push({
      ord,
      id: newId(), // used if no customer has this email yet
      name: c.name,
      email: c.email ?? null,
      phone: c.phone ?? null,
      address: c.address ?? [],
      preferred_contact:
        c.preferredContact ?? (c.email ? 'email' : c.address?.length ? 'post' : 'phone'),
      language,
      needs: c.needs ?? null,
      vulnerable: c.vulnerable ?? false,
    });
    const reference = `RD-${p.receivedAt.getUTCFullYear()}-${taken[ord]!.padStart(6, '0')}`;
    complaints.push({
      ord,
      reference,
      policy_id: p.policy.id,
      policy_version: p.policy.version,
      channel: p.channel,
      received_at: p.receivedAt,
      language,
      subject: p.input.subject,
      description: p.input.description,
      product: p.input.product ?? null,
      category: p.input.category ?? null,
      remedy_sought: p.input.remedySought ?? null,
      immediate_action: p.input.immediateAction ?? null,
      people_involved: p.input.peopleInvolved ?? [],
      departments_involved: p.input.departmentsInvolved ?? [],
      subject_user_ids: p.input.subjectUserIds ?? [],
      assignee_id: p.input.assigneeId ?? null,
      department_id: p.input.departmentId ?? null,
      tracking_token_hash: sha256(p.token),
      // Only a staff member is a user; a system actor (mail intake) registers as no one.
      created_by: p.route === 'staff' && p.actor.role !== 'system' ? p.actor.id : null,
      next_due_at: earliestOpenDue(p.clocks),
    });
    // The first event of a new stream (the reference is new): sequence 1, linked to GENESIS.
    const { complaint_id: _none, ...event } = chainEvent(
      reference,
      1,
      null,
      {
        type: 'received',
        actor: p.actor,
        at: p.receivedAt,
        public: true,
        data: {
          channel: p.channel,
          policy: p.policy.id,
          policyVersion: p.policy.version,
          fromState: 'received',
          toState: 'received',
          route: p.route,
          registeredAt: p.now.toISOString(),
        },
      },
      GENESIS,
    );
    events.push(event);
    for (const k of p.clocks) {
      clocks.push({
        reference,
        name: k.name,
        started_at: k.startedAt,
        due_at: k.dueAt,
        warn_at: k.warnAt,
        pauses: k.pauses,
        stopped_at: k.stoppedAt,
        status: k.status,
      });
    }
    // The sweep's work, as syncScheduledActions writes it for a complaint that has none yet.
    for (const w of dueWorkOf(p.clocks)) {
      actions.push({ reference, clock_name: w.clock, kind: w.kind, seq: w.seq, due_at: w.due });
    }
    const result: Registered = {
      reference,
      status: 'received',
      policy: { id: p.policy.id, version: p.policy.version },
      receivedAt: p.receivedAt.toISOString(),
      deadlines: p.clocks.map((k) => ({ clock: k.name, dueAt: k.dueAt?.toISOString() ?? null })),
      trackingToken: p.token,
    };
    if (p.idempotencyKey) {
      keys.push({
        actor_id: p.actor.id,
        key: p.idempotencyKey,
        request_hash: requestHash(p),
        response_body: result,
      });
    }
    return result;
  });
  const written = await db.query<{ n: number }>(WRITE_BATCH, [
    JSON.stringify(customers),
    JSON.stringify(complaints),
    JSON.stringify(events),
    JSON.stringify(clocks),
    JSON.stringify(actions),
    JSON.stringify(keys),
  ]);
  if (written.rows[0]?.n !== batch.length)
    throw new Error('a registration batch was not written whole');
  return results;
}

/** A stored answer for an idempotency key, or null; a key reused for another body is refused. */
async function replay(db: Queryable, r: Registration): Promise<Registered | null> {
  if (!r.idempotencyKey) return null;
  const found = await db.query<{ request_hash: string; response_body: Registered }>(
    'select request_hash, response_body from idempotency_keys where actor_id = $1 and key = $2',
    [r.actor.id, r.idempotencyKey],
  );
  const row = found.rows[0];
  if (!row) return null;
  if (row.request_hash !== requestHash(r)) {
    throw new AppError(
      'IDEMPOTENCY.KEY_REUSED',
      'this Idempotency-Key was already used for a different request',
    );
  }
  return row.response_body;
}

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
const EARLIEST_RECEIPT = Date.parse('2000-01-01T00:00:00Z');

/** A reference to a department or user that does not exist: the caller's mistake, named. */
function unknownReference(err: unknown): AppError | null {
  const e = err as { code?: string; constraint?: string; detail?: string };
  if (e.code !== FOREIGN_KEY_VIOLATION) return null;
  const what = e.constraint?.includes('department')
    ? 'departmentId: no such department'
    : e.constraint?.includes('assignee')
      ? 'assigneeId: no such user'
      : `an unknown reference (${e.detail ?? e.constraint ?? 'foreign key'})`;
  return new AppError('COMPLAINT.UNKNOWN_REFERENCE', what);
}

/**
 * Collects registrations that arrive together and commits them together (group commit): a
 * batch is one statement whatever its size, and up to `maxInFlight` batches are written at
 * once, so the next batch gathers while one waits for its commit. If a batch fails, each of its
 * registrations is retried alone, so one bad registration never takes others down with it.
 */
export class IntakeBatcher {
  private queue: { p: Prepared; resolve: (r: Registered) => void; reject: (e: unknown) => void }[] =
    [];
  private inFlight = 0;
  private readonly numbers: ReferenceNumbers;

  constructor(
    private readonly deps: RegisterDeps,
    private readonly maxBatch = 128,
    private readonly maxInFlight = 2,
  ) {
    this.numbers = new ReferenceNumbers(deps.db);
  }

  async register(r: Registration): Promise<Registered> {
    const stored = await replay(this.deps.db, r);
    if (stored) return stored;
    const p = prepare(this.deps, r);
    return new Promise<Registered>((resolve, reject) => {
      this.queue.push({ p, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight++;
      void this.write(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async write(batch: IntakeBatcher['queue']): Promise<void> {
    try {
      const results = await insertBatch(
        this.deps.db,
        this.numbers,
        batch.map((item) => item.p),
      );
      batch.forEach((item, i) => item.resolve(results[i]!));
    } catch {
      for (const item of batch) await this.one(item);
    }
  }

  private async one(item: IntakeBatcher['queue'][number]): Promise<void> {
    try {
      item.resolve((await insertBatch(this.deps.db, this.numbers, [item.p]))[0]!);
    } catch (err) {
      // The same key committed meanwhile by a concurrent request: answer as it was answered.
      if ((err as { code?: string }).code === UNIQUE_VIOLATION && item.p.idempotencyKey) {
        try {
          const stored = await replay(this.deps.db, item.p);
          if (stored) return item.resolve(stored);
        } catch (e) {
          return item.reject(e);
        }
      }
      item.reject(unknownReference(err) ?? err);
    }
  }
}

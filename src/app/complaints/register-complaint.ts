// Registering a complaint: the customer (matched by email or created), the complaint bound to
// the policy version in force at receipt, its `received` event and its clocks — one transaction.
// Concurrent registrations are committed together (group commit) by the IntakeBatcher.
import type { Db, Queryable } from '../../db/client.ts';
import { saveClocks } from '../../db/repositories/complaints.ts';
import { replayClocks } from '../../domain/clocks/policy-clocks.ts';
import { appendEvents } from '../audit.ts';
import { newId, newSecret, sha256 } from '../crypto.ts';
import { AppError, invalid } from '../errors.ts';
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
function prepare(deps: RegisterDeps, r: Registration) {
  const now = deps.now();
  const receivedAt =
    r.route === 'public' || !r.input.receivedAt ? now : new Date(r.input.receivedAt);
  if (receivedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw invalid('COMPLAINT.RECEIVED_IN_FUTURE', 'receivedAt lies in the future');
  }
  const policy = deps.policies.at(r.input.policy, receivedAt);
  const channel = r.route === 'public' ? 'web' : r.input.channel;
  if (!policy.intake.channels.includes(channel)) {
    throw invalid(
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

async function findCustomerId(tx: Queryable, email: string | undefined): Promise<string | null> {
  if (!email) return null;
  const r = await tx.query<{ id: string }>(
    'select id from customers where lower(email) = lower($1) and anonymised_at is null order by created_at limit 1',
    [email],
  );
  return r.rows[0]?.id ?? null;
}

async function insertOne(tx: Queryable, p: Prepared): Promise<Registered> {
  const c = p.input.customer;
  let customerId = await findCustomerId(tx, c.email);
  if (!customerId) {
    customerId = newId();
    await tx.query(
      `insert into customers (id, name, email, phone, address, preferred_contact, language, needs, vulnerable)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        customerId,
        c.name,
        c.email ?? null,
        c.phone ?? null,
        JSON.stringify(c.address ?? []),
        c.preferredContact ?? (c.email ? 'email' : c.address?.length ? 'post' : 'phone'),
        c.language ?? p.policy.languages[0],
        c.needs ?? null,
        c.vulnerable ?? false,
      ],
    );
  }
  const year = p.receivedAt.getUTCFullYear();
  const inserted = await tx.query<{ id: number; reference: string }>(
    `insert into complaints (reference, policy_id, policy_version, status, channel, received_at, customer_id,
       language, subject, description, product, category, remedy_sought, immediate_action, people_involved,
       departments_involved, subject_user_ids, assignee_id, department_id, tracking_token_hash, created_by)
     values ('RD-' || $1::text || '-' || lpad(nextval('complaint_number')::text, 6, '0'), $2, $3, 'received', $4, $5,
       $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
     returning id, reference`,
    [
      year,
      p.policy.id,
      p.policy.version,
      p.channel,
      p.receivedAt,
      customerId,
      c.language ?? p.policy.languages[0],
      p.input.subject,
      p.input.description,
      p.input.product ?? null,
      p.input.category ?? null,
      p.input.remedySought ?? null,
      p.input.immediateAction ?? null,
      JSON.stringify(p.input.peopleInvolved ?? []),
      p.input.departmentsInvolved ?? [],
      p.input.subjectUserIds ?? [],
      p.input.assigneeId ?? null,
      p.input.departmentId ?? null,
      sha256(p.token),
      // Only a staff member is a user; a system actor (mail intake) registers as no one.
      p.route === 'staff' && p.actor.role !== 'system' ? p.actor.id : null,
    ],
  );
  const { id, reference } = inserted.rows[0]!;
  await appendEvents(tx, reference, id, [
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
  ]);
  await saveClocks(tx, id, p.clocks);
  const result: Registered = {
    reference,
    status: 'received',
    policy: { id: p.policy.id, version: p.policy.version },
    receivedAt: p.receivedAt.toISOString(),
    deadlines: p.clocks.map((k) => ({ clock: k.name, dueAt: k.dueAt?.toISOString() ?? null })),
    trackingToken: p.token,
  };
  if (p.idempotencyKey) {
    await tx.query(
      `insert into idempotency_keys (actor_id, key, request_hash, response_status, response_body)
       values ($1, $2, $3, 201, $4)`,
      [p.actor.id, p.idempotencyKey, requestHash(p), JSON.stringify(result)],
    );
  }
  return result;
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
      'unprocessable',
      'IDEMPOTENCY.KEY_REUSED',
      'this Idempotency-Key was already used for a different request',
    );
  }
  return row.response_body;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Collects registrations that arrive together and commits them in one transaction. If the
 * batch fails, each is retried alone, so one bad registration never takes others down with it.
 */
export class IntakeBatcher {
  private queue: { p: Prepared; resolve: (r: Registered) => void; reject: (e: unknown) => void }[] =
    [];
  private running = false;

  constructor(
    private readonly deps: RegisterDeps,
    private readonly maxBatch = 64,
  ) {}

  async register(r: Registration): Promise<Registered> {
    const stored = await replay(this.deps.db, r);
    if (stored) return stored;
    const p = prepare(this.deps, r);
    return new Promise<Registered>((resolve, reject) => {
      this.queue.push({ p, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const results = await this.deps.db.transaction(async (tx) => {
            const out: Registered[] = [];
            for (const item of batch) out.push(await insertOne(tx, item.p));
            return out;
          });
          batch.forEach((item, i) => item.resolve(results[i]!));
        } catch {
          for (const item of batch) await this.one(item);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async one(item: IntakeBatcher['queue'][number]): Promise<void> {
    try {
      item.resolve(await this.deps.db.transaction((tx) => insertOne(tx, item.p)));
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
      item.reject(err);
    }
  }
}

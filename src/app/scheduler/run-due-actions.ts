// The deadline sweep's one step: claim due work (FOR UPDATE SKIP LOCKED), do what the policy
// says — warn, record the breach at its true instant, escalate, flag, deadlock, send the
// communication by the customer's preferred method (again at an interval, for progress
// reports) — and mark it handled, all in one transaction. Any number of workers may run it.
import type { Db, Queryable } from '../../db/client.ts';
import {
  findCustomer,
  lockComplaintById,
  type ComplaintRow,
} from '../../db/repositories/complaints.ts';
import {
  claimDueActions,
  markHandledMany,
  scheduleAction,
  type ScheduledActionRow,
} from '../../db/repositories/scheduled-actions.ts';
import { calendarFor } from '../../domain/clocks/policy-clocks.ts';
import { dueWithoutPauses } from '../../domain/clocks/deadline.ts';
import { isOpen, type ActionType } from '../../domain/complaint/lifecycle.ts';
import type { BreachAction, Policy } from '../../domain/policy/schema.ts';
import { appendEventsToStreams, type NewEvent } from '../audit.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { applyActionToRow } from '../complaints/apply-complaint-action.ts';
import { composeCommunication } from '../communications/compose-communication.ts';
import { deliveryMethod, queueCommunication } from '../communications/queue-communication.ts';
import type { CommunicationKind } from '../communications/types.ts';

export interface SweepDeps {
  db: Db;
  policies: PolicyRegistry;
  now: () => Date;
  /** Names this worker in the records it leaves. */
  workerId: string;
  mailDomain: string;
}

const SYSTEM = { id: 'system:scheduler', role: 'system' as const };

/**
 * What a batch writes, gathered so that the common work (warnings, breaches, notifications)
 * costs a few statements per batch rather than per item. It is flushed before any action that
 * reads the database afresh (a lifecycle change, a communication), so order is kept.
 */
class SweepBatch {
  rows = new Map<number, ComplaintRow>();
  clocks = new Map<string, ClockRowLite>();
  private events = new Map<number, NewEvent[]>();
  private notes: unknown[][] = [];
  private breaches: { complaintId: number; name: string; at: Date }[] = [];

  async load(tx: Queryable, ids: number[]): Promise<void> {
    // Complaints are locked in id order so two workers never wait on each other in a cycle.
    const rows = await tx.query<ComplaintRow>(
      'select * from complaints where id = any($1::bigint[]) order by id for update',
      [ids],
    );
    for (const r of rows.rows) this.rows.set(r.id, r);
    const clocks = await tx.query<ClockRowLite & { complaint_id: number; name: string }>(
      `select complaint_id, name, due_at, stopped_at, breached_at from clock_instances
       where complaint_id = any($1::bigint[])`,
      [ids],
    );
    for (const c of clocks.rows) this.clocks.set(`${c.complaint_id}/${c.name}`, c);
  }

  event(row: ComplaintRow, e: NewEvent): void {
    const list = this.events.get(row.id) ?? [];
    list.push(e);
    this.events.set(row.id, list);
  }

  notify(row: ComplaintRow, role: string, kind: string, message: string): void {
    // The assignee hears of it directly; everyone in the role sees it in their list.
    this.notes.push([row.id, role, role === 'handler' ? row.assignee_id : null, kind, message]);
  }

  breached(complaintId: number, name: string, at: Date): void {
    this.breaches.push({ complaintId, name, at });
  }

  async flush(tx: Queryable): Promise<void> {
    if (this.breaches.length) {
      await tx.query(
        `update clock_instances c set breached_at = b.at, status = 'breached'
         from unnest($1::bigint[], $2::text[], $3::timestamptz[]) as b(complaint_id, name, at)
         where c.complaint_id = b.complaint_id and c.name = b.name`,
        [
          this.breaches.map((b) => b.complaintId),
          this.breaches.map((b) => b.name),
          this.breaches.map((b) => b.at),
        ],
      );
    }
    await appendEventsToStreams(
      tx,
      [...this.events].map(([id, events]) => ({
        stream: this.rows.get(id)!.reference,
        complaintId: id,
        events,
      })),
    );
    for (let i = 0; i < this.notes.length; i += 1000) {
      const chunk = this.notes.slice(i, i + 1000);
      await tx.query(
        `insert into notifications (complaint_id, role, user_id, kind, message) values ${chunk
          .map(
            (_, r) => `($${r * 5 + 1}, $${r * 5 + 2}, $${r * 5 + 3}, $${r * 5 + 4}, $${r * 5 + 5})`,
          )
          .join(', ')}`,
        chunk.flat(),
      );
    }
    this.events.clear();
    this.notes = [];
    this.breaches = [];
  }

  /** Forgets what was gathered (after a savepoint was rolled back). */
  discard(): void {
    this.events.clear();
    this.notes = [];
    this.breaches = [];
  }

  /** Re-reads a complaint changed by a lifecycle action or a communication. */
  async refresh(tx: Queryable, id: number): Promise<void> {
    const r = await lockComplaintById(tx, id);
    if (r) this.rows.set(id, r);
  }
}

/** Claims and handles one batch; returns how many items were handled. */
export async function runDueActions(deps: SweepDeps, limit = 200): Promise<number> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const due = await claimDueActions(tx, now, limit);
    if (due.length === 0) return 0;
    due.sort(
      (a, b) =>
        a.complaint_id - b.complaint_id || a.due_at.getTime() - b.due_at.getTime() || a.id - b.id,
    );
    const batch = new SweepBatch();
    await batch.load(tx, [...new Set(due.map((d) => d.complaint_id))]);
    const outcomes: Record<string, unknown>[] = [];
    for (const item of due) outcomes.push(await handleSafely(tx, deps, batch, item, now));
    await batch.flush(tx);
    await markHandledMany(
      tx,
      due.map((d) => d.id),
      deps.workerId,
      now,
      outcomes,
    );
    return due.length;
  });
}

/**
 * Handles one item inside a savepoint: an item that cannot be done (a communication missing
 * required content, say) is rolled back alone, recorded, and turned into a task for a person —
 * it never blocks the items after it, nor comes back forever.
 */
async function handleSafely(
  tx: Queryable,
  deps: SweepDeps,
  batch: SweepBatch,
  item: ScheduledActionRow,
  now: Date,
): Promise<Record<string, unknown>> {
  const known = batch.rows.get(item.complaint_id);
  const policy = known && deps.policies.version(known.policy_id, known.policy_version);
  // Warnings and notify-only breaches only gather rows for the batch: nothing there can fail.
  if (!policy || !needsDatabase(policy, item.clock_name, item.kind)) {
    return handle(tx, deps, batch, item, now);
  }
  await batch.flush(tx);
  await tx.query('savepoint sweep_item');
  try {
    const outcome = await handle(tx, deps, batch, item, now);
    await batch.flush(tx);
    await tx.query('release savepoint sweep_item');
    return outcome;
  } catch (err) {
    await tx.query('rollback to savepoint sweep_item');
    batch.discard();
    await batch.refresh(tx, item.complaint_id);
    const message = err instanceof Error ? err.message : String(err);
    const code = err instanceof AppError ? err.code : 'INTERNAL';
    const row = batch.rows.get(item.complaint_id);
    if (row && item.kind === 'breach') {
      // The breach happened whatever became of its actions: it is recorded all the same.
      batch.breached(row.id, item.clock_name, item.due_at);
      batch.event(row, {
        type: 'clock_breached',
        actor: SYSTEM,
        at: item.due_at,
        data: { clock: item.clock_name, dueAt: item.due_at.toISOString(), failed: code },
      });
    }
    if (row) {
      await tx.query(
        `insert into tasks (complaint_id, kind, title, due_at, note, created_at) values ($1, 'follow_up', $2, $3, $4, $3)`,
        [
          row.id,
          `Do by hand what the ${item.clock_name} clock could not do automatically`,
          now,
          `${code}: ${message}`,
        ],
      );
      batch.notify(
        row,
        'manager',
        'sweep_failed',
        `${row.reference}: ${item.clock_name} ${item.kind} failed: ${message}`,
      );
    }
    return { failed: code, message };
  }
}

interface ClockRowLite {
  due_at: Date | null;
  stopped_at: Date | null;
  breached_at: Date | null;
}

/** Whether a clock's onBreach needs more than notifications (which the batch handles). */
function needsDatabase(policy: Policy, clock: string, kind: ScheduledActionRow['kind']): boolean {
  if (kind === 'auto') return true;
  if (kind === 'warn') return false;
  return (policy.clocks[clock]?.onBreach ?? []).some((a) => a.do !== 'notify');
}

async function handle(
  tx: Queryable,
  deps: SweepDeps,
  batch: SweepBatch,
  item: ScheduledActionRow,
  now: Date,
): Promise<Record<string, unknown>> {
  let row = batch.rows.get(item.complaint_id);
  if (!row) return { skipped: 'complaint not found' };
  const policy = deps.policies.version(row.policy_id, row.policy_version);
  if (needsDatabase(policy, item.clock_name, item.kind)) {
    await batch.flush(tx);
    await batch.refresh(tx, row.id);
    row = batch.rows.get(row.id)!;
  }
  if (item.kind === 'auto') {
    const out = await sendCommunication(tx, deps, row, policy, item.clock_name, item.due_at, now);
    await batch.refresh(tx, row.id);
    return out;
  }

  const clock = policy.clocks[item.clock_name];
  const state = batch.clocks.get(`${row.id}/${item.clock_name}`);
  if (!clock || !state) return { skipped: 'no such clock' };
  if (state.stopped_at) return { skipped: 'clock stopped' };
  if (!isOpen(row.status) && item.kind !== 'breach') return { skipped: `complaint ${row.status}` };

  if (item.kind === 'warn') {
    batch.event(row, {
      type: 'clock_warning',
      actor: SYSTEM,
      at: item.due_at,
      data: { clock: item.clock_name, dueAt: state.due_at },
    });
    batch.notify(
      row,
      'handler',
      'clock_warning',
      `${row.reference}: ${clock.label ?? item.clock_name} is due ${state.due_at?.toISOString()}`,
    );
    return { warned: true };
  }

  if (item.kind === 'breach') {
    if (!state.due_at || state.due_at.getTime() !== item.due_at.getTime())
      return { skipped: 'due instant moved' };
    batch.breached(row.id, item.clock_name, item.due_at);
    batch.event(row, {
      type: 'clock_breached',
      actor: SYSTEM,
      at: item.due_at, // the true instant, even when the sweep catches up after downtime
      data: {
        clock: item.clock_name,
        dueAt: item.due_at.toISOString(),
        regulatory: clock.regulatory,
      },
    });
  }
  const done: Record<string, unknown>[] = [];
  for (const action of clock.onBreach) {
    if (item.kind === 'repeat' && !(action.do === 'send' && action.repeat)) continue;
    if (action.do === 'notify') {
      const reason = `${clock.label ?? item.clock_name} was not met by ${item.due_at.toISOString()}`;
      batch.notify(row, action.role!, 'clock_breached', `${row.reference}: ${reason}`);
      done.push({ notified: action.role });
      continue;
    }
    await batch.flush(tx);
    done.push(await breachAction(tx, deps, row, policy, action, item, now));
    await batch.refresh(tx, row.id);
  }
  return { actions: done };
}

async function breachAction(
  tx: Queryable,
  deps: SweepDeps,
  row: ComplaintRow,
  policy: Policy,
  action: BreachAction,
  item: ScheduledActionRow,
  now: Date,
): Promise<Record<string, unknown>> {
  const reason = `${policy.clocks[item.clock_name]?.label ?? item.clock_name} was not met by ${item.due_at.toISOString()}`;
  switch (action.do) {
    case 'notify':
      return { skipped: 'notifications are written by the batch' };
    case 'escalate':
      return lifecycle(tx, deps, row, 'escalate', { reason }, now);
    case 'flag_urgent':
      return lifecycle(tx, deps, row, 'flag', { flag: 'urgent', reason }, now);
    case 'deadlock':
      return lifecycle(tx, deps, row, 'deadlock', { reason }, now);
    case 'send': {
      const sent = await sendCommunication(
        tx,
        deps,
        row,
        policy,
        action.communication!,
        item.due_at,
        now,
      );
      if (action.repeat && !sent['skipped']) {
        // The next report: one interval on, and never in the past (no burst after downtime).
        const cal = calendarFor(policy);
        let next = dueWithoutPauses(cal, action.repeat, item.due_at.getTime());
        while (next <= now.getTime()) next = dueWithoutPauses(cal, action.repeat, next);
        await scheduleAction(tx, {
          complaintId: row.id,
          clock: item.clock_name,
          kind: 'repeat',
          seq: item.seq + 1,
          due: new Date(next),
        });
      }
      return sent;
    }
  }
}

/** A lifecycle action by the system; a refusal (e.g. already deadlocked) is recorded, not thrown. */
async function lifecycle(
  tx: Queryable,
  deps: SweepDeps,
  row: ComplaintRow,
  type: ActionType,
  payload: Record<string, unknown>,
  now: Date,
  communicate = true,
): Promise<Record<string, unknown>> {
  const fresh = (await lockComplaintById(tx, row.id))!;
  try {
    const done = await applyActionToRow(tx, deps.policies, fresh, SYSTEM, type, payload, now, {
      communicate,
      mailDomain: deps.mailDomain,
    });
    return { action: type, status: done.status };
  } catch (err) {
    if (err instanceof AppError) return { action: type, refused: err.code };
    throw err;
  }
}

async function sendCommunication(
  tx: Queryable,
  deps: SweepDeps,
  row: ComplaintRow,
  policy: Policy,
  name: string,
  dueAt: Date,
  now: Date,
): Promise<Record<string, unknown>> {
  const comm = policy.communications[name];
  const kind = (comm?.kind ?? name) as CommunicationKind;
  const fresh = (await lockComplaintById(tx, row.id))!;
  const refusing = policy.deadlock.refuseWhenFlagged.filter((f) => fresh.flags.includes(f));
  if ((kind === 'deadlock_letter' || kind === 'adr_notice') && refusing.length > 0) {
    return {
      skipped: `not sent: the complaint is flagged ${refusing.join(', ')}`,
      communication: name,
    };
  }
  const customer = await findCustomer(tx, fresh.customer_id);
  if (!customer) return { skipped: 'no customer' };
  const composed = await composeCommunication(tx, deps.policies, {
    complaintId: fresh.id,
    kind,
    communicationName: name,
    now,
  });
  const method = deliveryMethod(comm?.via, customer);
  const queued = await queueCommunication(tx, {
    complaint: fresh,
    customer,
    composed,
    method,
    actor: SYSTEM,
    mailDomain: deps.mailDomain,
    at: now,
  });
  const event =
    kind === 'progress_report'
      ? 'report-progress'
      : kind === 'deadlock_letter' && fresh.status === 'deadlocked'
        ? 'send-deadlock-letter'
        : null;
  // The lifecycle records what was sent; the communication itself is queued above already.
  const follow = event
    ? await lifecycle(
        tx,
        deps,
        fresh,
        event,
        { method: method === 'letter' ? 'post' : method },
        now,
        false,
      )
    : null;
  return {
    communication: name,
    kind,
    method,
    messageId: queued.messageId,
    dueAt: dueAt.toISOString(),
    ...(follow ? { follow } : {}),
  };
}

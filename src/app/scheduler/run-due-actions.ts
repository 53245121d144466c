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
  markHandled,
  scheduleAction,
  type ScheduledActionRow,
} from '../../db/repositories/scheduled-actions.ts';
import { calendarFor } from '../../domain/clocks/policy-clocks.ts';
import { dueWithoutPauses } from '../../domain/clocks/deadline.ts';
import { isOpen, type ActionType } from '../../domain/complaint/lifecycle.ts';
import type { BreachAction, Policy } from '../../domain/policy/schema.ts';
import { appendEvents } from '../audit.ts';
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

/** Claims and handles one batch; returns how many items were handled. */
export async function runDueActions(deps: SweepDeps, limit = 200): Promise<number> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const due = await claimDueActions(tx, now, limit);
    // Complaints are locked in id order so two workers never wait on each other in a cycle.
    due.sort(
      (a, b) =>
        a.complaint_id - b.complaint_id || a.due_at.getTime() - b.due_at.getTime() || a.id - b.id,
    );
    for (const item of due) {
      const outcome = await handle(tx, deps, item, now);
      await markHandled(tx, item.id, deps.workerId, now, outcome);
    }
    return due.length;
  });
}

interface ClockRowLite {
  due_at: Date | null;
  stopped_at: Date | null;
  breached_at: Date | null;
}

async function handle(
  tx: Queryable,
  deps: SweepDeps,
  item: ScheduledActionRow,
  now: Date,
): Promise<Record<string, unknown>> {
  const row = await lockComplaintById(tx, item.complaint_id);
  if (!row) return { skipped: 'complaint not found' };
  const policy = deps.policies.version(row.policy_id, row.policy_version);
  if (item.kind === 'auto')
    return sendCommunication(tx, deps, row, policy, item.clock_name, item.due_at, now);

  const clock = policy.clocks[item.clock_name];
  const state = (
    await tx.query<ClockRowLite>(
      'select due_at, stopped_at, breached_at from clock_instances where complaint_id = $1 and name = $2',
      [row.id, item.clock_name],
    )
  ).rows[0];
  if (!clock || !state) return { skipped: 'no such clock' };
  if (state.stopped_at) return { skipped: 'clock stopped' };
  if (!isOpen(row.status) && item.kind !== 'breach') return { skipped: `complaint ${row.status}` };

  if (item.kind === 'warn') {
    await appendEvents(tx, row.reference, row.id, [
      {
        type: 'clock_warning',
        actor: SYSTEM,
        at: item.due_at,
        data: { clock: item.clock_name, dueAt: state.due_at },
      },
    ]);
    await notify(
      tx,
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
    await tx.query(
      'update clock_instances set breached_at = $3, status = $4 where complaint_id = $1 and name = $2',
      [row.id, item.clock_name, item.due_at, 'breached'],
    );
    await appendEvents(tx, row.reference, row.id, [
      {
        type: 'clock_breached',
        actor: SYSTEM,
        at: item.due_at, // the true instant, even when the sweep catches up after downtime
        data: {
          clock: item.clock_name,
          dueAt: item.due_at.toISOString(),
          regulatory: clock.regulatory,
        },
      },
    ]);
  }
  const done: Record<string, unknown>[] = [];
  for (const action of clock.onBreach) {
    if (item.kind === 'repeat' && !(action.do === 'send' && action.repeat)) continue;
    done.push(await breachAction(tx, deps, row, policy, action, item, now));
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
      await notify(tx, row, action.role!, 'clock_breached', `${row.reference}: ${reason}`);
      return { notified: action.role };
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

async function notify(
  tx: Queryable,
  row: ComplaintRow,
  role: string,
  kind: string,
  message: string,
) {
  // The assignee hears of it directly; everyone in the role sees it in their list.
  await tx.query(
    'insert into notifications (complaint_id, role, user_id, kind, message) values ($1, $2, $3, $4, $5)',
    [row.id, role, role === 'handler' ? row.assignee_id : null, kind, message],
  );
}

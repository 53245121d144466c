// The deadline sweep's one step: plan the work of complaints registered since the last step,
// claim due work (FOR UPDATE SKIP LOCKED), do what the policy says — warn, record the breach at
// its true instant, escalate, flag, deadlock, send the communication by the customer's
// preferred method (again at an interval, for progress reports) — and mark it handled, all in
// one transaction. Any number of workers may run it.
import { withSavepoint, type Db, type Queryable } from '../../db/client.ts';
import {
  claimDueActions,
  markHandledMany,
  RECEIPT_WORK,
  SURVEY_WORK,
  type ScheduledActionRow,
} from '../../db/repositories/scheduled-actions.ts';
import { insertTask } from '../../db/repositories/tasks.ts';
import { isOpen } from '../../domain/complaint/lifecycle.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { planDueWork } from './plan-due-work.ts';
import { SweepBatch } from './sweep-batch.ts';
import {
  breachAction,
  sendCommunication,
  sendReceipt,
  sendSurvey,
  type SweepContext,
} from './sweep-actions.ts';

export interface SweepDeps {
  db: Db;
  policies: PolicyRegistry;
  now: () => Date;
  config: { mailDomain: string };
  /** Names this worker in the records it leaves. */
  workerId: string;
}

/** Who the sweep acts as. */
export const SCHEDULER: Actor = { id: 'system:scheduler', role: 'system' };

const PLAN_BATCH = 200;

/** Plans what is unplanned, then claims and handles one batch; returns how many items it handled. */
export async function runDueActions(
  deps: SweepDeps,
  actor: Actor = SCHEDULER,
  input: { limit?: number } = {},
): Promise<number> {
  const limit = input.limit ?? 200;
  while ((await planDueWork(deps, PLAN_BATCH)) === PLAN_BATCH);
  const now = deps.now();
  const ctx: SweepContext = {
    policies: deps.policies,
    mailDomain: deps.config.mailDomain,
    actor,
    now,
  };
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
    for (const item of due) outcomes.push(await handleSafely(tx, ctx, batch, item));
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
  ctx: SweepContext,
  batch: SweepBatch,
  item: ScheduledActionRow,
): Promise<Record<string, unknown>> {
  const known = batch.rows.get(item.complaint_id);
  const policy = known && ctx.policies.version(known.policy_id, known.policy_version);
  // Warnings and notify-only breaches only gather rows for the batch: nothing there can fail.
  if (!policy || !needsDatabase(policy, item.clock_name, item.kind)) {
    return handle(tx, ctx, batch, item);
  }
  await batch.flush(tx);
  try {
    return await withSavepoint(tx, async () => {
      const outcome = await handle(tx, ctx, batch, item);
      await batch.flush(tx);
      return outcome;
    });
  } catch (err) {
    batch.discard();
    const row = await batch.refresh(tx, item.complaint_id);
    const message = err instanceof Error ? err.message : String(err);
    const code = err instanceof AppError ? err.code : 'INTERNAL';
    if (item.kind === 'breach') {
      // The breach happened whatever became of its actions: it is recorded all the same.
      batch.breached(row.id, item.clock_name, item.due_at);
      batch.event(row, {
        type: 'clock_breached',
        actor: ctx.actor,
        at: item.due_at,
        data: { clock: item.clock_name, dueAt: item.due_at.toISOString(), failed: code },
      });
    }
    await insertTask(tx, {
      complaintId: row.id,
      kind: 'follow_up',
      title: `Do by hand what the ${item.clock_name} clock could not do automatically`,
      dueAt: ctx.now,
      note: `${code}: ${message}`,
      createdAt: ctx.now,
    });
    batch.notify(
      row,
      'manager',
      'sweep_failed',
      `${row.reference}: ${item.clock_name} ${item.kind} failed: ${message}`,
      { clock: item.clock_name, code },
    );
    return { failed: code, message };
  }
}

/** Whether a clock's onBreach needs more than notifications (which the batch handles). */
function needsDatabase(policy: Policy, clock: string, kind: ScheduledActionRow['kind']): boolean {
  if (kind === 'auto') return true;
  if (kind === 'warn') return false;
  return (policy.clocks[clock]?.onBreach ?? []).some((a) => a.do !== 'notify');
}

async function handle(
  tx: Queryable,
  ctx: SweepContext,
  batch: SweepBatch,
  item: ScheduledActionRow,
): Promise<Record<string, unknown>> {
  let row = batch.rows.get(item.complaint_id);
  if (!row) return { skipped: 'complaint not found' };
  const policy = ctx.policies.version(row.policy_id, row.policy_version);
  if (needsDatabase(policy, item.clock_name, item.kind)) {
    await batch.flush(tx);
    row = await batch.refresh(tx, row.id);
  }
  if (item.kind === 'auto') {
    const out =
      item.clock_name === RECEIPT_WORK
        ? await sendReceipt(tx, ctx, row, policy)
        : item.clock_name === SURVEY_WORK
          ? await sendSurvey(tx, ctx, row, policy)
          : await sendCommunication(tx, ctx, row, policy, item.clock_name, item.due_at);
    await batch.refresh(tx, row.id);
    return out;
  }

  const clock = policy.clocks[item.clock_name];
  const state = batch.clock(row.id, item.clock_name);
  if (!clock || !state) return { skipped: 'no such clock' };
  if (state.stopped_at) return { skipped: 'clock stopped' };
  if (!isOpen(row.status) && item.kind !== 'breach') return { skipped: `complaint ${row.status}` };

  if (item.kind === 'warn') {
    batch.event(row, {
      type: 'clock_warning',
      actor: ctx.actor,
      at: item.due_at,
      data: { clock: item.clock_name, dueAt: state.due_at },
    });
    // The warning stays in the history at its true instant, but a sweep catching up (after
    // downtime, or on demo data) tells nobody "due soon" of a clock already due: its breach
    // says what happened.
    if (state.due_at && state.due_at.getTime() <= ctx.now.getTime()) {
      return { warned: true, notified: false };
    }
    batch.notify(
      row,
      'handler',
      'clock_warning',
      `${row.reference}: ${clock.label ?? item.clock_name} is due ${state.due_at?.toISOString()}`,
      {
        clock: item.clock_name,
        label: clock.label ?? item.clock_name,
        ...(state.due_at ? { dueAt: state.due_at.toISOString() } : {}),
      },
    );
    return { warned: true };
  }

  if (item.kind === 'breach') {
    if (!state.due_at || state.due_at.getTime() !== item.due_at.getTime())
      return { skipped: 'due instant moved' };
    batch.breached(row.id, item.clock_name, item.due_at);
    batch.event(row, {
      type: 'clock_breached',
      actor: ctx.actor,
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
      batch.notify(row, action.role!, 'clock_breached', `${row.reference}: ${reason}`, {
        clock: item.clock_name,
        label: clock.label ?? item.clock_name,
        dueAt: item.due_at.toISOString(),
      });
      done.push({ notified: action.role });
      continue;
    }
    await batch.flush(tx);
    done.push(await breachAction(tx, ctx, row, policy, action, item));
    row = await batch.refresh(tx, row.id);
  }
  return { actions: done };
}

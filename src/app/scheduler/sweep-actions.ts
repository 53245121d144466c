// What a due item does beyond notifications: a lifecycle action by the system (escalate, flag
// urgent, deadlock) or a communication sent by itself (a progress report, at its interval; the
// ADR notice; the deadlock letter), recorded in the lifecycle when it is one of its steps.
import type { Queryable } from '../../db/client.ts';
import {
  lockComplaintById,
  markSurveySent,
  type ComplaintRow,
} from '../../db/repositories/complaints.ts';
import { findCustomer } from '../../db/repositories/customers.ts';
import {
  scheduleAction,
  type ScheduledActionRow,
} from '../../db/repositories/scheduled-actions.ts';
import { dueWithoutPauses } from '../../domain/clocks/deadline.ts';
import { calendarFor } from '../../domain/clocks/policy-clocks.ts';
import {
  actionRecording,
  flagsRefusing,
  type CommunicationKind,
} from '../../domain/complaint/communications.ts';
import { isOpen, type ActionType } from '../../domain/complaint/lifecycle.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import type { BreachAction, Policy } from '../../domain/policy/schema.ts';
import { applyActionToRow } from '../complaints/apply-complaint-action.ts';
import { composeCommunication } from '../communications/compose-communication.ts';
import { deliveryMethod, queueCommunication } from '../communications/queue-communication.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';

export interface SweepContext {
  policies: PolicyRegistry;
  mailDomain: string;
  /** Who acts: the scheduler. */
  actor: Actor;
  now: Date;
}

/** One of a clock's onBreach actions (other than notify, which the batch writes). */
export async function breachAction(
  tx: Queryable,
  ctx: SweepContext,
  row: ComplaintRow,
  policy: Policy,
  action: BreachAction,
  item: ScheduledActionRow,
): Promise<Record<string, unknown>> {
  const reason = `${policy.clocks[item.clock_name]?.label ?? item.clock_name} was not met by ${item.due_at.toISOString()}`;
  switch (action.do) {
    case 'notify':
      return { skipped: 'notifications are written by the batch' };
    case 'escalate':
      return lifecycle(tx, ctx, row, 'escalate', { reason });
    case 'flag_urgent':
      return lifecycle(tx, ctx, row, 'flag', { flag: 'urgent', reason });
    case 'deadlock':
      return lifecycle(tx, ctx, row, 'deadlock', { reason });
    case 'send': {
      const sent = await sendCommunication(
        tx,
        ctx,
        row,
        policy,
        action.communication!,
        item.due_at,
      );
      if (action.repeat && !sent['skipped']) {
        // The next report: one interval on, and never in the past (no burst after downtime).
        const cal = calendarFor(policy);
        let next = dueWithoutPauses(cal, action.repeat, item.due_at.getTime());
        while (next <= ctx.now.getTime()) next = dueWithoutPauses(cal, action.repeat, next);
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
  ctx: SweepContext,
  row: ComplaintRow,
  type: ActionType,
  payload: Record<string, unknown>,
  communicate = true,
): Promise<Record<string, unknown>> {
  const fresh = (await lockComplaintById(tx, row.id))!;
  try {
    const done = await applyActionToRow(
      tx,
      { policies: ctx.policies, mailDomain: ctx.mailDomain },
      ctx.actor,
      { row: fresh, action: type, payload, now: ctx.now, communicate },
    );
    return { action: type, status: done.status };
  } catch (err) {
    if (err instanceof AppError) return { action: type, refused: err.code };
    throw err;
  }
}

/**
 * The automatic receipt (policy `receipt`): by email, at once after registration, with the
 * reference and the tracking link. It records only that it was sent (a public
 * `communication_queued` event): the acknowledgement stays a person's act, and the acknowledge
 * clock runs on. A complaint settled or withdrawn before the sweep came to it gets none.
 */
export async function sendReceipt(
  tx: Queryable,
  ctx: SweepContext,
  row: ComplaintRow,
  policy: Policy,
): Promise<Record<string, unknown>> {
  const fresh = (await lockComplaintById(tx, row.id))!;
  if (!policy.receipt.send) return { skipped: 'the policy sends no receipt' };
  if (!isOpen(fresh.status) || fresh.status === 'resolved_on_first_contact') {
    return { skipped: `no receipt: the complaint is ${fresh.status}` };
  }
  const customer = await findCustomer(tx, fresh.customer_id);
  if (!customer?.email) return { skipped: 'no receipt: no email address' };
  const composed = await composeCommunication(tx, ctx.policies, {
    complaintId: fresh.id,
    kind: 'receipt',
    ...(policy.receipt.communication ? { communicationName: policy.receipt.communication } : {}),
    now: ctx.now,
  });
  const queued = await queueCommunication(tx, {
    complaint: fresh,
    customer,
    composed,
    method: 'email',
    actor: ctx.actor,
    mailDomain: ctx.mailDomain,
    at: ctx.now,
  });
  return { communication: 'receipt', method: 'email', messageId: queued.messageId };
}

/**
 * The satisfaction survey invitation (policy `survey`), after closing, by the customer's contact
 * method (or the policy's `via`): an email with the tracking page's rating form, a letter for the
 * print list, or a call task. At most once per complaint; never for a withdrawn complaint, nor
 * to a customer whose data is restricted or erased.
 */
export async function sendSurvey(
  tx: Queryable,
  ctx: SweepContext,
  row: ComplaintRow,
  policy: Policy,
): Promise<Record<string, unknown>> {
  const fresh = (await lockComplaintById(tx, row.id))!;
  if (!policy.survey.enabled) return { skipped: 'the policy sends no survey' };
  if (fresh.status !== 'closed') return { skipped: `no survey: the complaint is ${fresh.status}` };
  if (fresh.outcome === 'withdrawn') return { skipped: 'no survey: the complaint was withdrawn' };
  if (fresh.survey_sent_at) return { skipped: 'the survey was sent already' };
  const customer = await findCustomer(tx, fresh.customer_id);
  if (!customer || customer.anonymised_at || fresh.anonymised_at) {
    return { skipped: "no survey: the customer's data is erased" };
  }
  if (customer.restricted_at) return { skipped: "no survey: the customer's data is restricted" };
  const composed = await composeCommunication(tx, ctx.policies, {
    complaintId: fresh.id,
    kind: 'satisfaction_survey',
    ...(policy.survey.communication ? { communicationName: policy.survey.communication } : {}),
    now: ctx.now,
  });
  if (!(await markSurveySent(tx, fresh.id, ctx.now))) return { skipped: 'sent already' };
  const method = deliveryMethod(policy.survey.via, customer);
  const queued = await queueCommunication(tx, {
    complaint: fresh,
    customer,
    composed,
    method,
    actor: ctx.actor,
    mailDomain: ctx.mailDomain,
    at: ctx.now,
  });
  return { communication: 'satisfaction_survey', method, messageId: queued.messageId };
}

/** Sends one of the policy's communications by itself, unless the complaint's flags refuse it. */
export async function sendCommunication(
  tx: Queryable,
  ctx: SweepContext,
  row: ComplaintRow,
  policy: Policy,
  name: string,
  dueAt: Date,
): Promise<Record<string, unknown>> {
  const comm = policy.communications[name];
  const kind = (comm?.kind ?? name) as CommunicationKind;
  const fresh = (await lockComplaintById(tx, row.id))!;
  const refusing = flagsRefusing(kind, fresh, policy);
  if (refusing.length > 0) {
    return {
      skipped: `not sent: the complaint is flagged ${refusing.join(', ')}`,
      communication: name,
    };
  }
  const customer = await findCustomer(tx, fresh.customer_id);
  if (!customer) return { skipped: 'no customer' };
  const composed = await composeCommunication(tx, ctx.policies, {
    complaintId: fresh.id,
    kind,
    communicationName: name,
    now: ctx.now,
  });
  const method = deliveryMethod(comm?.via, customer);
  const queued = await queueCommunication(tx, {
    complaint: fresh,
    customer,
    composed,
    method,
    actor: ctx.actor,
    mailDomain: ctx.mailDomain,
    at: ctx.now,
  });
  // The lifecycle records what was sent; the communication itself is queued above already.
  const recording = actionRecording(kind, fresh.status);
  const follow = recording
    ? await lifecycle(
        tx,
        ctx,
        fresh,
        recording,
        { method: method === 'letter' ? 'post' : method },
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

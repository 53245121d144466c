// One lifecycle action on a stored complaint: lock the row, ask the pure lifecycle, write the
// new state, its events (hash-chained) and the replayed clocks in the same transaction.
import type { Db, Queryable } from '../../db/client.ts';
import {
  findCustomer,
  lockComplaint,
  saveClocks,
  snapshotOf,
  timelineOf,
  updateComplaintSnapshot,
  type ComplaintRow,
} from '../../db/repositories/complaints.ts';
import { replayClocks } from '../../domain/clocks/policy-clocks.ts';
import {
  applyAction,
  isOpen,
  type Action,
  type ActionType,
  type Actor,
  type DomainEvent,
} from '../../domain/complaint/lifecycle.ts';
import type { ComplaintEventType } from '../../domain/complaint/states.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import { composeCommunication } from '../communications/compose-communication.ts';
import { deliveryMethod, queueCommunication } from '../communications/queue-communication.ts';
import type { CommunicationKind } from '../communications/types.ts';
import { appendEvents } from '../audit.ts';
import { AppError } from '../errors.ts';
import { canSeeComplaint } from '../../domain/access/complaint-access.ts';
import type { PolicyRegistry } from '../policy-registry.ts';

/** Events the customer sees on their tracking page; the rest are internal. */
export const PUBLIC_EVENTS: ReadonlySet<ComplaintEventType> = new Set<ComplaintEventType>([
  'received',
  'acknowledged',
  'resolved_on_first_contact',
  'investigation_started',
  'information_requested',
  'information_received',
  'customer_replied',
  'resolution_plan_agreed',
  'progress_reported',
  'responded',
  'reopened',
  'escalated',
  'escalation_requested',
  'deadlocked',
  'deadlock_letter_requested',
  'deadlock_letter_sent',
  'deadlock_letter_refused',
  'referred_to_adr',
  'adr_decision_recorded',
  'withdrawn',
  'closed',
  'redress_offered',
  'redress_accepted',
  'redress_completed',
  'satisfaction_rated',
  'procedure_copy_requested',
]);

export interface ActionDeps {
  db: Db;
  policies: PolicyRegistry;
  now: () => Date;
  /** For the Message-IDs of emails an action sends (config.mailDomain). */
  config?: { mailDomain: string };
}

export interface ActingUser {
  id: string;
  role: Actor['role'];
  departmentId?: string | null;
  name?: string;
}

/** Department members reach only their department's complaints; others reach every one. */
export function canSee(user: ActingUser, row: Pick<ComplaintRow, 'department_id'>): boolean {
  return canSeeComplaint(user, { departmentId: row.department_id });
}

/** Messages that an action carries (a customer's reply, a note), stored as sent. */
async function storeMessage(
  tx: Queryable,
  row: ComplaintRow,
  user: ActingUser,
  e: DomainEvent,
  now: Date,
) {
  const text =
    e.type === 'customer_replied'
      ? (e.data['message'] as string)
      : e.type === 'note_added'
        ? (e.data['text'] as string)
        : e.type === 'information_received'
          ? (e.data['information'] as string)
          : null;
  if (!text) return;
  const fromCustomer = user.role === 'customer';
  await tx.query(
    `insert into messages (complaint_id, direction, channel, public, author_id, author_name, body_text, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      row.id,
      e.type === 'note_added' ? 'internal' : fromCustomer ? 'in' : 'in',
      e.type === 'note_added' ? 'note' : fromCustomer ? 'portal' : 'phone',
      e.type !== 'note_added',
      fromCustomer ? null : user.id,
      user.name ?? null,
      text,
      now,
    ],
  );
  await tx.query(`update complaints set messages_text = messages_text || ' ' || $2 where id = $1`, [
    row.id,
    text,
  ]);
}

export interface ActionDone {
  reference: string;
  status: string;
  events: DomainEvent[];
}

export async function applyComplaintAction(
  deps: ActionDeps,
  user: ActingUser,
  reference: string,
  type: ActionType,
  payload: Record<string, unknown>,
): Promise<ActionDone> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, reference);
    if (!row || !canSee(user, row))
      throw new AppError('COMPLAINT.NOT_FOUND', `no complaint ${reference}`);
    return applyActionToRow(tx, deps.policies, row, user, type, payload, now, {
      ...(deps.config ? { mailDomain: deps.config.mailDomain } : {}),
    });
  });
}

/** The action on a complaint row the caller has locked, inside the caller's transaction. */
export async function applyActionToRow(
  tx: Queryable,
  policies: PolicyRegistry,
  row: ComplaintRow,
  user: ActingUser,
  type: ActionType,
  payload: Record<string, unknown>,
  now: Date,
  /** storeMessages: false when the caller stores the message itself (an email, as received).
   *  communicate: false when the caller has already queued the action's communication. */
  opts: { storeMessages?: boolean; communicate?: boolean; mailDomain?: string } = {},
): Promise<ActionDone> {
  const policy = policies.version(row.policy_id, row.policy_version);
  const actor: Actor = { id: user.id, role: user.role, departmentId: user.departmentId ?? null };
  const result = applyAction(snapshotOf(row), { type, ...payload } as Action, actor, now, policy);
  if (!result.ok) {
    throw new AppError(result.error.code, result.error.message, result.error.details);
  }
  if (type === 'transfer' || type === 'assign') await checkReferences(tx, result.state);
  const isRating = type === 'rate-satisfaction';
  await updateComplaintSnapshot(tx, row.id, result.state, isOpen(result.state.state), now, {
    satisfaction: isRating ? (payload['score'] as number) : null,
    satisfactionComment: isRating ? ((payload['comment'] as string | undefined) ?? null) : null,
  });
  await appendEvents(
    tx,
    row.reference,
    row.id,
    result.events.map((e) => ({
      type: e.type,
      actor: { id: e.actorId, role: e.actorRole },
      at: new Date(e.at),
      reason: e.reason ?? null,
      public: PUBLIC_EVENTS.has(e.type),
      data: { ...e.data, fromState: e.fromState, toState: e.toState },
    })),
  );
  if (opts.storeMessages !== false) {
    for (const e of result.events) await storeMessage(tx, row, user, e, now);
  }
  if (opts.communicate !== false) {
    await communicateAction(
      tx,
      policies,
      policy,
      row,
      user,
      type,
      payload,
      now,
      opts.mailDomain ?? 'localhost',
    );
  }
  await replayAndSaveClocks(tx, policy, row, now);
  return { reference: row.reference, status: result.state.state, events: result.events };
}

/** The communication an action sends the customer, when the policy has one of that kind. */
const COMMUNICATION_OF_ACTION: Partial<Record<ActionType, CommunicationKind>> = {
  acknowledge: 'acknowledgement',
  'request-information': 'request_for_information',
  transfer: 'transfer_notice',
  'agree-resolution-plan': 'resolution_plan',
  'report-progress': 'progress_report',
  respond: 'final_response',
  'send-deadlock-letter': 'deadlock_letter',
  'refuse-deadlock-letter': 'deadlock_refusal',
  'resolve-on-first-contact': 'summary_resolution',
  'request-procedure-copy': 'procedure_copy',
};

async function communicateAction(
  tx: Queryable,
  policies: PolicyRegistry,
  policy: Policy,
  row: ComplaintRow,
  user: ActingUser,
  type: ActionType,
  payload: Record<string, unknown>,
  now: Date,
  mailDomain: string,
) {
  const kind = COMMUNICATION_OF_ACTION[type];
  if (!kind) return;
  const entry = Object.entries(policy.communications).find(
    ([name, c]) => (c.kind ?? name) === kind,
  );
  if (!entry) return;
  const [name, comm] = entry;
  const customer = await findCustomer(tx, row.customer_id);
  if (!customer) return;
  // The method asked for in the action wins; otherwise the policy's `via`, or the preference.
  const asked = payload['method'] as string | undefined;
  if (asked === 'in_person') return; // said face to face: nothing to send
  const via =
    asked === 'post' ? 'post' : ((asked as 'email' | 'portal' | 'phone' | undefined) ?? comm.via);
  const composed = await composeCommunication(tx, policies, {
    complaintId: row.id,
    kind,
    communicationName: name,
    extra: payload,
    now,
  });
  await queueCommunication(tx, {
    complaint: row,
    customer,
    composed,
    method: deliveryMethod(via, customer),
    actor: { id: user.id, role: user.role },
    mailDomain,
    at: now,
  });
}

/** Recomputes a complaint's clocks from its events and stores them (and the sweep's work). */
export async function replayAndSaveClocks(
  tx: Queryable,
  policy: Policy,
  row: ComplaintRow,
  now: Date,
) {
  const timeline = (await timelineOf(tx, row.id)).map((e) => ({
    ...e,
    type: e.type as ComplaintEventType,
  }));
  await saveClocks(tx, row.id, replayClocks(policy, row.channel, timeline, now));
}

async function checkReferences(
  tx: Queryable,
  s: { departmentId?: string | null; assigneeId?: string | null },
) {
  if (s.departmentId) {
    const d = await tx.query('select 1 from departments where id = $1', [s.departmentId]);
    if (d.rowCount === 0)
      throw new AppError('COMPLAINT.UNKNOWN_REFERENCE', `no department "${s.departmentId}"`);
  }
  if (s.assigneeId) {
    const u = await tx.query('select 1 from users where id = $1 and active', [s.assigneeId]);
    if (u.rowCount === 0)
      throw new AppError('COMPLAINT.UNKNOWN_REFERENCE', `no active user "${s.assigneeId}"`);
  }
}

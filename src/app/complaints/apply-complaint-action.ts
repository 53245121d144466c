// One lifecycle action on a stored complaint: lock the row, ask the pure lifecycle, write the
// new state, its events (hash-chained), the messages it carries, the communication it sends and
// the replayed clocks, all in the same transaction.
import { scheduleSurvey } from '../../db/repositories/scheduled-actions.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { saveClocks } from '../../db/repositories/clocks.ts';
import {
  lockComplaint,
  lockComplaintById,
  snapshotOf,
  updateComplaintSnapshot,
  type ComplaintRow,
  type SatisfactionAnswers,
} from '../../db/repositories/complaints.ts';
import { findCustomer } from '../../db/repositories/customers.ts';
import { departmentExists } from '../../db/repositories/departments.ts';
import { appendEvents, timelineOf } from '../../db/repositories/events.ts';
import { insertMessage } from '../../db/repositories/messages.ts';
import { insertNotifications } from '../../db/repositories/notifications.ts';
import { completeTasksOfKinds, insertTask } from '../../db/repositories/tasks.ts';
import { activeUserExists } from '../../db/repositories/users.ts';
import { replayClocks } from '../../domain/clocks/policy-clocks.ts';
import { canSeeComplaint } from '../../domain/access/complaint-access.ts';
import { attentionFor, settledTaskKinds } from '../../domain/complaint/attention.ts';
import {
  communicationOfAction,
  isPublicEvent,
  notByPost,
} from '../../domain/complaint/communications.ts';
import {
  applyAction,
  isOpen,
  type Action,
  type ActionType,
  type ComplaintSnapshot,
  type DomainEvent,
} from '../../domain/complaint/lifecycle.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import type { ComplaintEventType } from '../../domain/complaint/states.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import { composeCommunication } from '../communications/compose-communication.ts';
import { deliveryMethod, queueCommunication } from '../communications/queue-communication.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { notifyMentions } from '../work/notify-mentions.ts';

export interface ActionDeps {
  db: Db;
  policies: PolicyRegistry;
  now: () => Date;
  /** For the Message-IDs of emails an action sends. */
  config: { mailDomain: string };
}

export interface ActionInput {
  reference: string;
  action: ActionType;
  payload: Record<string, unknown>;
}

export interface ActionDone {
  reference: string;
  status: string;
  events: DomainEvent[];
}

/** Department members reach only their department's complaints; others reach every one. */
export function canSee(actor: Actor, row: Pick<ComplaintRow, 'department_id'>): boolean {
  return canSeeComplaint(actor, { departmentId: row.department_id });
}

export async function applyComplaintAction(
  deps: ActionDeps,
  actor: Actor,
  input: ActionInput,
): Promise<ActionDone> {
  return deps.db.transaction((tx) => applyComplaintActionIn(tx, deps, actor, input));
}

/** The same, inside the caller's transaction (several actions committed together). */
export async function applyComplaintActionIn(
  tx: Queryable,
  deps: Omit<ActionDeps, 'db'>,
  actor: Actor,
  input: ActionInput,
): Promise<ActionDone> {
  const row = await lockComplaint(tx, input.reference);
  if (!row || !canSee(actor, row))
    throw new AppError('COMPLAINT.NOT_FOUND', `no complaint ${input.reference}`);
  return applyActionToRow(
    tx,
    { policies: deps.policies, mailDomain: deps.config.mailDomain },
    actor,
    { row, action: input.action, payload: input.payload, now: deps.now() },
  );
}

export interface RowAction {
  /** The complaint, locked `for update` by the caller. */
  row: ComplaintRow;
  action: ActionType;
  payload: Record<string, unknown>;
  now: Date;
  /** false when the caller stores the message itself (an email, as received). */
  storeMessages?: boolean;
  /** false when the caller has already queued the action's communication. */
  communicate?: boolean;
}

/** The action on a complaint row the caller has locked, inside the caller's transaction. */
export async function applyActionToRow(
  tx: Queryable,
  deps: { policies: PolicyRegistry; mailDomain: string },
  actor: Actor,
  input: RowAction,
): Promise<ActionDone> {
  const { row, action: type, payload, now } = input;
  const policy = deps.policies.version(row.policy_id, row.policy_version);
  const result = applyAction(snapshotOf(row), { type, ...payload } as Action, actor, now, policy);
  if (!result.ok) {
    throw new AppError(result.error.code, result.error.message, result.error.details);
  }
  if (type === 'transfer' || type === 'assign') await checkReferences(tx, result.state);
  const isRating = type === 'rate-satisfaction';
  await updateComplaintSnapshot(tx, row.id, result.state, isOpen(result.state.state), now, {
    satisfaction: isRating ? (payload['score'] as number) : null,
    satisfactionComment: isRating ? ((payload['comment'] as string | undefined) ?? null) : null,
    satisfactionAnswers: isRating ? surveyAnswers(payload) : null,
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
      public: isPublicEvent(e.type),
      data: { ...e.data, fromState: e.fromState, toState: e.toState },
    })),
  );
  // The text the complaint's search is to cover, written with its clocks at the end.
  const searchText: string[] = [];
  if (input.storeMessages !== false) {
    for (const e of result.events) await storeMessage(tx, row, actor, e, now, searchText);
  }
  if (type === 'add-note') {
    await notifyMentions(tx, {
      complaintId: row.id,
      reference: row.reference,
      text: String(payload['text'] ?? ''),
      author: actor,
    });
  }
  if (input.communicate !== false) {
    await communicateAction(tx, deps, policy, row, actor, { type, payload, now, searchText });
  }
  await replayAndSaveClocks(tx, policy, row, now, searchText);
  // Closing invites the customer to rate how it went: the sweep sends the survey at once.
  if (policy.survey.enabled && result.events.some((e) => e.type === 'closed')) {
    await scheduleSurvey(tx, row.id, now);
  }
  await askForAttention(tx, row, result.state, policy, result.events, now);
  const automatic = result.events.find((e) => e.type === 'deadlocked' && e.data['letterAutomatic']);
  // A person's deadlock under a policy whose letter goes unasked (Ofcom, 2026-04-08) sends it
  // now; the sweep's deadlock sends it as the clock's next breach action.
  if (automatic && actor.role !== 'system' && input.communicate !== false) {
    const fresh = (await lockComplaintById(tx, row.id))!;
    const sent = await applyActionToRow(tx, deps, AUTOMATIC_LETTERS, {
      row: fresh,
      action: 'send-deadlock-letter',
      payload: {},
      now,
    });
    return { ...sent, events: [...result.events, ...sent.events] };
  }
  return { reference: row.reference, status: result.state.state, events: result.events };
}

/** The survey's marks as stored beside the score (`overall` is the score). */
function surveyAnswers(p: Record<string, unknown>): SatisfactionAnswers {
  const mark = (k: string) => (typeof p[k] === 'number' ? { [k]: p[k] as number } : {});
  return {
    ...mark('keptInformed'),
    ...mark('speed'),
    ...mark('fairness'),
    overall: p['score'] as number,
  };
}

/** Who sends what the policy sends without a person asking. */
const AUTOMATIC_LETTERS: Actor = { id: 'system:letters', role: 'system' };

/** The notifications and tasks the events ask for (a customer's request reaches a person). */
async function askForAttention(
  tx: Queryable,
  row: ComplaintRow,
  after: ComplaintSnapshot,
  policy: Policy,
  events: readonly DomainEvent[],
  now: Date,
): Promise<void> {
  for (const e of events) {
    await completeTasksOfKinds(tx, row.id, settledTaskKinds(e), e.actorId, now);
    const { notices, tasks } = attentionFor(e, after, policy, row.reference);
    if (notices.length) {
      await insertNotifications(
        tx,
        notices.map((n) => ({ complaintId: row.id, ...n })),
      );
    }
    for (const t of tasks) {
      await insertTask(tx, { complaintId: row.id, ...t, dueAt: null, createdAt: now });
    }
  }
}

/** Messages that an action carries (a customer's reply, a note), stored as sent. */
async function storeMessage(
  tx: Queryable,
  row: ComplaintRow,
  actor: Actor,
  e: DomainEvent,
  now: Date,
  searchText: string[],
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
  const fromCustomer = actor.role === 'customer';
  const note = e.type === 'note_added';
  await insertMessage(tx, {
    complaintId: row.id,
    direction: note ? 'internal' : 'in',
    channel: note ? 'note' : fromCustomer ? 'portal' : 'phone',
    public: !note,
    authorId: fromCustomer ? null : actor.id,
    authorName: actor.name ?? null,
    bodyText: text,
    createdAt: now,
  });
  searchText.push(text);
}

async function communicateAction(
  tx: Queryable,
  deps: { policies: PolicyRegistry; mailDomain: string },
  policy: Policy,
  row: ComplaintRow,
  actor: Actor,
  change: {
    type: ActionType;
    payload: Record<string, unknown>;
    now: Date;
    searchText: string[];
  },
) {
  const { type, payload, now } = change;
  const kind = communicationOfAction(type);
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
  // Asked for by post: it goes by post, or is refused with the reason (never sent otherwise).
  const noPost = asked === 'post' ? notByPost(kind, policy, customer) : null;
  if (noPost) {
    throw new AppError(
      'COMMUNICATION.NOT_BY_POST',
      noPost === 'no_address'
        ? 'no postal address is held for this customer, so nothing can be posted; ask for it by email, or add the address first'
        : `the policy ${policy.id} does not send this by post; ask for it by email`,
      { reason: noPost },
    );
  }
  const via =
    asked === 'post' ? 'post' : ((asked as 'email' | 'portal' | 'phone' | undefined) ?? comm.via);
  const composed = await composeCommunication(tx, deps.policies, {
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
    actor: { id: actor.id, role: actor.role },
    mailDomain: deps.mailDomain,
    at: now,
    searchText: change.searchText,
  });
}

/**
 * Recomputes a complaint's clocks from its events and stores them (and the sweep's work, its
 * queue order and the text its search is to cover).
 */
async function replayAndSaveClocks(
  tx: Queryable,
  policy: Policy,
  row: ComplaintRow,
  now: Date,
  searchText: readonly string[] = [],
): Promise<void> {
  const timeline = (await timelineOf(tx, row.id)).map((e) => ({
    ...e,
    type: e.type as ComplaintEventType,
  }));
  await saveClocks(tx, row, replayClocks(policy, row.channel, timeline, now), { searchText });
}

async function checkReferences(
  tx: Queryable,
  s: { departmentId?: string | null; assigneeId?: string | null },
) {
  if (s.departmentId && !(await departmentExists(tx, s.departmentId))) {
    throw new AppError('COMPLAINT.UNKNOWN_REFERENCE', `no department "${s.departmentId}"`);
  }
  if (s.assigneeId && !(await activeUserExists(tx, s.assigneeId))) {
    throw new AppError('COMPLAINT.UNKNOWN_REFERENCE', `no active user "${s.assigneeId}"`);
  }
}

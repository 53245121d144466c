// A complaint as staff see it (everything) and as its customer sees it (the public part).
import type { Queryable } from '../../db/client.ts';
import {
  clocksOf,
  findComplaint,
  findCustomer,
  snapshotOf,
  type ClockRow,
  type ComplaintRow,
} from '../../db/repositories/complaints.ts';
import { calendarFor } from '../../domain/clocks/policy-clocks.ts';
import { clockProgress } from '../../domain/clocks/deadline.ts';
import { allowedActions, type Actor } from '../../domain/complaint/lifecycle.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import { sha256 } from '../crypto.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { canSee, type ActingUser } from './apply-complaint-action.ts';

export interface ReadDeps {
  db: Queryable;
  policies: PolicyRegistry;
  now: () => Date;
}

function presentClock(policy: Policy, c: ClockRow, now: Date) {
  const config = policy.clocks[c.name];
  const progress =
    config && c.due_at && !c.stopped_at
      ? clockProgress(
          calendarFor(policy),
          config,
          c.started_at.getTime(),
          c.due_at.getTime(),
          now.getTime(),
        )
      : null;
  return {
    clock: c.name,
    label: config?.label ?? c.name,
    amount: config?.amount ?? null,
    unit: config?.unit ?? null,
    regulatory: config?.regulatory ?? false,
    status: c.status === 'running' && c.due_at && c.due_at <= now ? 'breached' : c.status,
    startedAt: c.started_at.toISOString(),
    dueAt: c.due_at?.toISOString() ?? null,
    stoppedAt: c.stopped_at?.toISOString() ?? null,
    warnAt: c.warn_at.map((w) => new Date(w).toISOString()),
    remaining: progress
      ? {
          amount: progress.remaining,
          overdueBy: progress.overdueBy,
          unit: progress.unit,
          text: progress.text,
        }
      : null,
  };
}

interface EventRow {
  stream_seq: number;
  type: string;
  at: Date;
  actor_id: string;
  actor_role: string;
  reason: string | null;
  public: boolean;
  data: Record<string, unknown>;
}

interface MessageRow {
  id: number;
  direction: string;
  channel: string;
  public: boolean;
  author_id: string | null;
  author_name: string | null;
  subject: string | null;
  body_text: string;
  status: string;
  created_at: Date;
  sent_at: Date | null;
}

interface AttachmentRow {
  id: number;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  public: boolean;
  created_at: Date;
}

async function related(db: Queryable, id: number, publicOnly: boolean) {
  const only = publicOnly ? ' and public' : '';
  const [events, messages, attachments] = await Promise.all([
    db.query<EventRow>(`select * from events where complaint_id = $1${only} order by stream_seq`, [
      id,
    ]),
    db.query<MessageRow>(`select * from messages where complaint_id = $1${only} order by id`, [id]),
    db.query<AttachmentRow>(
      `select * from attachments where complaint_id = $1${only} order by id`,
      [id],
    ),
  ]);
  return { events: events.rows, messages: messages.rows, attachments: attachments.rows };
}

const presentMessage = (m: MessageRow) => ({
  id: m.id,
  direction: m.direction,
  channel: m.channel,
  public: m.public,
  authorName: m.author_name,
  subject: m.subject,
  body: m.body_text,
  status: m.status,
  createdAt: m.created_at.toISOString(),
  sentAt: m.sent_at?.toISOString() ?? null,
});

const presentAttachment = (a: AttachmentRow) => ({
  id: a.id,
  filename: a.filename,
  contentType: a.content_type,
  size: Number(a.size),
  sha256: a.sha256,
  public: a.public,
  createdAt: a.created_at.toISOString(),
});

export async function getComplaint(deps: ReadDeps, user: ActingUser, reference: string) {
  const row = await findComplaint(deps.db, reference);
  if (!row || !canSee(user, row))
    throw new AppError('COMPLAINT.NOT_FOUND', `no complaint ${reference}`);
  const policy = deps.policies.version(row.policy_id, row.policy_version);
  const now = deps.now();
  const [customer, clocks, rel] = await Promise.all([
    findCustomer(deps.db, row.customer_id),
    clocksOf(deps.db, row.id),
    related(deps.db, row.id, false),
  ]);
  const actor: Actor = { id: user.id, role: user.role, departmentId: user.departmentId ?? null };
  return {
    ...presentCore(row),
    customer: customer && {
      id: customer.id,
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      address: customer.address,
      preferredContact: customer.preferred_contact,
      language: customer.language,
      needs: customer.needs,
      vulnerable: customer.vulnerable,
    },
    description: row.description,
    product: row.product,
    category: row.category,
    remedySought: row.remedy_sought,
    immediateAction: row.immediate_action,
    peopleInvolved: row.people_involved,
    departmentsInvolved: row.departments_involved,
    subjectUserIds: row.subject_user_ids,
    responseApproved: row.response_approved,
    outcome: row.outcome,
    rootCause: row.root_cause,
    summary: row.summary,
    lessonsLearned: row.lessons_learned,
    redress: row.redress ?? null,
    adr: row.adr ?? null,
    satisfaction: row.satisfaction,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    deadlines: clocks.map((c) => presentClock(policy, c, now)),
    timeline: rel.events.map((e) => ({
      seq: e.stream_seq,
      type: e.type,
      at: e.at.toISOString(),
      actor: { id: e.actor_id, role: e.actor_role },
      reason: e.reason,
      public: e.public,
      data: e.data,
    })),
    messages: rel.messages.map(presentMessage),
    attachments: rel.attachments.map(presentAttachment),
    allowedActions: user.role === 'auditor' ? [] : allowedActions(snapshotOf(row), actor, policy),
  };
}

export function presentCore(row: ComplaintRow) {
  return {
    reference: row.reference,
    status: row.status,
    isOpen: row.is_open,
    policy: { id: row.policy_id, version: row.policy_version },
    channel: row.channel,
    receivedAt: row.received_at.toISOString(),
    language: row.language,
    subject: row.subject,
    flags: row.flags,
    escalationLevel: row.escalation_level,
    assigneeId: row.assignee_id,
    departmentId: row.department_id,
    nextDueAt: row.next_due_at?.toISOString() ?? null,
  };
}

/** The complaint behind a tracking link: the reference and its secret token must both match. */
export async function findTracked(
  db: Queryable,
  reference: string,
  token: string,
): Promise<ComplaintRow> {
  const row = await findComplaint(db, reference);
  // Same answer for a wrong reference and a wrong token: a link reveals nothing of others.
  if (!row || !token || row.tracking_token_hash !== sha256(token)) {
    throw new AppError('TRACKING.NOT_FOUND', 'no complaint matches this tracking link');
  }
  return row;
}

/** What the customer sees through their tracking link. */
export async function getTrackedComplaint(deps: ReadDeps, reference: string, token: string) {
  const row = await findTracked(deps.db, reference, token);
  const policy = deps.policies.version(row.policy_id, row.policy_version);
  const now = deps.now();
  const [clocks, rel] = await Promise.all([
    clocksOf(deps.db, row.id),
    related(deps.db, row.id, true),
  ]);
  const snapshot = snapshotOf(row);
  return {
    reference: row.reference,
    status: row.status,
    receivedAt: row.received_at.toISOString(),
    subject: row.subject,
    description: row.description,
    organisation: policy.organisation?.name ?? policy.name,
    deadlines: clocks
      .filter((c) => !c.stopped_at)
      .map((c) => ({
        clock: c.name,
        label: policy.clocks[c.name]?.label ?? c.name,
        dueAt: c.due_at?.toISOString() ?? null,
      })),
    timeline: rel.events.map((e) => ({ type: e.type, at: e.at.toISOString(), reason: e.reason })),
    messages: rel.messages.filter((m) => m.direction !== 'internal').map(presentMessage),
    attachments: rel.attachments.map(presentAttachment),
    allowedActions: allowedActions(snapshot, { id: 'customer', role: 'customer' }, policy),
    adr: policy.adr ? { scheme: policy.adr.scheme } : null,
    now: now.toISOString(),
  };
}

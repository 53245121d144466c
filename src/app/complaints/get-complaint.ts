// A complaint as staff see it (everything) and as its customer sees it (the public part).
// These return records; src/http/presenters/ shapes them for the API.
import type { Queryable } from '../../db/client.ts';
import { complaintRecords, type ComplaintRecords } from '../../db/queries/complaint-detail.ts';
import { clocksOf, type ClockRow } from '../../db/repositories/clocks.ts';
import { findComplaint, snapshotOf, type ComplaintRow } from '../../db/repositories/complaints.ts';
import { findCustomer, type CustomerRow } from '../../db/repositories/customers.ts';
import { tasksOfComplaint, type TaskRecord } from '../../db/queries/work-lists.ts';
import {
  senderReviewOf,
  senderReviewsClaiming,
  type SenderReviewRow,
} from '../../db/repositories/mail-sender-reviews.ts';
import { nextStep, type NextStep } from '../../domain/complaint/next-step.ts';
import {
  complaintCapabilities,
  type ComplaintPermission,
} from '../../domain/access/complaint-access.ts';
import { allowedActions, type ActionType, type Actor } from '../../domain/complaint/lifecycle.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import {
  customerRoutesAllowed,
  type CustomerRoute,
} from '../../domain/complaint/customer-actions.ts';
import { customerPromises, type CustomerPromise } from '../../domain/complaint/customer-view.ts';
import { sha256 } from '../crypto.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import type { Actor as ActingUser } from '../../domain/complaint/snapshot.ts';
import { canSee } from './apply-complaint-action.ts';

export interface ReadDeps {
  db: Queryable;
  policies: PolicyRegistry;
  now: () => Date;
}

export interface ComplaintDetail {
  complaint: ComplaintRow;
  customer: CustomerRow | null;
  policy: Policy;
  clocks: ClockRow[];
  records: ComplaintRecords;
  /** What the caller may do next (the lifecycle's answer for this complaint and role). */
  allowedActions: ActionType[];
  /** What else the caller may do with it (the permission table's answer). */
  capabilities: Record<ComplaintPermission, boolean>;
  /** The complaint's tasks (call-backs, follow-ups, coordination with departments). */
  tasks: TaskRecord[];
  /** What the procedure expects next: the first clock due and the action that meets it. */
  nextStep: NextStep | null;
  /** When this complaint is a mail that claimed another one from an unverified sender. */
  senderReview: (SenderReviewRow & { canConfirm: boolean }) | null;
  /** Mails from unverified senders that claimed this complaint (each became its own). */
  mailClaims: SenderReviewRow[];
  now: Date;
}

export async function getComplaint(
  deps: ReadDeps,
  user: ActingUser,
  reference: string,
): Promise<ComplaintDetail> {
  const row = await findComplaint(deps.db, reference);
  if (!row || !canSee(user, row)) {
    throw new AppError('COMPLAINT.NOT_FOUND', `no complaint ${reference}`);
  }
  const policy = deps.policies.version(row.policy_id, row.policy_version);
  const [customer, clocks, records, tasks, review, mailClaims] = await Promise.all([
    findCustomer(deps.db, row.customer_id),
    clocksOf(deps.db, row.id),
    complaintRecords(deps.db, row.id, { publicOnly: false }),
    tasksOfComplaint(deps.db, row.id),
    senderReviewOf(deps.db, row.id),
    senderReviewsClaiming(deps.db, row.id),
  ]);
  const capabilities = complaintCapabilities(user, { departmentId: row.department_id });
  const actor: Actor = { id: user.id, role: user.role, departmentId: user.departmentId ?? null };
  const allowed = user.role === 'auditor' ? [] : allowedActions(snapshotOf(row), actor, policy);
  return {
    complaint: row,
    customer,
    policy,
    clocks,
    records,
    allowedActions: allowed,
    capabilities,
    tasks,
    senderReview: review && {
      ...review,
      canConfirm:
        review.status === 'pending' &&
        capabilities['mail.confirm-sender'] &&
        !row.subject_user_ids.includes(user.id),
    },
    mailClaims,
    nextStep: row.is_open
      ? nextStep(
          clocks.map((c) => ({
            name: c.name,
            status: c.status,
            dueAt: c.due_at,
            stoppedAt: c.stopped_at,
          })),
          policy.clocks,
          allowed,
          row.status,
        )
      : null,
    now: deps.now(),
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

export interface TrackedComplaint {
  complaint: ComplaintRow;
  policy: Policy;
  /** The customer-facing clocks still running (never an internal target). */
  promises: CustomerPromise[];
  /** The public events and attachments, and the public messages to or from the customer. */
  records: ComplaintRecords;
  /** The public routes the customer may use now (each one accepts what it is listed for). */
  allowedActions: CustomerRoute[];
  now: Date;
}

/** What the customer sees through their tracking link. */
export async function getTrackedComplaint(
  deps: ReadDeps,
  reference: string,
  token: string,
): Promise<TrackedComplaint> {
  const row = await findTracked(deps.db, reference, token);
  const policy = deps.policies.version(row.policy_id, row.policy_version);
  const [clocks, records] = await Promise.all([
    clocksOf(deps.db, row.id),
    complaintRecords(deps.db, row.id, { publicOnly: true }),
  ]);
  return {
    complaint: row,
    policy,
    promises: customerPromises(policy, clocks),
    records: { ...records, messages: records.messages.filter((m) => m.direction !== 'internal') },
    allowedActions: customerRoutesAllowed(snapshotOf(row), policy),
    now: deps.now(),
  };
}

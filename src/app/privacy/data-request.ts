// A data-subject request as the API shows it — with what the caller may do on it now — and its
// row turned into the domain's case and back.
import type { DataRequestRow } from '../../db/repositories/privacy-requests.ts';
import { may } from '../../domain/access/permissions.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import {
  allowedDataRequestActions,
  type DataRequestCase,
  type DataRequestStep,
} from '../../domain/privacy/data-requests.ts';
import type { PolicyRegistry } from '../policy-registry.ts';

export interface DataRequest {
  id: string;
  customerId: string;
  customerName: string | null;
  policy: string;
  regime: 'uk' | 'vn';
  kind: 'access' | 'erasure' | 'restriction';
  status: 'received' | 'identity_check' | 'in_progress' | 'answered';
  receivedAt: string;
  acknowledgeDueAt: string | null;
  acknowledgedAt: string | null;
  dueAt: string | null;
  extended: boolean;
  extensionReason: string | null;
  withProcessors: boolean;
  outcome: string | null;
  answer: string | null;
  answeredAt: string | null;
  /** What the caller may do now: the domain's rule, and nothing for one who may not act. */
  allowedActions: DataRequestStep[];
}

export const caseOf = (r: DataRequestRow): DataRequestCase => ({
  state: r.status,
  receivedAt: r.received_at,
  acknowledgedAt: r.acknowledged_at,
  pauses: r.pauses,
  extension: r.extension,
  withProcessors: r.with_processors,
  answeredAt: r.answered_at,
});

/** The request as `actor` sees it, under `policy` (its rules as they were when it arrived). */
export const toDataRequest = (
  r: DataRequestRow,
  policy: Pick<Policy, 'dataRequests'>,
  actor: Actor,
): DataRequest => ({
  id: r.id,
  customerId: r.customer_id,
  customerName: r.customer_name ?? null,
  policy: r.policy_id,
  regime: r.regime,
  kind: r.kind,
  status: r.status,
  receivedAt: r.received_at.toISOString(),
  acknowledgeDueAt: r.acknowledge_due_at?.toISOString() ?? null,
  acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
  dueAt: r.due_at?.toISOString() ?? null,
  extended: r.extension !== null,
  extensionReason: r.extension?.reason ?? null,
  withProcessors: r.with_processors,
  outcome: r.outcome,
  answer: r.answer,
  answeredAt: r.answered_at?.toISOString() ?? null,
  allowedActions: may(actor.role, 'privacy.manage')
    ? allowedDataRequestActions(policy, caseOf(r), r.kind)
    : [],
});

/** The policy whose rules a request's row runs on. */
export const policyOfRequest = (policies: PolicyRegistry, r: DataRequestRow) =>
  policies.at(r.policy_id, r.received_at);

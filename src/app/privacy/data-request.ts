// A data-subject request as the API shows it, and its row turned into the domain's case and back.
import type { DataRequestRow } from '../../db/repositories/privacy-requests.ts';
import type { DataRequestCase } from '../../domain/privacy/data-requests.ts';

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

export const toDataRequest = (r: DataRequestRow): DataRequest => ({
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
});

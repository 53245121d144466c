// The audit trail for auditors: a page of events (newest first) under a filter, the whole
// filtered trail for an export, and the chain's verification of one complaint or of everything.
import type { Queryable } from '../../db/client.ts';
import {
  auditEvents,
  type AuditEventRecord,
  type AuditFilter,
} from '../../db/queries/audit-trail.ts';
import { findComplaint } from '../../db/repositories/complaints.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';
import { verifyAudit, type VerifyResult } from './verify-audit.ts';

export interface AuditTrailQuery {
  /** A complaint's reference, or 'system' for users, policies, mailboxes and tokens. */
  stream?: string | undefined;
  actorId?: string | undefined;
  type?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** The most an export holds; a larger trail is exported by period. */
export const EXPORT_LIMIT = 100_000;

export async function listAuditTrail(
  deps: { db: Queryable },
  _actor: Actor,
  input: AuditTrailQuery & { cursor?: number | undefined; limit: number },
): Promise<{ items: AuditEventRecord[]; nextCursor: string | null }> {
  const rows = await auditEvents(
    deps.db,
    { ...input, beforeId: input.cursor } satisfies AuditFilter,
    input.limit + 1,
  );
  const items = rows.slice(0, input.limit);
  const more = rows.length > input.limit;
  return { items, nextCursor: more ? String(items[items.length - 1]!.id) : null };
}

export async function exportAuditTrail(
  deps: { db: Queryable },
  _actor: Actor,
  input: AuditTrailQuery,
): Promise<{ items: AuditEventRecord[]; truncated: boolean }> {
  const rows = await auditEvents(deps.db, input, EXPORT_LIMIT + 1);
  return { items: rows.slice(0, EXPORT_LIMIT), truncated: rows.length > EXPORT_LIMIT };
}

/** Verifies one complaint's chain (by its reference) or every stream's. */
export async function verifyAuditTrail(
  deps: { db: Queryable },
  actor: Actor,
  input: { complaint?: string | undefined },
): Promise<VerifyResult> {
  if (input.complaint && input.complaint !== 'system') {
    if (!(await findComplaint(deps.db, input.complaint)))
      throw new AppError('COMPLAINT.NOT_FOUND', `no complaint ${input.complaint}`);
  }
  return verifyAudit(deps, actor, input.complaint ? { stream: input.complaint } : {});
}

// The retention sweep's one step: work out when closed complaints' retention ends (from their
// policy version), then claim a batch whose end has come and that no legal hold keeps (FOR UPDATE
// SKIP LOCKED, so any number of workers share it) and anonymise it in one transaction, with one
// audit event per complaint. Files no longer referred to are deleted once the batch commits.
import type { Db, Queryable } from '../../db/client.ts';
import { appendEventsToStreams } from '../../db/repositories/events.ts';
import {
  anonymiseComplaintRows,
  claimRetentionDue,
  claimUnplannedRetention,
  setRetentionDue,
  type RetentionCandidate,
} from '../../db/repositories/privacy-retention.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import {
  ANONYMISED_NAME,
  ANONYMISED_SUBJECT,
  ANONYMISED_TEXT,
  NON_PERSONAL_EVENT_KEYS,
  REMOVED_FILENAME,
  type AnonymisationCause,
} from '../../domain/privacy/personal-data.ts';
import { retentionEndsAt, retentionTerm } from '../../domain/privacy/retention.ts';
import type { FileStore } from '../files/file-store.ts';
import type { PolicyRegistry } from '../policy-registry.ts';

export interface RetentionDeps {
  db: Db;
  policies: PolicyRegistry;
  now: () => Date;
  files: FileStore;
}

/** Who the sweep acts as. */
export const RETENTION: Actor = { id: 'system:retention', role: 'system' };

const PLAN_BATCH = 2000;

function endOf(policies: PolicyRegistry, c: RetentionCandidate): Date | null {
  return retentionEndsAt(policies.version(c.policy_id, c.policy_version), {
    outcome: c.outcome,
    product: c.product,
    receivedAt: c.received_at,
    closedAt: c.closed_at,
    isOpen: c.is_open,
  });
}

/** Plans the retention end of closed complaints not planned yet; returns how many it planned. */
export async function planRetention(
  deps: Pick<RetentionDeps, 'db' | 'policies'>,
  limit = PLAN_BATCH,
): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const rows = await claimUnplannedRetention(tx, limit);
    await setRetentionDue(
      tx,
      rows.map((c) => ({ id: c.id, dueAt: endOf(deps.policies, c)! })),
    );
    return rows.length;
  });
}

export interface AnonymisedBatch {
  complaints: string[];
  customers: string[];
  files: string[];
}

/**
 * Anonymises complaints whose rows the caller has locked, with one audit event each
 * (`anonymised`, its data only the cause, the policy version and the period — no personal data).
 */
export async function anonymiseLocked(
  tx: Queryable,
  policies: PolicyRegistry,
  rows: readonly RetentionCandidate[],
  actor: Actor,
  now: Date,
  cause: AnonymisationCause,
  reason: string | null = null,
): Promise<AnonymisedBatch> {
  const work = await anonymiseComplaintRows(
    tx,
    rows.map((r) => ({ id: r.id, retentionDueAt: r.retention_due_at })),
    now,
    {
      subject: ANONYMISED_SUBJECT,
      body: ANONYMISED_TEXT,
      name: ANONYMISED_NAME,
      filename: REMOVED_FILENAME,
    },
    NON_PERSONAL_EVENT_KEYS,
  );
  await appendEventsToStreams(
    tx,
    rows.map((r) => {
      const term = retentionTerm(policies.version(r.policy_id, r.policy_version), r);
      return {
        stream: r.reference,
        complaintId: r.id,
        events: [
          {
            type: 'anonymised',
            actor,
            at: now,
            reason,
            data: {
              reason: cause,
              policyVersion: r.policy_version,
              retention: `${term.years} years from ${term.from} (${term.basis})`,
              endedAt: r.retention_due_at?.toISOString() ?? null,
            },
          },
        ],
      };
    }),
  );
  return { complaints: rows.map((r) => r.reference), customers: work.customers, files: work.files };
}

/** Deletes files the anonymised records referred to (after their transaction committed). */
export async function removeFiles(files: FileStore, hashes: readonly string[]): Promise<void> {
  for (const h of hashes) await files.remove(h);
}

export interface SweepResult {
  planned: number;
  /** Complaints claimed (anonymised, or found to end later after all). */
  claimed: number;
  anonymised: number;
  customers: number;
}

/**
 * One batch: closed complaints not planned yet and those whose planned end has come are claimed
 * together; each one's end is worked out (again: a complaint reopened and closed later ends
 * later), those ended and not held are anonymised, the others get their end recorded.
 */
export async function sweepRetention(
  deps: RetentionDeps,
  actor: Actor = RETENTION,
  input: { limit?: number } = {},
): Promise<SweepResult> {
  const limit = input.limit ?? 1000;
  const now = deps.now();
  const done = await deps.db.transaction(async (tx) => {
    const unplanned = await claimUnplannedRetention(tx, limit);
    const planned =
      unplanned.length < limit ? await claimRetentionDue(tx, now, limit - unplanned.length) : [];
    const due: RetentionCandidate[] = [];
    const later: { id: number; dueAt: Date }[] = [];
    for (const c of [...unplanned, ...planned.map((p) => ({ ...p, held: false }))]) {
      const end = endOf(deps.policies, c)!;
      if (end.getTime() <= now.getTime() && !c.held) due.push({ ...c, retention_due_at: end });
      else if (c.retention_due_at?.getTime() !== end.getTime())
        later.push({ id: c.id, dueAt: end });
    }
    await setRetentionDue(tx, later);
    const batch = await anonymiseLocked(tx, deps.policies, due, actor, now, 'retention_ended');
    return { batch, claimed: unplanned.length + planned.length, planned: unplanned.length };
  });
  await removeFiles(deps.files, done.batch.files);
  return {
    planned: done.planned,
    claimed: done.claimed,
    anonymised: done.batch.complaints.length,
    customers: done.batch.customers.length,
  };
}

/**
 * Runs the sweep until nothing is due (tests, the CLI), in `workers` transactions side by side
 * (2 by default): a batch's work is the database's, one connection uses one of its cores, and
 * SKIP LOCKED gives each worker its own complaints.
 */
export async function sweepRetentionUntilDone(
  deps: RetentionDeps,
  actor: Actor = RETENTION,
  input: { limit?: number; workers?: number } = {},
): Promise<SweepResult> {
  const total: SweepResult = { planned: 0, claimed: 0, anonymised: 0, customers: 0 };
  const worker = async () => {
    for (;;) {
      const r = await sweepRetention(deps, actor, input);
      total.planned += r.planned;
      total.claimed += r.claimed;
      total.anonymised += r.anonymised;
      total.customers += r.customers;
      if (r.claimed === 0) return;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.workers ?? 2) }, worker));
  return total;
}

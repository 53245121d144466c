// Retention as rows: the due instants the sweep plans on closed complaints, the batches it claims
// (FOR UPDATE SKIP LOCKED, so any number of workers share the work), and the anonymisation of a
// batch — complaints, their messages, attachments, inbound mail, tasks, events and the customers
// left with no other live complaint — in a handful of statements per batch.
import type { Queryable } from '../client.ts';
import type { Outcome } from '../../domain/complaint/states.ts';

export interface RetentionCandidate {
  id: number;
  reference: string;
  policy_id: string;
  policy_version: number;
  outcome: Outcome | null;
  product: string | null;
  received_at: Date;
  closed_at: Date | null;
  is_open: boolean;
  customer_id: string;
  retention_due_at: Date | null;
}

const CANDIDATE_COLUMNS = `c.id, c.reference, c.policy_id, c.policy_version, c.outcome, c.product,
  c.received_at, c.closed_at, c.is_open, c.customer_id, c.retention_due_at`;

/** Closed complaints whose retention end has not been worked out yet (locked), and whether a
 *  legal hold keeps each. */
export async function claimUnplannedRetention(
  tx: Queryable,
  limit: number,
): Promise<(RetentionCandidate & { held: boolean })[]> {
  const r = await tx.query<RetentionCandidate & { held: boolean }>(
    `select ${CANDIDATE_COLUMNS}, not ${NOT_HELD} as held from complaints c
     where c.anonymised_at is null and c.status = 'closed' and c.retention_due_at is null
     order by c.id limit $1 for update skip locked`,
    [limit],
  );
  return r.rows;
}

export async function setRetentionDue(
  tx: Queryable,
  plan: readonly { id: number; dueAt: Date }[],
): Promise<void> {
  if (plan.length === 0) return;
  await tx.query(
    `update complaints c set retention_due_at = p.due
     from unnest($1::bigint[], $2::timestamptz[]) as p(id, due) where c.id = p.id`,
    [plan.map((p) => p.id), plan.map((p) => p.dueAt.toISOString())],
  );
}

const NOT_HELD = `not exists (select 1 from legal_holds h where h.released_at is null
  and (h.complaint_id = c.id or h.customer_id = c.customer_id))`;

/** Closed complaints whose planned retention end has come and that no hold keeps (locked). */
export async function claimRetentionDue(
  tx: Queryable,
  now: Date,
  limit: number,
): Promise<RetentionCandidate[]> {
  const r = await tx.query<RetentionCandidate>(
    `select ${CANDIDATE_COLUMNS} from complaints c
     where c.anonymised_at is null and c.status = 'closed' and c.retention_due_at <= $1 and ${NOT_HELD}
     order by c.retention_due_at, c.id limit $2 for update of c skip locked`,
    [now, limit],
  );
  return r.rows;
}

/** Complaints that will be anonymised between two instants (held ones left out), per day in a
 *  time zone: the preview. */
export async function retentionDueByDay(
  q: Queryable,
  from: Date,
  to: Date,
  timezone: string,
  policyId?: string,
): Promise<{ day: string; count: number }[]> {
  const r = await q.query<{ day: string; count: number }>(
    `select to_char(greatest(c.retention_due_at, $1) at time zone $3, 'YYYY-MM-DD') as day,
       count(*)::int as count
     from complaints c
     where c.anonymised_at is null and c.status = 'closed' and c.retention_due_at < $2 and ${NOT_HELD}
       and ($4::text is null or c.policy_id = $4)
     group by 1 order by 1`,
    [from, to, timezone, policyId ?? null],
  );
  return r.rows;
}

/** How many closed complaints are held, and how many are not planned yet (for the preview). */
export async function retentionCounts(q: Queryable): Promise<{ held: number; unplanned: number }> {
  const r = await q.query<{ held: number; unplanned: number }>(
    `select count(*) filter (where not ${NOT_HELD})::int as held,
       count(*) filter (where c.retention_due_at is null)::int as unplanned
     from complaints c where c.anonymised_at is null and c.status = 'closed'`,
  );
  return r.rows[0] ?? { held: 0, unplanned: 0 };
}

/** References of complaints due by `now` (held ones left out), for a dry run. */
export async function retentionDueReferences(
  q: Queryable,
  now: Date,
  limit: number,
): Promise<{ reference: string; retention_due_at: Date }[]> {
  const r = await q.query<{ reference: string; retention_due_at: Date }>(
    `select c.reference, c.retention_due_at from complaints c
     where c.anonymised_at is null and c.status = 'closed' and c.retention_due_at <= $1 and ${NOT_HELD}
     order by c.retention_due_at, c.id limit $2`,
    [now, limit],
  );
  return r.rows;
}

export interface AnonymisationWork {
  /** Files that no remaining attachment or inbound mail refers to: delete them after commit. */
  files: string[];
  /** Customers anonymised with the batch (no other live complaint). */
  customers: string[];
}

/**
 * Anonymises complaints (their rows locked by the caller): personal data out of the complaint,
 * its messages, attachments, inbound mail and tasks; event data erased where it holds anything
 * but states, clocks and outcomes (digests kept); customers with no other live complaint.
 */
export async function anonymiseComplaintRows(
  tx: Queryable,
  rows: readonly { id: number; retentionDueAt: Date | null }[],
  now: Date,
  text: { subject: string; body: string; name: string; filename: string },
  nonPersonalEventKeys: readonly string[],
): Promise<AnonymisationWork> {
  if (rows.length === 0) return { files: [], customers: [] };
  const idList = rows.map((r) => r.id);
  const customers = await tx.query<{ customer_id: string }>(
    `update complaints c set subject = $2, description = '', remedy_sought = null,
       immediate_action = null, people_involved = '[]', summary = null, satisfaction_comment = null,
       messages_text = '', tracking_token_hash = 'anonymised:' || c.id, tracking_token_sealed = null,
       anonymised_at = $3,
       retention_due_at = coalesce(p.due, c.retention_due_at), row_version = c.row_version + 1
     from unnest($1::bigint[], $4::timestamptz[]) as p(id, due)
     where c.id = p.id returning c.customer_id`,
    [idList, text.subject, now, rows.map((r) => r.retentionDueAt?.toISOString() ?? null)],
  );
  await tx.query(
    `update messages set subject = null, body_text = $2, body_html = null, author_name = null,
       to_address = null, last_error = null, anonymised_at = $3
     where complaint_id = any($1::bigint[]) and anonymised_at is null`,
    [idList, text.body, now],
  );
  const removed = await tx.query<{ sha256: string }>(
    `update attachments set filename = $2, removed_at = $3
     where complaint_id = any($1::bigint[]) and removed_at is null returning sha256`,
    [idList, text.filename, now],
  );
  const mails = await tx.query<{ raw_sha256: string }>(
    `update inbound_mails set from_address = null, subject = null
     where complaint_id = any($1::bigint[]) returning raw_sha256`,
    [idList],
  );
  await tx.query(`update tasks set note = null where complaint_id = any($1::bigint[])`, [idList]);
  await tx.query(
    `update events e set data = '{"redacted": true}'::jsonb, redacted_at = $2
     where e.complaint_id = any($1::bigint[]) and e.redacted_at is null
       and exists (select 1 from jsonb_object_keys(e.data) k where not (k = any($3::text[])))`,
    [idList, now, [...nonPersonalEventKeys]],
  );
  const candidates = [
    ...new Set([...removed.rows.map((r) => r.sha256), ...mails.rows.map((r) => r.raw_sha256)]),
  ];
  const stillUsed = candidates.length
    ? await tx.query<{ sha256: string }>(
        `select distinct a.sha256 from attachments a
         where a.sha256 = any($1::text[]) and a.removed_at is null
         union select m.raw_sha256 from inbound_mails m join complaints c on c.id = m.complaint_id
         where m.raw_sha256 = any($1::text[]) and c.anonymised_at is null`,
        [candidates],
      )
    : { rows: [] };
  const used = new Set(stillUsed.rows.map((r) => r.sha256));
  // The customers' rows locked (in id order) before asking whether any complaint of theirs is
  // still live: two batches sharing a customer then take turns, and the later one sees the
  // earlier one's complaints anonymised — unlocked, each could see the other's still live, and
  // neither anonymise the customer.
  const customerIds = [...new Set(customers.rows.map((r) => r.customer_id))].sort();
  await tx.query(
    `select id from customers where id = any($1::text[]) and anonymised_at is null
     order by id for update`,
    [customerIds],
  );
  const gone = await tx.query<{ id: string }>(
    `update customers cu set name = $2, email = null, phone = null, address = '[]', needs = null,
       anonymised_at = $3
     where cu.id = any($1::text[]) and cu.anonymised_at is null
       and not exists (select 1 from complaints c where c.customer_id = cu.id and c.anonymised_at is null)
     returning cu.id`,
    [customerIds, text.name, now],
  );
  return { files: candidates.filter((f) => !used.has(f)), customers: gone.rows.map((r) => r.id) };
}

/** Every complaint of a customer, locked (in id order), with what erasure must check. */
export async function lockCustomerComplaints(
  tx: Queryable,
  customerId: string,
): Promise<(RetentionCandidate & { status: string; anonymised_at: Date | null; held: boolean })[]> {
  const r = await tx.query<
    RetentionCandidate & { status: string; anonymised_at: Date | null; held: boolean }
  >(
    `select ${CANDIDATE_COLUMNS}, c.status, c.anonymised_at, not ${NOT_HELD} as held
     from complaints c where c.customer_id = $1 order by c.id for update of c`,
    [customerId],
  );
  return r.rows;
}

/** Locks a customer's row; whether a hold is placed on the customer themselves. */
export async function lockCustomerForErasure(
  tx: Queryable,
  customerId: string,
): Promise<{ id: string; anonymised_at: Date | null; held: boolean } | null> {
  const r = await tx.query<{ id: string; anonymised_at: Date | null; held: boolean }>(
    `select cu.id, cu.anonymised_at, exists (select 1 from legal_holds h
       where h.released_at is null and h.customer_id = cu.id) as held
     from customers cu where cu.id = $1 for update`,
    [customerId],
  );
  return r.rows[0] ?? null;
}

/** Removes a customer's details (one with no complaint left to carry them). */
export async function anonymiseCustomerRow(
  tx: Queryable,
  customerId: string,
  now: Date,
  name: string,
): Promise<void> {
  await tx.query(
    `update customers set name = $2, email = null, phone = null, address = '[]', needs = null,
       anonymised_at = coalesce(anonymised_at, $3) where id = $1`,
    [customerId, name, now],
  );
}

export async function setCustomerRestricted(
  tx: Queryable,
  customerId: string,
  at: Date,
): Promise<void> {
  await tx.query('update customers set restricted_at = coalesce(restricted_at, $2) where id = $1', [
    customerId,
    at,
  ]);
}

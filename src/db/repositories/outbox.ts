// The outbox: queued emails claimed by the dispatcher (FOR UPDATE SKIP LOCKED), marked `sending`
// before they are sent, then `sent`, queued again with backoff, or `failed`.
import type { Queryable } from '../client.ts';

export interface OutboxEmail {
  id: number;
  reference: string;
  to_address: string | null;
  subject: string | null;
  body_text: string;
  body_html: string | null;
  message_id: string;
  attempts: number;
  author_id: string | null;
  kind: string | null;
  policy_id: string;
  policy_version: number;
  created_at: Date;
}

/** Claims up to `limit` emails due for sending and marks them `sending` (one attempt more). */
export async function claimDueEmails(
  tx: Queryable,
  now: Date,
  limit: number,
): Promise<OutboxEmail[]> {
  const r = await tx.query<OutboxEmail>(
    `select m.id, c.reference, m.to_address, m.subject, m.body_text, m.body_html, m.message_id, m.attempts, m.author_id,
            m.kind, c.policy_id, c.policy_version, m.created_at
     from messages m join complaints c on c.id = m.complaint_id
     where m.status = 'queued' and m.channel = 'email' and m.next_attempt_at <= $1
     order by m.next_attempt_at, m.id limit $2 for update of m skip locked`,
    [now, limit],
  );
  if (r.rows.length) {
    await tx.query(
      `update messages set status = 'sending', attempts = attempts + 1, next_attempt_at = $2 where id = any($1::bigint[])`,
      [r.rows.map((m) => m.id), now],
    );
  }
  return r.rows;
}

export async function markEmailsSent(tx: Queryable, ids: number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `update messages set status = 'sent', sent_at = $2, last_error = null where id = any($1::bigint[])`,
    [ids, at],
  );
}

export async function requeueEmails(
  tx: Queryable,
  retries: readonly { id: number; at: Date; error: string }[],
): Promise<void> {
  if (retries.length === 0) return;
  await tx.query(
    `update messages m set status = 'queued', next_attempt_at = r.at, last_error = r.error
     from unnest($1::bigint[], $2::timestamptz[], $3::text[]) as r(id, at, error) where m.id = r.id`,
    [retries.map((r) => r.id), retries.map((r) => r.at), retries.map((r) => r.error)],
  );
}

export async function markEmailsFailed(
  tx: Queryable,
  failures: readonly { id: number; error: string }[],
): Promise<void> {
  if (failures.length === 0) return;
  await tx.query(
    `update messages m set status = 'failed', last_error = f.error
     from unnest($1::bigint[], $2::text[]) as f(id, error) where m.id = f.id`,
    [failures.map((f) => f.id), failures.map((f) => f.error)],
  );
}

/** Emails whose delivery is uncertain (see DeliveryUncertainError): `unknown`, for a person. */
export async function markEmailsUnknown(
  tx: Queryable,
  uncertain: readonly { id: number; error: string }[],
): Promise<void> {
  if (uncertain.length === 0) return;
  await tx.query(
    `update messages m set status = 'unknown', last_error = f.error
     from unnest($1::bigint[], $2::text[]) as f(id, error) where m.id = f.id`,
    [uncertain.map((f) => f.id), uncertain.map((f) => f.error)],
  );
}

/** Emails left `sending` since before `before` are marked `unknown`; returns how many. */
export async function markInterruptedSends(q: Queryable, before: Date): Promise<number> {
  const r = await q.query(
    `update messages set status = 'unknown',
       last_error = 'sending was interrupted; check whether it arrived, then retry it if not'
     where status = 'sending' and next_attempt_at < $1`,
    [before],
  );
  return r.rowCount;
}

/** A failed or unknown email queued again from scratch; false when there is no such email. */
export async function requeueFailedEmail(q: Queryable, id: number, now: Date): Promise<boolean> {
  const r = await q.query(
    `update messages set status = 'queued', next_attempt_at = $2, attempts = 0
     where id = $1 and channel = 'email' and status in ('failed', 'unknown')`,
    [id, now],
  );
  return r.rowCount > 0;
}

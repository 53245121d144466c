// Messages of a complaint as stored: what came in (mail, portal replies, phone notes), internal
// notes, and what went out exactly as sent (emails in the outbox, letters, portal messages).
import type { Queryable } from '../client.ts';

export interface NewMessage {
  complaintId: number;
  direction: 'in' | 'out' | 'internal';
  /** email | letter | portal | phone | note */
  channel: string;
  public: boolean;
  authorId?: string | null;
  authorName?: string | null;
  subject?: string | null;
  bodyText: string;
  bodyHtml?: string | null;
  /** The RFC 5322 Message-ID (with its angle brackets). */
  messageId?: string | null;
  inReplyTo?: string | null;
  /** stored | queued | awaiting_print | sent | task … */
  status?: string;
  /** The communication kind of a message we send. */
  kind?: string | null;
  toAddress?: string | null;
  nextAttemptAt?: Date | null;
  createdAt: Date;
  sentAt?: Date | null;
}

/**
 * Stores a message; returns its id. `ignoreDuplicateMessageId`: a message whose Message-ID is
 * stored already is not stored again, and null is returned.
 */
export async function insertMessage(
  tx: Queryable,
  m: NewMessage,
  opts: { ignoreDuplicateMessageId?: boolean } = {},
): Promise<number | null> {
  const r = await tx.query<{ id: number }>(
    `insert into messages (complaint_id, direction, channel, public, author_id, author_name, subject,
       body_text, body_html, message_id, in_reply_to, status, kind, to_address, next_attempt_at,
       created_at, sent_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ${opts.ignoreDuplicateMessageId ? 'on conflict (message_id) where message_id is not null do nothing' : ''}
     returning id`,
    [
      m.complaintId,
      m.direction,
      m.channel,
      m.public,
      m.authorId ?? null,
      m.authorName ?? null,
      m.subject ?? null,
      m.bodyText,
      m.bodyHtml ?? null,
      m.messageId ?? null,
      m.inReplyTo ?? null,
      m.status ?? 'stored',
      m.kind ?? null,
      m.toAddress ?? null,
      m.nextAttemptAt ?? null,
      m.createdAt,
      m.sentAt ?? null,
    ],
  );
  return r.rows[0] ? Number(r.rows[0].id) : null;
}

/** Whether any of these Message-IDs is one of a message we sent. */
export async function isOwnMessageId(q: Queryable, ids: readonly string[]): Promise<boolean> {
  const r = await q.query(
    `select 1 from messages where direction = 'out' and message_id = any($1::text[]) limit 1`,
    [ids],
  );
  return r.rowCount > 0;
}

/** The complaints that hold messages with these Message-IDs. */
export async function complaintsOfMessageIds(
  q: Queryable,
  ids: readonly string[],
): Promise<{ messageId: string; complaintId: number; reference: string; email: string | null }[]> {
  const r = await q.query<{
    message_id: string;
    complaint_id: number;
    reference: string;
    email: string | null;
  }>(
    `select m.message_id, m.complaint_id, c.reference, cu.email
       from messages m join complaints c on c.id = m.complaint_id
       join customers cu on cu.id = c.customer_id
      where m.message_id = any($1::text[])`,
    [ids],
  );
  return r.rows.map((row) => ({
    messageId: row.message_id,
    complaintId: Number(row.complaint_id),
    reference: row.reference,
    email: row.email,
  }));
}

/** The complaints with these references, with their customer's email (threading by subject). */
export async function complaintsWithCustomerEmail(
  q: Queryable,
  references: readonly string[],
): Promise<{ complaintId: number; reference: string; email: string | null }[]> {
  const r = await q.query<{ id: number; reference: string; email: string | null }>(
    `select c.id, c.reference, cu.email
       from complaints c join customers cu on cu.id = c.customer_id
      where c.reference = any($1::text[])`,
    [references],
  );
  return r.rows.map((row) => ({
    complaintId: Number(row.id),
    reference: row.reference,
    email: row.email,
  }));
}

/** Emails still queued count as sent when they were written (the demo's past). */
export async function markQueuedEmailsSent(q: Queryable): Promise<void> {
  await q.query(
    `update messages set status = 'sent', sent_at = created_at where status = 'queued' and channel = 'email'`,
  );
}

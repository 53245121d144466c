// Mail that claimed a complaint without being authenticated as its customer's (migration 0014):
// the new complaint it became, the complaint it claimed, and whether a person confirmed it.
import type { Queryable } from '../client.ts';

export interface SenderReviewRow {
  complaint_id: number;
  claimed_complaint_id: number;
  inbound_mail_id: number;
  message_id: number | null;
  refusal: string;
  detail: string;
  status: 'pending' | 'confirmed';
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Date;
  /** The two complaints' references (joined in). */
  reference: string;
  claimed_reference: string;
}

const SELECT = `select r.*, c.reference, cc.reference as claimed_reference
  from mail_sender_reviews r
  join complaints c on c.id = r.complaint_id
  join complaints cc on cc.id = r.claimed_complaint_id`;

function fromRow(r: SenderReviewRow): SenderReviewRow {
  return {
    ...r,
    complaint_id: Number(r.complaint_id),
    claimed_complaint_id: Number(r.claimed_complaint_id),
    inbound_mail_id: Number(r.inbound_mail_id),
    message_id: r.message_id === null ? null : Number(r.message_id),
    decided_at: r.decided_at === null ? null : new Date(r.decided_at),
    created_at: new Date(r.created_at),
  };
}

export async function insertSenderReview(
  tx: Queryable,
  r: {
    complaintId: number;
    claimedComplaintId: number;
    inboundMailId: number;
    messageId: number | null;
    refusal: string;
    detail: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `insert into mail_sender_reviews
       (complaint_id, claimed_complaint_id, inbound_mail_id, message_id, refusal, detail, created_at)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (complaint_id) do nothing`,
    [r.complaintId, r.claimedComplaintId, r.inboundMailId, r.messageId, r.refusal, r.detail, r.at],
  );
}

/** The review of the complaint a mail became (null when it is no such complaint). */
export async function senderReviewOf(
  q: Queryable,
  complaintId: number,
  opts: { lock?: boolean } = {},
): Promise<SenderReviewRow | null> {
  const r = await q.query<SenderReviewRow>(
    `${SELECT} where r.complaint_id = $1${opts.lock ? ' for update of r' : ''}`,
    [complaintId],
  );
  return r.rows[0] ? fromRow(r.rows[0]) : null;
}

/** The mails that claimed this complaint, oldest first. */
export async function senderReviewsClaiming(
  q: Queryable,
  claimedComplaintId: number,
): Promise<SenderReviewRow[]> {
  const r = await q.query<SenderReviewRow>(
    `${SELECT} where r.claimed_complaint_id = $1 order by r.created_at, r.complaint_id limit 100`,
    [claimedComplaintId],
  );
  return r.rows.map(fromRow);
}

export async function markSenderConfirmed(
  tx: Queryable,
  complaintId: number,
  by: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `update mail_sender_reviews set status = 'confirmed', decided_by = $2, decided_at = $3
      where complaint_id = $1`,
    [complaintId, by, at],
  );
}

/** Moves a message and its attachments onto another complaint; returns the attachments moved. */
export async function moveMessage(
  tx: Queryable,
  messageId: number,
  toComplaintId: number,
): Promise<
  {
    id: number;
    filename: string;
    content_type: string;
    size: number;
    sha256: string;
    public: boolean;
  }[]
> {
  await tx.query('update messages set complaint_id = $2 where id = $1', [messageId, toComplaintId]);
  const r = await tx.query<{
    id: number;
    filename: string;
    content_type: string;
    size: number;
    sha256: string;
    public: boolean;
  }>(
    `update attachments set complaint_id = $2 where message_id = $1
     returning id, filename, content_type, size, sha256, public`,
    [messageId, toComplaintId],
  );
  return r.rows.map((a) => ({ ...a, id: Number(a.id), size: Number(a.size) }));
}

/** The ledger row of a confirmed mail now names the complaint it joined. */
export async function rethreadInboundMail(
  tx: Queryable,
  inboundMailId: number,
  complaintId: number,
): Promise<void> {
  await tx.query(
    `update inbound_mails set complaint_id = $2, status = 'reply_threaded' where id = $1`,
    [inboundMailId, complaintId],
  );
}

export async function messageBody(
  q: Queryable,
  messageId: number,
): Promise<{ body_text: string; author_name: string | null } | null> {
  const r = await q.query<{ body_text: string; author_name: string | null }>(
    'select body_text, author_name from messages where id = $1',
    [messageId],
  );
  return r.rows[0] ?? null;
}

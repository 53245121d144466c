// The ledger of inbound mail: every mail taken from a mailbox, known by its place there
// (UIDVALIDITY, UID) and its Message-ID. The unique constraints make a second copy, a second
// worker or a retry find the existing row instead of taking the mail again; a worker claims a
// row for a while (claimed_until) while it takes the mail.
import type { Queryable } from '../client.ts';

export type LedgerStatus =
  | 'received'
  | 'complaint_created'
  | 'reply_threaded'
  | 'ignored_auto'
  | 'flagged_malformed'
  | 'duplicate';

export interface LedgerRow {
  id: number;
  mailbox_id: string;
  uid: number | null;
  message_id: string | null;
  raw_sha256: string;
  /** bigint: a string from pg */
  size: number | string;
  status: LedgerStatus;
  complaint_id: number | null;
  error: string | null;
  attempts: number;
  received_at: Date | string;
}

export async function findLedgerRow(q: Queryable, id: number): Promise<LedgerRow | null> {
  const r = await q.query<LedgerRow>('select * from inbound_mails where id = $1', [id]);
  return r.rows[0] ?? null;
}

/** A mail of the mailbox that nothing names but its bytes (no UID, no Message-ID). */
export async function findUnnamedMail(
  q: Queryable,
  mailboxId: string,
  rawSha256: string,
): Promise<LedgerRow | null> {
  const r = await q.query<LedgerRow>(
    `select * from inbound_mails where mailbox_id = $1 and raw_sha256 = $2 and uid is null
        and message_id is null order by id limit 1`,
    [mailboxId, rawSha256],
  );
  return r.rows[0] ?? null;
}

export async function findMailAtPlace(
  q: Queryable,
  mailboxId: string,
  uidValidity: string,
  uid: number,
): Promise<LedgerRow | null> {
  const r = await q.query<LedgerRow>(
    'select * from inbound_mails where mailbox_id = $1 and uid_validity = $2 and uid = $3',
    [mailboxId, uidValidity, uid],
  );
  return r.rows[0] ?? null;
}

export async function findMailByMessageId(
  q: Queryable,
  messageId: string,
): Promise<LedgerRow | null> {
  const r = await q.query<LedgerRow>('select * from inbound_mails where message_id = $1', [
    messageId,
  ]);
  return r.rows[0] ?? null;
}

export interface NewLedgerRow {
  mailboxId: string;
  uidValidity: string | null;
  uid: number | null;
  messageId: string | null;
  rawSha256: string;
  size: number;
  fromAddress: string | null;
  subject: string | null;
  receivedAt: Date;
  claimedUntil: Date;
}

/** A new mail, claimed by the caller; null when its place or Message-ID is taken already. */
export async function insertClaimedMail(q: Queryable, m: NewLedgerRow): Promise<LedgerRow | null> {
  const r = await q.query<LedgerRow>(
    `insert into inbound_mails (mailbox_id, uid_validity, uid, message_id, raw_sha256, size, from_address,
       subject, received_at, claimed_until)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict do nothing returning *`,
    [
      m.mailboxId,
      m.uidValidity,
      m.uid,
      m.messageId,
      m.rawSha256,
      m.size,
      m.fromAddress,
      m.subject,
      m.receivedAt,
      m.claimedUntil,
    ],
  );
  return r.rows[0] ?? null;
}

/** Another copy of a mail already in the ledger, recorded as handled; null if recorded already. */
export async function insertDuplicateMail(
  q: Queryable,
  m: {
    mailboxId: string;
    uidValidity: string;
    uid: number;
    rawSha256: string;
    size: number;
    complaintId: number | null;
    error: string;
    at: Date;
  },
): Promise<LedgerRow | null> {
  const r = await q.query<LedgerRow>(
    `insert into inbound_mails (mailbox_id, uid_validity, uid, message_id, raw_sha256, size, status,
       complaint_id, error, received_at, handled_at, claimed_until)
     values ($1, $2, $3, null, $4, $5, 'duplicate', $6, $7, $8, $8, null)
     on conflict do nothing returning *`,
    [m.mailboxId, m.uidValidity, m.uid, m.rawSha256, m.size, m.complaintId, m.error, m.at],
  );
  return r.rows[0] ?? null;
}

/** Claims a row still to be taken, unless another worker's claim holds; null if not claimed. */
export async function claimMail(
  q: Queryable,
  id: number,
  until: Date,
  now: Date,
): Promise<LedgerRow | null> {
  const r = await q.query<LedgerRow>(
    `update inbound_mails set attempts = attempts + 1, claimed_until = $2
      where id = $1 and status = 'received' and (claimed_until is null or claimed_until < $3)
      returning *`,
    [id, until, now],
  );
  return r.rows[0] ?? null;
}

/** Records how a mail was taken; null when it was finished meanwhile (by another worker). */
export async function finishMail(
  q: Queryable,
  id: number,
  status: Exclude<LedgerStatus, 'received' | 'duplicate'>,
  opts: { error: string | null; complaintId: number | null; subject: string | null; at: Date },
): Promise<LedgerRow | null> {
  const r = await q.query<LedgerRow>(
    `update inbound_mails set status = $2, error = $3, complaint_id = $4, handled_at = $5,
       claimed_until = null, subject = coalesce($6, subject)
     where id = $1 and status = 'received' returning *`,
    [id, status, opts.error, opts.complaintId, opts.at, opts.subject],
  );
  return r.rows[0] ?? null;
}

/** Locks a ledger row inside the transaction that takes its mail. */
export async function lockLedgerRow(tx: Queryable, id: number): Promise<LedgerRow | null> {
  const r = await tx.query<LedgerRow>('select * from inbound_mails where id = $1 for update', [id]);
  return r.rows[0] ?? null;
}

/** Gives up a claim after a failure, keeping why (the mail is tried again later). */
export async function releaseMail(q: Queryable, id: number, error: string): Promise<void> {
  await q.query(
    `update inbound_mails set error = $2, claimed_until = null where id = $1 and status = 'received'`,
    [id, error],
  );
}

/** Mails of a mailbox left half-taken (received, no live claim), oldest first. */
export async function pendingMails(
  q: Queryable,
  mailboxId: string,
  now: Date,
  limit: number,
): Promise<LedgerRow[]> {
  const r = await q.query<LedgerRow>(
    `select * from inbound_mails where mailbox_id = $1 and status = 'received'
        and (claimed_until is null or claimed_until < $2) order by id limit $3`,
    [mailboxId, now, limit],
  );
  return r.rows;
}

/** A flagged (or stuck) mail put back to be taken again; null when there is no such mail. */
export async function resetForRetake(
  q: Queryable,
  id: number,
  now: Date,
): Promise<LedgerRow | null> {
  const r = await q.query<LedgerRow>(
    `update inbound_mails set status = 'received', attempts = 0, claimed_until = null, error = null
      where id = $1 and (status = 'flagged_malformed'
        or (status = 'received' and (claimed_until is null or claimed_until < $2)))
      returning *`,
    [id, now],
  );
  return r.rows[0] ?? null;
}

/** How many mails of each status every mailbox has taken. */
export async function mailboxCounts(q: Queryable): Promise<Map<string, Record<string, number>>> {
  const r = await q.query<{ mailbox_id: string; status: string; n: number }>(
    'select mailbox_id, status, count(*)::int as n from inbound_mails group by mailbox_id, status',
  );
  const out = new Map<string, Record<string, number>>();
  for (const row of r.rows) {
    const counts = out.get(row.mailbox_id) ?? {};
    counts[row.status] = Number(row.n);
    out.set(row.mailbox_id, counts);
  }
  return out;
}

export interface FlaggedMail {
  id: number;
  mailbox: string;
  receivedAt: string;
  from: string | null;
  subject: string | null;
  error: string | null;
  rawSha256: string;
}

/** Mail kept raw but not taken (malformed, or failing again and again), newest first. */
export async function listFlaggedMail(q: Queryable, limit: number): Promise<FlaggedMail[]> {
  const r = await q.query<{
    id: number;
    name: string;
    received_at: Date | string;
    from_address: string | null;
    subject: string | null;
    raw_sha256: string;
    error: string | null;
  }>(
    `select i.id, m.name, i.received_at, i.from_address, i.subject, i.raw_sha256, i.error
       from inbound_mails i join mailboxes m on m.id = i.mailbox_id
      where i.status = 'flagged_malformed' order by i.received_at desc, i.id desc limit $1`,
    [limit],
  );
  return r.rows.map((row) => ({
    id: row.id,
    mailbox: row.name,
    receivedAt: new Date(row.received_at).toISOString(),
    from: row.from_address,
    subject: row.subject,
    error: row.error,
    rawSha256: row.raw_sha256,
  }));
}

export interface RecentMail {
  id: number;
  status: LedgerStatus;
  from_address: string | null;
  subject: string | null;
  error: string | null;
  received_at: Date;
  reference: string | null;
}

/** A mailbox's latest mails, newest first, each with the complaint it made or joined. */
export async function recentMailsOf(
  q: Queryable,
  mailboxId: string,
  limit: number,
): Promise<RecentMail[]> {
  const r = await q.query<RecentMail>(
    `select m.id, m.status, m.from_address, m.subject, m.error, m.received_at, c.reference
       from inbound_mails m left join complaints c on c.id = m.complaint_id
      where m.mailbox_id = $1 order by m.received_at desc, m.id desc limit $2`,
    [mailboxId, limit],
  );
  return r.rows.map((row) => ({
    ...row,
    id: Number(row.id),
    received_at: new Date(row.received_at),
  }));
}

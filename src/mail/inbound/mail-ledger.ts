// Claiming one inbound mail in the ledger, exactly once: a new mail gets a row claimed by this
// worker; a mail seen before (at this place in the mailbox, or by its Message-ID) finds its
// row — still to be taken (claimed again, unless another worker holds it), or taken already.
import type { Queryable } from '../../db/client.ts';
import {
  claimMail as claimRow,
  findLedgerRow,
  findMailAtPlace,
  findMailByMessageId,
  findUnnamedMail,
  finishMail,
  insertClaimedMail,
  insertDuplicateMail,
  lockLedgerRow,
  type LedgerRow,
  type LedgerStatus,
} from '../../db/repositories/inbound-mails.ts';
import type { Mailbox } from '../../db/repositories/mailboxes.ts';
import { addressIn, normaliseMessageId, type RawHeaders } from './headers.ts';

export type IngestOutcome =
  /** Taken (now or before): the mail may be marked as read. */
  | {
      kind: 'handled';
      id: number;
      status: Exclude<LedgerStatus, 'received'>;
      complaintId: number | null;
      reference: string | null;
      error: string | null;
      /** True when an earlier delivery of this mail was taken already. */
      repeated: boolean;
    }
  /** Not taken yet (another worker has it, or it failed and will be tried again): keep it unread. */
  | { kind: 'pending'; id: number; reason: string };

export interface MailMeta {
  /** IMAP: the mail's UID in the folder, and the folder's UIDVALIDITY. */
  uid?: number;
  uidValidity?: bigint | number;
  /** When the mail reached the mailbox (IMAP INTERNALDATE); defaults to now. */
  receivedAt?: Date;
}

export type Claim = { kind: 'claimed'; row: LedgerRow } | { kind: 'other'; outcome: IngestOutcome };

/** How long a worker keeps its claim on a mail it is taking. */
const CLAIM_MS = 5 * 60_000;

export const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The mail was finished by someone else while this worker was taking it. */
export class AlreadyHandled extends Error {
  constructor(readonly row: LedgerRow) {
    super(`inbound mail ${row.id} was taken meanwhile`);
  }
}

export function doneOutcome(row: LedgerRow, repeated: boolean): IngestOutcome {
  if (row.status === 'received')
    return { kind: 'pending', id: Number(row.id), reason: 'being taken' };
  return {
    kind: 'handled',
    id: Number(row.id),
    status: row.status,
    complaintId: row.complaint_id === null ? null : Number(row.complaint_id),
    reference: null,
    error: row.error,
    repeated,
  };
}

export async function claimMail(
  db: Queryable,
  now: Date,
  mailbox: Mailbox,
  sha256: string,
  size: number,
  head: RawHeaders,
  meta: MailMeta,
): Promise<Claim> {
  const messageId = normaliseMessageId(head.get('message-id'));
  const uidValidity = meta.uidValidity === undefined ? null : meta.uidValidity.toString();
  const uid = meta.uid ?? null;
  const receivedAt =
    meta.receivedAt && meta.receivedAt.getTime() < now.getTime() ? meta.receivedAt : now;
  if (uid === null && messageId === null) {
    // Nothing names this mail but its bytes: an SMTP retry of it has the same ones.
    const same = await findUnnamedMail(db, mailbox.id, sha256);
    if (same) return resumeClaim(db, now, same);
  }
  const inserted = await insertClaimedMail(db, {
    mailboxId: mailbox.id,
    uidValidity,
    uid,
    messageId,
    rawSha256: sha256,
    size,
    fromAddress: clip(addressIn(head.get('from')) ?? '', 320) || null,
    subject: clip(head.get('subject') ?? '', 300) || null,
    receivedAt,
    claimedUntil: new Date(now.getTime() + CLAIM_MS),
  });
  if (inserted) return { kind: 'claimed', row: inserted };

  // Seen before: at this place in the mailbox, or by its Message-ID.
  if (uid !== null && uidValidity !== null) {
    const same = await findMailAtPlace(db, mailbox.id, uidValidity, uid);
    if (same) return resumeClaim(db, now, same);
  }
  const original = messageId ? await findMailByMessageId(db, messageId) : null;
  if (!original) throw new Error('the inbound mail ledger refused a mail it does not hold');
  // SMTP has no UID: the same Message-ID again is the same mail sent again (our answer was lost).
  if (uid === null || uidValidity === null) return resumeClaim(db, now, original);
  // Another copy of a mail already taken (delivered twice, or in two mailboxes): recorded, so
  // it is marked read like the rest, and never taken twice.
  const row =
    (await insertDuplicateMail(db, {
      mailboxId: mailbox.id,
      uidValidity,
      uid,
      rawSha256: sha256,
      size,
      complaintId: original.complaint_id,
      error: `the same Message-ID ${messageId} as inbound mail ${original.id}`,
      at: now,
    })) ?? (await findMailAtPlace(db, mailbox.id, uidValidity, uid))!;
  return { kind: 'other', outcome: doneOutcome(row, true) };
}

/** Claims a ledger row that is still to be taken, unless a worker holds it. */
export async function resumeClaim(db: Queryable, now: Date, row: LedgerRow): Promise<Claim> {
  if (row.status !== 'received') return { kind: 'other', outcome: doneOutcome(row, true) };
  const claimed = await claimRow(db, row.id, new Date(now.getTime() + CLAIM_MS), now);
  if (claimed) return { kind: 'claimed', row: claimed };
  return { kind: 'other', outcome: doneOutcome((await findLedgerRow(db, row.id)) ?? row, true) };
}

/** Records how the mail was taken (or why not). */
export async function finish(
  db: Queryable,
  now: Date,
  row: LedgerRow,
  status: Exclude<LedgerStatus, 'received' | 'duplicate'>,
  opts: { error?: string | null; complaintId?: number | null; subject?: string | null } = {},
): Promise<IngestOutcome> {
  const done = await finishMail(db, row.id, status, {
    error: opts.error ? clip(opts.error, 2000) : null,
    complaintId: opts.complaintId ?? null,
    subject: opts.subject ? clip(opts.subject, 300) : null,
    at: now,
  });
  if (done) return doneOutcome(done, false);
  return doneOutcome((await findLedgerRow(db, row.id)) ?? row, true);
}

/** Locks the mail's row in the transaction that takes it; throws if it was taken meanwhile. */
export async function lockUntaken(tx: Queryable, id: number): Promise<void> {
  const row = await lockLedgerRow(tx, id);
  if (!row) throw new Error(`inbound mail ${id} is gone`);
  if (row.status !== 'received') throw new AlreadyHandled(row);
}

// Taking one inbound mail, exactly once. The raw bytes are stored first (content-addressed), then
// a ledger row claims the mail by its place in the mailbox (UIDVALIDITY, UID) and its Message-ID
// — the unique constraints make a second copy, a second worker or a retry find that row instead
// of taking the mail again. Then the mail is classified and parsed: automatic mail is ignored,
// broken or oversized mail is flagged (its raw bytes kept), a reply joins its complaint and any
// other mail becomes a new complaint. The reply — event, message, attachments and ledger row —
// is one transaction; a new complaint is registered with an idempotency key named after the
// ledger row, so a retry after a crash between the two steps finds the same complaint.
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Db, Queryable } from '../../db/client.ts';
import {
  lockComplaint,
  lockComplaintById,
  type ComplaintRow,
} from '../../db/repositories/complaints.ts';
import { sanitiseFilename } from '../../app/attachments/sanitise-filename.ts';
import { sniffContentType, type SniffedType } from '../../app/attachments/sniff-content-type.ts';
import { AppError } from '../../app/errors.ts';
import { appendEvents } from '../../app/audit.ts';
import { applyActionToRow, type ActingUser } from '../../app/complaints/apply-complaint-action.ts';
import type { IntakeBatcher } from '../../app/complaints/register-complaint.ts';
import { createComplaintInput } from '../../app/complaints/schemas.ts';
import type { FileStore } from '../../app/files/file-store.ts';
import type { PolicyRegistry } from '../../app/policy-registry.ts';
import { formatIssue } from '../../domain/policy/errors.ts';
import { classifyMail } from './classify.ts';
import {
  addressIn,
  messageIdsIn,
  normaliseMessageId,
  parseRawHeaders,
  type RawHeaders,
} from './headers.ts';
import { DEFAULT_LIMITS, parsedProblems, rawProblems, type MailLimits } from './limits.ts';
import { listMailboxes, type Mailbox } from './mailboxes.ts';
import { sanitiseMailHtml } from './sanitise-html.ts';
import { findThread, threadClues, type Thread } from './threading.ts';

export interface IngestDeps {
  db: Db;
  policies: PolicyRegistry;
  files: FileStore;
  intake: Pick<IntakeBatcher, 'register'>;
  now: () => Date;
  limits?: MailLimits;
  /** The domain of the Message-IDs of mail an action sends (config.mailDomain). */
  mailDomain?: string;
}

export interface MailMeta {
  /** IMAP: the mail's UID in the folder, and the folder's UIDVALIDITY. */
  uid?: number;
  uidValidity?: bigint | number;
  /** When the mail reached the mailbox (IMAP INTERNALDATE); defaults to now. */
  receivedAt?: Date;
}

export type LedgerStatus =
  | 'received'
  | 'complaint_created'
  | 'reply_threaded'
  | 'ignored_auto'
  | 'flagged_malformed'
  | 'duplicate';

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

/** Who registers complaints that come by mail. */
export const MAIL_ACTOR = { id: 'system:mail', role: 'system' } as const;
/** A mail that fails this often (not for being broken: for an error) is flagged. */
export const MAX_ATTEMPTS = 3;
/** How long a worker keeps its claim on a mail it is taking. */
const CLAIM_MS = 5 * 60_000;
const EVENT_TEXT_MAX = 20_000;

interface LedgerRow {
  id: number;
  mailbox_id: string;
  uid: number | null;
  message_id: string | null;
  raw_sha256: string;
  status: LedgerStatus;
  complaint_id: number | null;
  error: string | null;
  attempts: number;
  received_at: Date | string;
}

class AlreadyHandled extends Error {
  constructor(readonly row: LedgerRow) {
    super(`inbound mail ${row.id} was taken meanwhile`);
  }
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Takes one mail; never throws for what the mail contains, only when the database fails. */
export async function ingestMail(
  deps: IngestDeps,
  mailbox: Mailbox,
  raw: Buffer,
  meta: MailMeta = {},
): Promise<IngestOutcome> {
  const stored = await deps.files.put(raw);
  const head = parseRawHeaders(raw);
  const claim = await claimMail(deps, mailbox, stored.sha256, raw, head, meta);
  if (claim.kind !== 'claimed') return claim.outcome;
  return processClaimed(deps, mailbox, raw, head, claim.row);
}

/**
 * Finishes mails left half-taken (a crash, a failure): read again from the file store. The
 * readers run it when they start, so no mail stays in the ledger as merely received.
 */
export async function resumePending(deps: IngestDeps, mailbox: Mailbox): Promise<IngestOutcome[]> {
  const r = await deps.db.query<LedgerRow>(
    `select * from inbound_mails where mailbox_id = $1 and status = 'received'
        and (claimed_until is null or claimed_until < $2) order by id limit 1000`,
    [mailbox.id, deps.now()],
  );
  const out: IngestOutcome[] = [];
  for (const row of r.rows) out.push(await retakeRow(deps, mailbox, row));
  return out;
}

/** Takes a mail of the ledger again from its stored bytes (after a flagged mail was looked at). */
export async function retakeMail(deps: IngestDeps, id: number): Promise<IngestOutcome> {
  const r = await deps.db.query<LedgerRow & { status: LedgerStatus }>(
    `update inbound_mails set status = 'received', attempts = 0, claimed_until = null, error = null
      where id = $1 and (status = 'flagged_malformed'
        or (status = 'received' and (claimed_until is null or claimed_until < $2)))
      returning *`,
    [id, deps.now()],
  );
  const row = r.rows[0];
  if (!row) throw new AppError('MAIL.NOT_FLAGGED', `no flagged or pending inbound mail ${id}`);
  const mailbox = (await listMailboxes(deps.db)).find((m) => m.id === row.mailbox_id);
  if (!mailbox) throw new Error(`the mailbox of inbound mail ${id} is gone`);
  return retakeRow(deps, mailbox, row);
}

async function retakeRow(
  deps: IngestDeps,
  mailbox: Mailbox,
  row: LedgerRow,
): Promise<IngestOutcome> {
  const claimed = await resume(deps, row);
  if (claimed.kind !== 'claimed') return claimed.outcome;
  const raw = await deps.files.get(row.raw_sha256);
  if (!raw) {
    return finish(deps.db, deps.now(), claimed.row, 'flagged_malformed', {
      error: `the stored bytes of this mail (${row.raw_sha256}) are missing`,
    });
  }
  return processClaimed(deps, mailbox, raw, parseRawHeaders(raw), claimed.row);
}

// ---------------------------------------------------------------------------------------------
// The ledger

type Claim = { kind: 'claimed'; row: LedgerRow } | { kind: 'other'; outcome: IngestOutcome };

function doneOutcome(row: LedgerRow, repeated: boolean): IngestOutcome {
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

async function claimMail(
  deps: IngestDeps,
  mailbox: Mailbox,
  sha256: string,
  raw: Buffer,
  head: RawHeaders,
  meta: MailMeta,
): Promise<Claim> {
  const now = deps.now();
  const messageId = normaliseMessageId(head.get('message-id'));
  const uidValidity = meta.uidValidity === undefined ? null : meta.uidValidity.toString();
  const uid = meta.uid ?? null;
  const receivedAt =
    meta.receivedAt && meta.receivedAt.getTime() < now.getTime() ? meta.receivedAt : now;
  if (uid === null && messageId === null) {
    // Nothing names this mail but its bytes: an SMTP retry of it has the same ones.
    const same = await deps.db.query<LedgerRow>(
      `select * from inbound_mails where mailbox_id = $1 and raw_sha256 = $2 and uid is null
          and message_id is null order by id limit 1`,
      [mailbox.id, sha256],
    );
    if (same.rows[0]) return resume(deps, same.rows[0]);
  }
  const inserted = await deps.db.query<LedgerRow>(
    `insert into inbound_mails (mailbox_id, uid_validity, uid, message_id, raw_sha256, size, from_address,
       subject, received_at, claimed_until)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict do nothing returning *`,
    [
      mailbox.id,
      uidValidity,
      uid,
      messageId,
      sha256,
      raw.length,
      clip(addressIn(head.get('from')) ?? '', 320) || null,
      clip(head.get('subject') ?? '', 300) || null,
      receivedAt,
      new Date(now.getTime() + CLAIM_MS),
    ],
  );
  if (inserted.rows[0]) return { kind: 'claimed', row: inserted.rows[0] };

  // Seen before: at this place in the mailbox, or by its Message-ID.
  if (uid !== null && uidValidity !== null) {
    const same = await deps.db.query<LedgerRow>(
      'select * from inbound_mails where mailbox_id = $1 and uid_validity = $2 and uid = $3',
      [mailbox.id, uidValidity, uid],
    );
    if (same.rows[0]) return resume(deps, same.rows[0]);
  }
  const original = messageId
    ? (
        await deps.db.query<LedgerRow>('select * from inbound_mails where message_id = $1', [
          messageId,
        ])
      ).rows[0]
    : undefined;
  if (!original) throw new Error('the inbound mail ledger refused a mail it does not hold');
  // SMTP has no UID: the same Message-ID again is the same mail sent again (our answer was lost).
  if (uid === null) return resume(deps, original);
  // Another copy of a mail already taken (delivered twice, or in two mailboxes): recorded, so
  // it is marked read like the rest, and never taken twice.
  const dup = await deps.db.query<LedgerRow>(
    `insert into inbound_mails (mailbox_id, uid_validity, uid, message_id, raw_sha256, size, status,
       complaint_id, error, received_at, handled_at, claimed_until)
     values ($1, $2, $3, null, $4, $5, 'duplicate', $6, $7, $8, $8, null)
     on conflict do nothing returning *`,
    [
      mailbox.id,
      uidValidity,
      uid,
      sha256,
      raw.length,
      original.complaint_id,
      `the same Message-ID ${messageId} as inbound mail ${original.id}`,
      now,
    ],
  );
  const row =
    dup.rows[0] ??
    (
      await deps.db.query<LedgerRow>(
        'select * from inbound_mails where mailbox_id = $1 and uid_validity = $2 and uid = $3',
        [mailbox.id, uidValidity, uid],
      )
    ).rows[0]!;
  return { kind: 'other', outcome: doneOutcome(row, true) };
}

/** Claims a ledger row that is still to be taken, unless a worker holds it. */
async function resume(deps: IngestDeps, row: LedgerRow): Promise<Claim> {
  if (row.status !== 'received') return { kind: 'other', outcome: doneOutcome(row, true) };
  const now = deps.now();
  const r = await deps.db.query<LedgerRow>(
    `update inbound_mails set attempts = attempts + 1, claimed_until = $2
      where id = $1 and status = 'received' and (claimed_until is null or claimed_until < $3)
      returning *`,
    [row.id, new Date(now.getTime() + CLAIM_MS), now],
  );
  if (r.rows[0]) return { kind: 'claimed', row: r.rows[0] };
  const again = await deps.db.query<LedgerRow>('select * from inbound_mails where id = $1', [
    row.id,
  ]);
  return { kind: 'other', outcome: doneOutcome(again.rows[0] ?? row, true) };
}

async function finish(
  db: Queryable,
  now: Date,
  row: LedgerRow,
  status: Exclude<LedgerStatus, 'received' | 'duplicate'>,
  opts: { error?: string | null; complaintId?: number | null; subject?: string | null } = {},
): Promise<IngestOutcome> {
  const r = await db.query<LedgerRow>(
    `update inbound_mails set status = $2, error = $3, complaint_id = $4, handled_at = $5,
       claimed_until = null, subject = coalesce($6, subject)
     where id = $1 and status = 'received' returning *`,
    [
      row.id,
      status,
      opts.error ? clip(opts.error, 2000) : null,
      opts.complaintId ?? null,
      now,
      opts.subject ? clip(opts.subject, 300) : null,
    ],
  );
  if (r.rows[0]) return doneOutcome(r.rows[0], false);
  const again = await db.query<LedgerRow>('select * from inbound_mails where id = $1', [row.id]);
  return doneOutcome(again.rows[0] ?? row, true);
}

async function lockLedgerRow(tx: Queryable, id: number): Promise<void> {
  const r = await tx.query<LedgerRow>('select * from inbound_mails where id = $1 for update', [id]);
  const row = r.rows[0];
  if (!row) throw new Error(`inbound mail ${id} is gone`);
  if (row.status !== 'received') throw new AlreadyHandled(row);
}

// ---------------------------------------------------------------------------------------------
// Taking a claimed mail

async function processClaimed(
  deps: IngestDeps,
  mailbox: Mailbox,
  raw: Buffer,
  head: RawHeaders,
  row: LedgerRow,
): Promise<IngestOutcome> {
  try {
    return await take(deps, mailbox, raw, head, row);
  } catch (err) {
    if (err instanceof AlreadyHandled) return doneOutcome(err.row, true);
    const reason = describe(err);
    if (row.attempts >= MAX_ATTEMPTS) {
      return finish(deps.db, deps.now(), row, 'flagged_malformed', {
        error: `not taken after ${row.attempts} attempts: ${reason}`,
      });
    }
    await deps.db.query(
      `update inbound_mails set error = $2, claimed_until = null where id = $1 and status = 'received'`,
      [row.id, clip(reason, 2000)],
    );
    return { kind: 'pending', id: Number(row.id), reason };
  }
}

interface MailAttachment {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  public: boolean;
}

async function take(
  deps: IngestDeps,
  mailbox: Mailbox,
  raw: Buffer,
  head: RawHeaders,
  row: LedgerRow,
): Promise<IngestOutcome> {
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const automatic = classifyMail(head, { ownAddresses: [mailbox.address] });
  if (automatic.automatic)
    return finish(deps.db, deps.now(), row, 'ignored_auto', { error: automatic.reason });

  const problems = rawProblems(raw, head, limits);
  let mail: ParsedMail | null = null;
  try {
    mail = await simpleParser(raw, {
      keepCidLinks: true,
      skipTextLinks: true,
      keepDeliveryStatus: true,
      maxHtmlLengthToParse: 5 * 1024 * 1024,
    });
  } catch (err) {
    problems.push(`the MIME parser gave up: ${describe(err)}`);
  }
  const fromAddress = mail?.from?.value
    .find((a) => a.address)
    ?.address?.trim()
    .toLowerCase();
  if (mail) {
    problems.push(...parsedProblems(mail, limits));
    if (!fromAddress && !problems.includes('no From header')) problems.push('no sender address');
  }
  if (!mail || !fromAddress || problems.length > 0) {
    return finish(deps.db, deps.now(), row, 'flagged_malformed', {
      error: problems.join('; ') || 'unreadable',
      subject: mail?.subject ?? null,
    });
  }

  // Our own mail come back (a copy to the mailbox, a loop through a forwarder).
  if (row.message_id) {
    const own = await deps.db.query(
      `select 1 from messages where direction = 'out' and message_id = any($1::text[]) limit 1`,
      [[row.message_id, row.message_id.replace(/^<|>$/g, '')]],
    );
    if (own.rowCount > 0) {
      return finish(deps.db, deps.now(), row, 'ignored_auto', {
        error: 'one of our own messages came back',
      });
    }
  }

  const thread = await findThread(
    deps.db,
    threadClues({
      subject: mail.subject,
      inReplyTo: mail.inReplyTo,
      references: mail.references,
      from: fromAddress,
    }),
  );
  const text = (mail.text ?? '').replace(/\r\n?/g, '\n').trim();
  const html = sanitiseMailHtml(mail.html);
  const attachments = await storeAttachments(deps.files, mail);
  const content: Content = {
    mail,
    fromAddress,
    fromName: mail.from?.value.find((a) => a.address)?.name?.trim() || null,
    subject: (mail.subject ?? '').trim(),
    text,
    html,
    attachments,
  };
  return thread
    ? takeReply(deps, row, thread, content)
    : takeNewComplaint(deps, mailbox, row, content);
}

interface Content {
  mail: ParsedMail;
  fromAddress: string;
  fromName: string | null;
  subject: string;
  text: string;
  html: string | null;
  attachments: MailAttachment[];
}

/** The attachments' bytes, stored before any row points at them. */
async function storeAttachments(files: FileStore, mail: ParsedMail): Promise<MailAttachment[]> {
  const out: MailAttachment[] = [];
  for (const a of mail.attachments) {
    const bytes = a.content;
    if (!bytes || bytes.length === 0) continue;
    const stored = await files.put(bytes);
    const sniffed = sniffContentType(bytes);
    // A type we do not serve (or an executable) is kept for staff only, as opaque bytes.
    const type: SniffedType = sniffed.ok
      ? sniffed.type
      : { contentType: 'application/octet-stream', extensions: ['bin'] };
    out.push({
      filename: sanitiseFilename(a.filename, type),
      contentType: type.contentType,
      size: stored.size,
      sha256: stored.sha256,
      public: sniffed.ok,
    });
  }
  return out;
}

async function insertMessage(
  tx: Queryable,
  complaintId: number,
  c: Content,
  messageId: string | null,
  now: Date,
): Promise<number | null> {
  const inReplyTo = messageIdsIn(c.mail.inReplyTo)[0] ?? null;
  const r = await tx.query<{ id: number }>(
    `insert into messages (complaint_id, direction, channel, public, author_name, subject, body_text,
       body_html, message_id, in_reply_to, created_at)
     values ($1, 'in', 'email', true, $2, $3, $4, $5, $6, $7, $8)
     on conflict (message_id) where message_id is not null do nothing
     returning id`,
    [
      complaintId,
      c.fromName ? clip(c.fromName, 200) : c.fromAddress,
      c.subject ? clip(c.subject, 1000) : null,
      c.text,
      c.html,
      messageId,
      inReplyTo && inReplyTo.length <= 998 ? inReplyTo : null,
      now,
    ],
  );
  return r.rows[0] ? Number(r.rows[0].id) : null;
}

async function insertAttachments(
  tx: Queryable,
  complaint: ComplaintRow,
  messageRowId: number | null,
  attachments: MailAttachment[],
  actor: { id: string; role: string },
  now: Date,
): Promise<void> {
  for (const a of attachments) {
    const r = await tx.query<{ id: number }>(
      `insert into attachments (complaint_id, message_id, filename, content_type, size, sha256, public,
         uploaded_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [
        complaint.id,
        messageRowId,
        a.filename,
        a.contentType,
        a.size,
        a.sha256,
        a.public,
        actor.id,
        now,
      ],
    );
    await appendEvents(tx, complaint.reference, complaint.id, [
      {
        type: 'attachment_added',
        actor,
        at: now,
        public: a.public,
        data: {
          attachmentId: Number(r.rows[0]!.id),
          filename: a.filename,
          contentType: a.contentType,
          size: a.size,
          sha256: a.sha256,
          public: a.public,
          via: 'email',
        },
      },
    ]);
  }
}

/** The text a mail's event records: its body, or what it carried when it has none. */
function eventText(c: Content): string {
  if (c.text) return clip(c.text, EVENT_TEXT_MAX);
  if (c.attachments.length > 0) {
    return `(no text; attached: ${c.attachments.map((a) => a.filename).join(', ')})`;
  }
  return c.subject ? `(no text; subject: ${clip(c.subject, 300)})` : '(an empty email)';
}

async function takeReply(
  deps: IngestDeps,
  row: LedgerRow,
  thread: Thread,
  c: Content,
): Promise<IngestOutcome> {
  const now = deps.now();
  const reference = await deps.db.transaction(async (tx) => {
    await lockLedgerRow(tx, row.id);
    const complaint = await lockComplaintById(tx, thread.complaintId);
    if (!complaint) throw new Error(`complaint ${thread.reference} is gone`);
    const user: ActingUser = {
      id: `customer:${complaint.customer_id}`,
      role: 'customer',
      name: c.fromName ?? c.fromAddress,
    };
    // Information the handler asked for ends the wait (and its pause); anything else is a reply.
    const awaiting = complaint.status === 'awaiting_customer';
    await applyActionToRow(
      tx,
      deps.policies,
      complaint,
      user,
      awaiting ? 'receive-information' : 'customer-reply',
      awaiting ? { information: eventText(c) } : { message: eventText(c) },
      now,
      { storeMessages: false, ...(deps.mailDomain ? { mailDomain: deps.mailDomain } : {}) },
    );
    const messageRowId = await insertMessage(tx, complaint.id, c, row.message_id, now);
    await tx.query(
      `update complaints set messages_text = messages_text || ' ' || $2 where id = $1`,
      [complaint.id, clip(c.text, 100_000)],
    );
    await insertAttachments(tx, complaint, messageRowId, c.attachments, user, now);
    await finish(tx, now, row, 'reply_threaded', { complaintId: complaint.id, subject: c.subject });
    return complaint.reference;
  });
  return {
    kind: 'handled',
    id: Number(row.id),
    status: 'reply_threaded',
    complaintId: thread.complaintId,
    reference,
    error: null,
    repeated: false,
  };
}

async function takeNewComplaint(
  deps: IngestDeps,
  mailbox: Mailbox,
  row: LedgerRow,
  c: Content,
): Promise<IngestOutcome> {
  const name = c.fromName || c.fromAddress.split('@')[0] || c.fromAddress;
  const description =
    c.text ||
    (c.attachments.length > 0
      ? `(The email has no text; attached: ${c.attachments.map((a) => a.filename).join(', ')})`
      : '(The email has no text.)');
  const parsed = createComplaintInput.safeParse({
    policy: mailbox.policyId,
    channel: 'email',
    receivedAt: new Date(row.received_at).toISOString(),
    customer: { name: clip(name, 200), email: c.fromAddress },
    subject: clip(c.subject || '(no subject)', 300),
    description: clip(description, 20_000),
  });
  if (!parsed.success) {
    return finish(deps.db, deps.now(), row, 'flagged_malformed', {
      error: `not a valid complaint: ${parsed.error.issues.map(formatIssue).join('; ')}`,
      subject: c.subject,
    });
  }
  const registered = await deps.intake.register({
    actor: MAIL_ACTOR,
    input: parsed.data,
    route: 'staff',
    idempotencyKey: `inbound-mail:${row.id}`,
  });
  const now = deps.now();
  const complaintId = await deps.db.transaction(async (tx) => {
    await lockLedgerRow(tx, row.id);
    const complaint = await lockComplaint(tx, registered.reference);
    if (!complaint) throw new Error(`complaint ${registered.reference} is gone`);
    const customer = { id: `customer:${complaint.customer_id}`, role: 'customer' };
    const messageRowId = await insertMessage(tx, complaint.id, c, row.message_id, now);
    await insertAttachments(tx, complaint, messageRowId, c.attachments, customer, now);
    await finish(tx, now, row, 'complaint_created', {
      complaintId: complaint.id,
      subject: c.subject,
    });
    return complaint.id;
  });
  return {
    kind: 'handled',
    id: Number(row.id),
    status: 'complaint_created',
    complaintId,
    reference: registered.reference,
    error: null,
    repeated: false,
  };
}

// Taking a claimed mail: automatic mail is ignored, broken or oversized mail is flagged (its raw
// bytes kept), a reply joins its complaint and any other mail becomes a new complaint. The
// reply — its lifecycle action, message, attachments and ledger row — is one transaction; a
// new complaint is registered with an idempotency key named after the ledger row, so a retry
// after a crash between the two steps finds the same complaint.
import type { Queryable } from '../../db/client.ts';
import { insertAttachment } from '../../db/repositories/attachments.ts';
import {
  appendSearchText,
  lockComplaint,
  lockComplaintById,
  type ComplaintRow,
} from '../../db/repositories/complaints.ts';
import { appendEvents } from '../../db/repositories/events.ts';
import type { LedgerRow } from '../../db/repositories/inbound-mails.ts';
import type { Mailbox } from '../../db/repositories/mailboxes.ts';
import { insertMessage, isOwnMessageId } from '../../db/repositories/messages.ts';
import { sanitiseFilename } from '../../app/attachments/sanitise-filename.ts';
import type { SniffedType } from '../../app/attachments/sniff-content-type.ts';
import { applyActionToRow } from '../../app/complaints/apply-complaint-action.ts';
import { registerComplaint } from '../../app/complaints/register-complaint.ts';
import { createComplaintInput } from '../../app/complaints/schemas.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { formatIssue } from '../../domain/policy/errors.ts';
import { classifyMail } from './classify.ts';
import { insertSenderReview } from '../../db/repositories/mail-sender-reviews.ts';
import {
  authenticateSender,
  mayJoinComplaint,
  type SenderEvidence,
} from '../../domain/mail/sender-authentication.ts';
import { addressIn, messageIdsIn, type RawHeaders } from './headers.ts';
import type { IngestDeps, MailSource } from './ingest-deps.ts';
import { parsedProblems, rawProblems, RawScanner, type MailLimits } from './limits.ts';
import { parseMailStream, type StreamedMail } from './parse-mail.ts';
import { clip, finish, lockUntaken, type IngestOutcome } from './mail-ledger.ts';
import { sanitiseMailHtml } from './sanitise-html.ts';
import { findThread, threadClues, type Thread } from './threading.ts';

/** Who registers complaints that come by mail. */
export const MAIL_ACTOR: Actor = { id: 'system:mail', role: 'system' };
const EVENT_TEXT_MAX = 20_000;

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));

interface MailAttachment {
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  public: boolean;
}

interface Content {
  mail: StreamedMail;
  fromAddress: string;
  fromName: string | null;
  subject: string;
  text: string;
  html: string | null;
  attachments: MailAttachment[];
}

export async function takeMail(
  deps: IngestDeps,
  limits: MailLimits,
  mailbox: Mailbox,
  source: MailSource,
  row: LedgerRow,
): Promise<IngestOutcome> {
  const head = source.head;
  const automatic = classifyMail(head, { ownAddresses: [mailbox.address] });
  if (automatic.automatic)
    return finish(deps.db, deps.now(), row, 'ignored_auto', { error: automatic.reason });

  // One pass over the stored bytes: scanned for what makes a mail broken, and parsed (its
  // attachments going into the file store as they are decoded).
  let scanner = new RawScanner();
  let mail: StreamedMail | null = null;
  let parseError: unknown = null;
  try {
    const stream = await source.open();
    const tee = async function* () {
      for await (const chunk of stream) {
        scanner.push(chunk);
        yield chunk;
      }
    };
    mail = await parseMailStream(tee(), deps.files);
  } catch (err) {
    parseError = err;
    // The scan stopped where the parser did: read the rest of the mail for its problems.
    scanner = new RawScanner();
    for await (const chunk of await source.open()) scanner.push(chunk);
  }
  const problems = rawProblems(scanner.end(), head, limits);
  if (parseError) problems.push(`the MIME parser gave up: ${describe(parseError)}`);
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
  if (
    row.message_id &&
    (await isOwnMessageId(deps.db, [row.message_id, row.message_id.replace(/^<|>$/g, '')]))
  ) {
    return finish(deps.db, deps.now(), row, 'ignored_auto', {
      error: 'one of our own messages came back',
    });
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
  const content: Content = {
    mail,
    fromAddress,
    fromName: mail.from?.value.find((a) => a.address)?.name?.trim() || null,
    subject: (mail.subject ?? '').trim(),
    text: (mail.text ?? '').replace(/\r\n?/g, '\n').trim(),
    html: sanitiseMailHtml(mail.html),
    attachments: attachmentsOf(mail),
  };
  if (!thread) return takeNewComplaint(deps, mailbox, row, content, null);
  // It claims a complaint: it joins only when it comes from that complaint's customer.
  const decision = mayJoinComplaint({
    from: fromAddress,
    customerEmail: thread.customerEmail,
    verdict: authenticateSender(senderEvidence(deps, mailbox, head, fromAddress)),
  });
  if (decision.join) return takeReply(deps, row, thread, content);
  return takeNewComplaint(deps, mailbox, row, content, {
    thread,
    refusal: decision.refusal,
    detail: decision.detail,
  });
}

/**
 * What the mail shows of its sender. The envelope is the Return-Path on the first line: our SMTP
 * listener writes it (so it is known for an SMTP mailbox); over IMAP the delivering host wrote
 * it, believed only when the mailbox trusts a receiving host.
 */
export function senderEvidence(
  deps: Pick<IngestDeps, 'config'>,
  mailbox: Mailbox,
  head: RawHeaders,
  from: string,
): SenderEvidence {
  const trusted = [
    ...new Set([...(deps.config.mailTrustedAuthservIds ?? []), ...mailbox.trustedAuthservIds]),
  ];
  const first = head.list[0];
  const envelopeKnown =
    first?.name === 'return-path' && (mailbox.kind === 'smtp' || trusted.length > 0);
  return {
    from,
    envelopeFrom: envelopeKnown ? (addressIn(first.value) ?? '') : undefined,
    authenticationResults: head.all('authentication-results'),
    trustedAuthservIds: trusted,
    trustEnvelope: deps.config.mailTrustEnvelope === true,
  };
}

/** The attachments (their bytes stored already, while the mail was parsed). */
function attachmentsOf(mail: StreamedMail): MailAttachment[] {
  const out: MailAttachment[] = [];
  for (const a of mail.attachments) {
    if (a.size === 0) continue;
    // A type we do not serve (or an executable) is kept for staff only, as opaque bytes.
    const type: SniffedType = a.sniffed.ok
      ? a.sniffed.type
      : { contentType: 'application/octet-stream', extensions: ['bin'] };
    out.push({
      filename: sanitiseFilename(a.filename, type),
      contentType: type.contentType,
      size: a.size,
      sha256: a.sha256,
      public: a.sniffed.ok,
    });
  }
  return out;
}

/** The mail as a message of the complaint (once: a Message-ID stored already is skipped). */
async function storeMail(
  tx: Queryable,
  complaintId: number,
  c: Content,
  messageId: string | null,
  now: Date,
): Promise<number | null> {
  const inReplyTo = messageIdsIn(c.mail.inReplyTo)[0] ?? null;
  return insertMessage(
    tx,
    {
      complaintId,
      direction: 'in',
      channel: 'email',
      public: true,
      authorName: c.fromName ? clip(c.fromName, 200) : c.fromAddress,
      subject: c.subject ? clip(c.subject, 1000) : null,
      bodyText: c.text,
      bodyHtml: c.html,
      messageId,
      inReplyTo: inReplyTo && inReplyTo.length <= 998 ? inReplyTo : null,
      createdAt: now,
    },
    { ignoreDuplicateMessageId: true },
  );
}

async function storeAttachmentRows(
  tx: Queryable,
  complaint: ComplaintRow,
  messageRowId: number | null,
  attachments: MailAttachment[],
  actor: { id: string; role: string },
  now: Date,
): Promise<void> {
  for (const a of attachments) {
    const id = await insertAttachment(tx, {
      complaintId: complaint.id,
      messageId: messageRowId,
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      sha256: a.sha256,
      public: a.public,
      uploadedBy: actor.id,
      createdAt: now,
    });
    await appendEvents(tx, complaint.reference, complaint.id, [
      {
        type: 'attachment_added',
        actor,
        at: now,
        public: a.public,
        data: {
          attachmentId: id,
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
    await lockUntaken(tx, row.id);
    const complaint = await lockComplaintById(tx, thread.complaintId);
    if (!complaint) throw new Error(`complaint ${thread.reference} is gone`);
    const customer: Actor = {
      id: `customer:${complaint.customer_id}`,
      role: 'customer',
      name: c.fromName ?? c.fromAddress,
    };
    // Information the handler asked for ends the wait (and its pause); anything else is a reply.
    const awaiting = complaint.status === 'awaiting_customer';
    await applyActionToRow(
      tx,
      { policies: deps.policies, mailDomain: deps.config.mailDomain },
      customer,
      {
        row: complaint,
        action: awaiting ? 'receive-information' : 'customer-reply',
        payload: awaiting ? { information: eventText(c) } : { message: eventText(c) },
        now,
        storeMessages: false,
      },
    );
    const messageRowId = await storeMail(tx, complaint.id, c, row.message_id, now);
    await appendSearchText(tx, complaint.id, clip(c.text, 100_000));
    await storeAttachmentRows(tx, complaint, messageRowId, c.attachments, customer, now);
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

/** Why a mail that claimed a complaint did not join it. */
interface Unverified {
  thread: Thread;
  refusal: string;
  detail: string;
}

async function takeNewComplaint(
  deps: IngestDeps,
  mailbox: Mailbox,
  row: LedgerRow,
  c: Content,
  unverified: Unverified | null,
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
  const registered = await registerComplaint(deps, MAIL_ACTOR, {
    complaint: parsed.data,
    route: 'staff',
    idempotencyKey: `inbound-mail:${row.id}`,
  });
  const now = deps.now();
  const complaintId = await deps.db.transaction(async (tx) => {
    await lockUntaken(tx, row.id);
    // The claimed complaint (older, so lower in id) is locked first, as confirming does.
    const claimed = unverified ? await lockComplaintById(tx, unverified.thread.complaintId) : null;
    const complaint = await lockComplaint(tx, registered.reference);
    if (!complaint) throw new Error(`complaint ${registered.reference} is gone`);
    const customer = { id: `customer:${complaint.customer_id}`, role: 'customer' };
    const messageRowId = await storeMail(tx, complaint.id, c, row.message_id, now);
    await storeAttachmentRows(tx, complaint, messageRowId, c.attachments, customer, now);
    if (unverified && claimed) {
      await insertSenderReview(tx, {
        complaintId: complaint.id,
        claimedComplaintId: claimed.id,
        inboundMailId: Number(row.id),
        messageId: messageRowId,
        refusal: unverified.refusal,
        detail: unverified.detail,
        at: now,
      });
      // Internal on both: the claimed complaint's customer is told nothing, nor is the sender.
      const data = {
        inboundMailId: Number(row.id),
        refusal: unverified.refusal,
        detail: unverified.detail,
        threadedBy: unverified.thread.by,
      };
      await appendEvents(tx, complaint.reference, complaint.id, [
        {
          type: 'mail_sender_unverified',
          actor: MAIL_ACTOR,
          at: now,
          public: false,
          data: { ...data, claimedReference: claimed.reference },
        },
      ]);
      await appendEvents(tx, claimed.reference, claimed.id, [
        {
          type: 'mail_claim_unverified',
          actor: MAIL_ACTOR,
          at: now,
          public: false,
          data: { ...data, takenAs: complaint.reference },
        },
      ]);
    }
    await finish(tx, now, row, 'complaint_created', {
      complaintId: complaint.id,
      subject: c.subject,
      error: unverified
        ? `claimed ${unverified.thread.reference} but not from its customer: ${unverified.detail}`
        : null,
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

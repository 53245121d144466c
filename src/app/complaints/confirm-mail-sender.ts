// A person confirms that a mail which claimed a complaint (but was not authenticated as coming
// from its customer, so became a complaint of its own) is that customer's: the mail moves onto
// the claimed complaint as the customer's reply — ending a wait for information, as an
// authenticated reply would — with its attachments, and the complaint it had become is withdrawn.
// One transaction; each complaint records who confirmed it and when.
import {
  appendSearchText,
  findComplaint,
  lockComplaintById,
} from '../../db/repositories/complaints.ts';
import { appendEvents } from '../../db/repositories/events.ts';
import {
  markSenderConfirmed,
  messageBody,
  moveMessage,
  rethreadInboundMail,
  senderReviewOf,
} from '../../db/repositories/mail-sender-reviews.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { isOpen } from '../../domain/complaint/rules.ts';
import { AppError } from '../errors.ts';
import { applyActionToRow, canSee, type ActionDeps } from './apply-complaint-action.ts';

const TEXT_MAX = 20_000;
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export interface SenderConfirmed {
  /** The complaint the mail joined. */
  reference: string;
  status: string;
  /** The complaint the mail had become (now withdrawn). */
  from: string;
}

export async function confirmMailSender(
  deps: ActionDeps,
  actor: Actor,
  input: { reference: string; note?: string | undefined },
): Promise<SenderConfirmed> {
  const found = await findComplaint(deps.db, input.reference);
  if (!found || !canSee(actor, found)) {
    throw new AppError('COMPLAINT.NOT_FOUND', `no complaint ${input.reference}`);
  }
  return deps.db.transaction(async (tx) => {
    const review = await senderReviewOf(tx, found.id, { lock: true });
    if (!review) {
      throw new AppError(
        'MAIL.NO_SENDER_REVIEW',
        `${input.reference} is not a mail that claimed another complaint`,
      );
    }
    if (review.status !== 'pending') {
      throw new AppError(
        'MAIL.SENDER_ALREADY_CONFIRMED',
        `the sender of ${input.reference} was confirmed already: it joined ${review.claimed_reference}`,
      );
    }
    // The claimed complaint is the older one: locked first, as intake locks them.
    const claimed = await lockComplaintById(tx, review.claimed_complaint_id);
    const flagged = await lockComplaintById(tx, review.complaint_id);
    if (!claimed || !flagged) throw new Error('a complaint of the sender review is gone');
    if (!canSee(actor, claimed)) {
      throw new AppError('COMPLAINT.NOT_FOUND', `no complaint ${review.claimed_reference}`);
    }
    // Staff a complaint is about can do nothing to it: not even let mail into it.
    for (const row of [claimed, flagged]) {
      if (row.subject_user_ids.includes(actor.id)) {
        throw new AppError(
          'COMPLAINT.SUBJECT_CANNOT_INVESTIGATE',
          `${actor.id} is a subject of ${row.reference} and may do nothing to it`,
          { userId: actor.id },
        );
      }
    }
    const now = deps.now();
    const message = review.message_id === null ? null : await messageBody(tx, review.message_id);
    const text = clip(message?.body_text || flagged.description, TEXT_MAX);
    const customer: Actor = {
      id: `customer:${claimed.customer_id}`,
      role: 'customer',
      name: message?.author_name ?? undefined,
    };
    // As an authenticated reply would: information asked for ends the wait; else a reply.
    const awaiting = claimed.status === 'awaiting_customer';
    const done = await applyActionToRow(
      tx,
      { policies: deps.policies, mailDomain: deps.config.mailDomain },
      customer,
      {
        row: claimed,
        action: awaiting ? 'receive-information' : 'customer-reply',
        payload: awaiting ? { information: text } : { message: text },
        now,
        storeMessages: false,
      },
    );
    const staff = { id: actor.id, role: actor.role };
    const moved =
      review.message_id === null ? [] : await moveMessage(tx, review.message_id, claimed.id);
    await appendSearchText(tx, claimed.id, clip(message?.body_text ?? '', 100_000));
    const note = input.note?.trim() || null;
    await appendEvents(tx, claimed.reference, claimed.id, [
      {
        type: 'mail_sender_confirmed',
        actor: staff,
        at: now,
        reason: note,
        public: false,
        data: {
          fromReference: flagged.reference,
          inboundMailId: review.inbound_mail_id,
          messageId: review.message_id,
          refusal: review.refusal,
        },
      },
      ...moved.map((a) => ({
        type: 'attachment_added',
        actor: staff,
        at: now,
        public: a.public,
        data: {
          attachmentId: a.id,
          filename: a.filename,
          contentType: a.content_type,
          size: a.size,
          sha256: a.sha256,
          public: a.public,
          via: 'email',
          movedFrom: flagged.reference,
        },
      })),
    ]);
    await appendEvents(tx, flagged.reference, flagged.id, [
      {
        type: 'mail_sender_confirmed',
        actor: staff,
        at: now,
        reason: note,
        public: false,
        data: {
          toReference: claimed.reference,
          inboundMailId: review.inbound_mail_id,
          messageId: review.message_id,
          attachmentsMoved: moved.map((a) => a.id),
        },
      },
    ]);
    // The complaint the mail had become was never one: withdrawn, its customer told nothing.
    if (isOpen(flagged.status)) {
      await applyActionToRow(
        tx,
        { policies: deps.policies, mailDomain: deps.config.mailDomain },
        actor,
        {
          row: (await lockComplaintById(tx, flagged.id))!,
          action: 'withdraw',
          payload: { reason: `the email was ${claimed.reference}'s customer's reply (confirmed)` },
          now,
          storeMessages: false,
          communicate: false,
        },
      );
    }
    await rethreadInboundMail(tx, review.inbound_mail_id, claimed.id);
    await markSenderConfirmed(tx, flagged.id, actor.id, now);
    return { reference: claimed.reference, status: done.status, from: flagged.reference };
  });
}

// The outbox dispatcher: claims queued emails (FOR UPDATE SKIP LOCKED), marks them `sending`
// and commits BEFORE talking to the SMTP server, then records `sent` or schedules a retry with
// backoff. A crash between sending and marking leaves the message `sending`; recovery marks it
// `unknown` for a person to check rather than sending it again — never twice.
import type { Db } from '../../db/client.ts';
import {
  claimDueEmails,
  markEmailsFailed,
  markEmailsSent,
  markEmailsUnknown,
  markInterruptedSends,
  requeueEmails,
  requeueFailedEmail,
} from '../../db/repositories/outbox.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import {
  DeliveryUncertainError,
  type EmailAttachment,
  type EmailSender,
} from '../../mail/outbound/smtp-sender.ts';

export interface DispatchDeps {
  db: Db;
  sender: EmailSender;
  now: () => Date;
  from: string;
  maxAttempts?: number;
  /** What a message encloses (the scheme's leaflet), attached to its email. */
  attachmentsFor?: (m: {
    kind: string | null;
    policyId: string;
    policyVersion: number;
    createdAt: Date;
  }) => Promise<EmailAttachment[]>;
}

/** Minutes to wait after the nth failed attempt. */
const BACKOFF_MINUTES = [1, 5, 30, 120, 720];

export function nextAttemptAt(now: Date, attempts: number): Date {
  const minutes = BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1] ?? 720;
  return new Date(now.getTime() + minutes * 60_000);
}

export interface DispatchResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  /** Sent, perhaps: the connection dropped after DATA; marked `unknown` for a person. */
  uncertain: number;
}

export async function dispatchOnce(deps: DispatchDeps, limit = 100): Promise<DispatchResult> {
  const now = deps.now();
  const maxAttempts = deps.maxAttempts ?? BACKOFF_MINUTES.length + 1;
  const claimed = await deps.db.transaction((tx) => claimDueEmails(tx, now, limit));
  if (claimed.length === 0) return { claimed: 0, sent: 0, retried: 0, failed: 0, uncertain: 0 };

  const outcomes = await Promise.allSettled(
    claimed.map(async (m) => {
      if (!m.to_address) throw new Error('the message has no recipient address');
      const attachments = deps.attachmentsFor
        ? await deps.attachmentsFor({
            kind: m.kind,
            policyId: m.policy_id,
            policyVersion: m.policy_version,
            createdAt: m.created_at,
          })
        : [];
      return deps.sender.send({
        ...(attachments.length ? { attachments } : {}),
        from: deps.from,
        to: m.to_address,
        subject: m.subject ?? m.reference,
        text: m.body_text,
        html: m.body_html ?? '',
        messageId: m.message_id,
        reference: m.reference,
        automatic: (m.author_id ?? '').startsWith('system'),
      });
    }),
  );
  const sent: number[] = [];
  const retry: { id: number; at: Date; error: string }[] = [];
  const failed: { id: number; error: string }[] = [];
  const uncertain: { id: number; error: string }[] = [];
  outcomes.forEach((o, i) => {
    const m = claimed[i]!;
    if (o.status === 'fulfilled') return sent.push(m.id);
    const error = o.reason instanceof Error ? o.reason.message : String(o.reason);
    // It may have arrived: a person checks it; sending it again could send it twice.
    if (o.reason instanceof DeliveryUncertainError) return uncertain.push({ id: m.id, error });
    if (m.attempts + 1 >= maxAttempts || !m.to_address) failed.push({ id: m.id, error });
    else retry.push({ id: m.id, at: nextAttemptAt(now, m.attempts + 1), error });
  });
  const done = deps.now();
  await deps.db.transaction(async (tx) => {
    await markEmailsSent(tx, sent, done);
    await requeueEmails(
      tx,
      retry.map((r) => ({ ...r, error: r.error.slice(0, 1000) })),
    );
    await markEmailsFailed(
      tx,
      failed.map((f) => ({ ...f, error: f.error.slice(0, 1000) })),
    );
    await markEmailsUnknown(
      tx,
      uncertain.map((f) => ({ ...f, error: f.error.slice(0, 1000) })),
    );
  });
  return {
    claimed: claimed.length,
    sent: sent.length,
    retried: retry.length,
    failed: failed.length,
    uncertain: uncertain.length,
  };
}

/** Messages left `sending` by a process that stopped: marked `unknown`, never resent blindly. */
export async function recoverInterruptedSends(
  deps: { db: Db; now: () => Date },
  input: { graceMinutes?: number } = {},
): Promise<number> {
  const grace = input.graceMinutes ?? 5;
  return markInterruptedSends(deps.db, new Date(deps.now().getTime() - grace * 60_000));
}

/** An administrator's retry of a failed or unknown email; false when there is no such email. */
export async function retryMessage(
  deps: { db: Db; now: () => Date },
  _actor: Actor,
  input: { id: number },
): Promise<boolean> {
  return requeueFailedEmail(deps.db, input.id, deps.now());
}

// The outbox dispatcher: claims queued emails (FOR UPDATE SKIP LOCKED), marks them `sending`
// and commits BEFORE talking to the SMTP server, then records `sent` or schedules a retry with
// backoff. A crash between sending and marking leaves the message `sending`; recovery marks it
// `unknown` for a person to check rather than sending it again — never twice.
import type { Db } from '../../db/client.ts';
import type { EmailAttachment, EmailSender } from '../../mail/outbound/smtp-sender.ts';

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

interface Claimed {
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

export interface DispatchResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

export async function dispatchOnce(deps: DispatchDeps, limit = 100): Promise<DispatchResult> {
  const now = deps.now();
  const maxAttempts = deps.maxAttempts ?? BACKOFF_MINUTES.length + 1;
  const claimed = await deps.db.transaction(async (tx) => {
    const r = await tx.query<Claimed>(
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
  });
  if (claimed.length === 0) return { claimed: 0, sent: 0, retried: 0, failed: 0 };

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
  outcomes.forEach((o, i) => {
    const m = claimed[i]!;
    if (o.status === 'fulfilled') return sent.push(m.id);
    const error = o.reason instanceof Error ? o.reason.message : String(o.reason);
    if (m.attempts + 1 >= maxAttempts || !m.to_address) failed.push({ id: m.id, error });
    else retry.push({ id: m.id, at: nextAttemptAt(now, m.attempts + 1), error });
  });
  const done = deps.now();
  await deps.db.transaction(async (tx) => {
    if (sent.length) {
      await tx.query(
        `update messages set status = 'sent', sent_at = $2, last_error = null where id = any($1::bigint[])`,
        [sent, done],
      );
    }
    for (const r of retry) {
      await tx.query(
        `update messages set status = 'queued', next_attempt_at = $2, last_error = $3 where id = $1`,
        [r.id, r.at, r.error.slice(0, 1000)],
      );
    }
    for (const f of failed) {
      await tx.query(`update messages set status = 'failed', last_error = $2 where id = $1`, [
        f.id,
        f.error.slice(0, 1000),
      ]);
    }
  });
  return {
    claimed: claimed.length,
    sent: sent.length,
    retried: retry.length,
    failed: failed.length,
  };
}

/** Messages left `sending` by a process that stopped: marked `unknown`, never resent blindly. */
export async function recoverInterruptedSends(
  db: Db,
  now: Date,
  graceMinutes = 5,
): Promise<number> {
  const r = await db.query(
    `update messages set status = 'unknown',
       last_error = 'sending was interrupted; check whether it arrived, then retry it if not'
     where status = 'sending' and next_attempt_at < $1`,
    [new Date(now.getTime() - graceMinutes * 60_000)],
  );
  return r.rowCount;
}

/** An administrator's retry of a failed or unknown message. */
export async function retryMessage(db: Db, id: number, now: Date): Promise<boolean> {
  const r = await db.query(
    `update messages set status = 'queued', next_attempt_at = $2, attempts = 0
     where id = $1 and channel = 'email' and status in ('failed', 'unknown')`,
    [id, now],
  );
  return r.rowCount > 0;
}

// Sending email over SMTP (SMTP_URL), pooled. The Message-ID is the one stored on the message,
// so a message is recognisable from queue to inbox, and replies thread back to it.
import { Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';

export interface EmailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  reference: string;
  /** Written by the system, not a person: marked Auto-Submitted so auto-responders stay quiet. */
  automatic: boolean;
  attachments?: EmailAttachment[];
}

/**
 * The connection failed after the server had accepted DATA and the message had started to go,
 * but before the server said it took it (250): it may have arrived. Such an email is marked for a
 * person to check, never sent again blindly.
 */
export class DeliveryUncertainError extends Error {
  override name = 'DeliveryUncertainError';
}

export interface EmailSender {
  send(mail: OutgoingEmail): Promise<void>;
  close(): void;
}

export function smtpSender(url: string, opts: { pool?: number } = {}): EmailSender {
  const transport = nodemailer.createTransport(url, {
    pool: true,
    maxConnections: opts.pool ?? 5,
    maxMessages: Infinity,
  } as never);
  return {
    async send(mail) {
      const composed = new MailComposer({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
        headers: {
          'X-Redress-Reference': mail.reference,
          ...(mail.automatic ? { 'Auto-Submitted': 'auto-generated' } : {}),
        },
      }).compile();
      const message = await composed.build();
      // Once the message has started to be read for the connection, a failure without an SMTP
      // answer leaves us not knowing whether it arrived (the server may have taken it and the
      // 250 been lost). Nodemailer may read it before DATA too, so a connection dropped earlier
      // in the session is also left to a person: the safe side, as a second copy is worse.
      let started = false;
      const raw = new Readable({
        read() {
          started = true;
          this.push(message);
          this.push(null);
        },
      });
      try {
        await transport.sendMail({ envelope: composed.getEnvelope(), raw } as never);
      } catch (err) {
        const e = err as { responseCode?: number; message?: string };
        if (started && e.responseCode === undefined) {
          throw new DeliveryUncertainError(
            `the connection failed after the message was sent and before the server confirmed it (${e.message ?? 'no reply'}); check whether it arrived`,
          );
        }
        throw err;
      }
    },
    close() {
      transport.close();
    },
  };
}

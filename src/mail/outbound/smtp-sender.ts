// Sending email over SMTP (SMTP_URL), pooled. The Message-ID is the one stored on the message,
// so a message is recognisable from queue to inbox, and replies thread back to it.
import nodemailer from 'nodemailer';

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
      await transport.sendMail({
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
      });
    },
    close() {
      transport.close();
    },
  };
}

// A real SMTP server on a free port that keeps every mail it is sent, parsed; it can be told to
// answer the next deliveries with a temporary failure (451), for the outbox's retries.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpInbox {
  port: number;
  mails: ParsedMail[];
  /** Answer the next n deliveries with a temporary failure. */
  failNext(n: number): void;
  close(): Promise<void>;
}

export async function startInbox(): Promise<SmtpInbox> {
  const mails: ParsedMail[] = [];
  let failing = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (failing > 0) {
          failing--;
          const err = Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 });
          return callback(err);
        }
        mails.push(await simpleParser(Buffer.concat(chunks)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as { port: number }).port,
    mails,
    failNext: (n) => (failing = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// An SMTP listener for one mailbox address: the organisation's mail server (or anything on the
// loopback) delivers complaints to it directly. A mail is answered 250 only after the database
// has committed it; any failure answers 451, so the sending server keeps it and tries again, and
// the ledger (its Message-ID) makes the retry a no-op if the first try did commit.
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { mailLimits, type IngestDeps } from './ingest-deps.ts';
import { ingestMail, resumePending } from './ingest-mail.ts';
import type { Mailbox } from '../../db/repositories/mailboxes.ts';

class TooLarge extends Error {}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** The envelope sender as the final delivery would record it (RFC 5321 §4.4). */
function returnPath(session: SMTPServerSession): string {
  const from = session.envelope.mailFrom;
  return `Return-Path: <${from ? from.address : ''}>\r\n`;
}

export class SmtpListener {
  readonly name: string;
  /** The port it listens on (useful when the mailbox asks for port 0 in tests). */
  port: number | null = null;
  private server: SMTPServer | null = null;
  private inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly deps: IngestDeps,
    private readonly mailbox: Mailbox,
    private readonly log: (line: string) => void,
  ) {
    this.name = `smtp:${mailbox.name}`;
  }

  async start(): Promise<void> {
    try {
      await resumePending(this.deps, this.mailbox);
    } catch (err) {
      this.log(`${this.name}: could not finish pending mails: ${(err as Error).message}`);
    }
    const maxBytes = mailLimits(this.deps).maxRawBytes;
    const address = this.mailbox.address.toLowerCase();
    const server = new SMTPServer({
      name: 'redress',
      banner: 'Redress complaints intake',
      logger: false,
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      hideSTARTTLS: true,
      size: maxBytes,
      maxClients: 50,
      onRcptTo: (addr, _session, cb) => {
        if (addr.address.toLowerCase() === address) cb();
        else cb(smtpError(550, `no mailbox ${addr.address} here`));
      },
      onData: (stream, session, cb) => {
        const work = this.receive(stream, session).then(
          (message) => cb(null, message),
          (err: Error) => cb(err),
        );
        this.inFlight.add(work);
        void work.finally(() => this.inFlight.delete(work));
      },
    });
    server.on('error', (err) => this.log(`${this.name}: ${err.message}`));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.mailbox.listenPort ?? 2525, this.mailbox.listenHost, () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    const bound = server.server.address();
    this.port = bound && typeof bound === 'object' ? bound.port : this.mailbox.listenPort;
    this.server = server;
    this.log(`${this.name}: listening on ${this.mailbox.listenHost}:${this.port} for ${address}`);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.allSettled([...this.inFlight]);
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<string> {
    // DATA goes straight to disk (the file store, in the data directory) as it arrives, with the
    // size limit counted on the way: a big mail is never held in memory whole.
    const maxBytes = mailLimits(this.deps).maxRawBytes;
    const envelope = Buffer.from(returnPath(session), 'latin1');
    let size = envelope.length;
    let tooLarge = false;
    async function* limited(): AsyncGenerator<Buffer> {
      yield envelope;
      for await (const chunk of stream) {
        size += (chunk as Buffer).length;
        // Past the limit the rest is read (the client is still sending) but not written.
        if (size > maxBytes || stream.sizeExceeded) tooLarge = true;
        if (!tooLarge) yield chunk as Buffer;
      }
      if (tooLarge || stream.sizeExceeded) throw new TooLarge();
    }
    let stored;
    try {
      stored = await this.deps.files.putStream(limited());
    } catch (err) {
      if (err instanceof TooLarge) {
        throw smtpError(552, 'the message is larger than this mailbox accepts');
      }
      this.log(`${this.name}: mail not stored, the sender will retry: ${(err as Error).message}`);
      throw smtpError(451, 'could not store the message now; please try again later');
    }
    let outcome;
    try {
      outcome = await ingestMail(this.deps, this.mailbox, stored);
    } catch (err) {
      this.log(`${this.name}: mail not taken, the sender will retry: ${(err as Error).message}`);
      throw smtpError(451, 'could not store the message now; please try again later');
    }
    if (outcome.kind === 'pending') {
      this.log(
        `${this.name}: mail ${outcome.id} not taken yet, the sender will retry: ${outcome.reason}`,
      );
      throw smtpError(451, 'the message is being taken; please try again later');
    }
    if (!outcome.repeated) {
      this.log(
        `${this.name}: mail ${outcome.status.replace('_', ' ')}${outcome.reference ? `: ${outcome.reference}` : outcome.error ? `: ${outcome.error}` : ''}`,
      );
    }
    return outcome.reference ? `taken as ${outcome.reference}` : 'taken';
  }
}

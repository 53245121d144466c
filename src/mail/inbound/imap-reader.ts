// Reads one IMAP folder: waits in IDLE when the server offers it (else polls), takes every unread
// mail, and marks it \Seen only once the database has committed it — so a crash at any point
// leaves each mail either taken or still unread, and the ledger makes taking it again a no-op.
// Connection trouble reconnects with a growing pause; one bad mail never stops the others. The
// mailbox's sealed password is opened here, where the connection is made, and nowhere else; one
// this server's secret cannot open is logged and the mailbox left unread (never a crash).
import { ImapFlow } from 'imapflow';
import { AppError } from '../../app/errors.ts';
import { openMailboxPassword } from '../../app/mailboxes/mailbox-password.ts';
import { ingestMail, resumePending, type IngestDeps, type IngestOutcome } from './ingest-mail.ts';
import type { Mailbox } from '../../db/repositories/mailboxes.ts';

export interface ImapReaderOptions {
  /** Wait in IDLE when the server offers it (default); false polls every pollMs. */
  idle?: boolean;
  /** Polling interval; defaults to the mailbox's poll_seconds. */
  pollMs?: number;
  /** Under IDLE, look again anyway this often (a missed notification, a flag changed). */
  idleRecheckMs?: number;
  /** First and longest pause before reconnecting. */
  backoffMs?: { first: number; max: number };
  /** For servers with self-signed certificates. */
  rejectUnauthorized?: boolean;
}

export class ImapReader {
  readonly name: string;
  /** Completed passes over the folder, and mails taken: for status lines and tests. */
  passes = 0;
  taken = 0;
  lastError: string | null = null;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private client: ImapFlow | null = null;
  private woken = false;
  private waiter: (() => void) | null = null;

  constructor(
    private readonly deps: IngestDeps,
    private readonly mailbox: Mailbox,
    private readonly log: (line: string) => void,
    private readonly opts: ImapReaderOptions = {},
  ) {
    this.name = `imap:${mailbox.name}`;
  }

  async start(): Promise<void> {
    this.stopping = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    // A mail in hand is finished; a connection still being made (or hanging) is cut after a while.
    const loop = this.loop;
    let timer: NodeJS.Timeout | undefined;
    const cut = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.client?.close();
        resolve();
      }, 10_000);
    });
    await Promise.race([loop, cut]);
    clearTimeout(timer);
    await loop;
    this.loop = null;
  }

  private wake(): void {
    this.woken = true;
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  /** Resolves when woken (new mail, closed connection, stop) or after ms. */
  private waitForWake(ms: number): Promise<void> {
    if (this.woken || this.stopping) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve();
      }, ms);
      this.waiter = () => {
        clearTimeout(timer);
        this.woken = false;
        resolve();
      };
    });
  }

  private async run(): Promise<void> {
    const first = this.opts.backoffMs?.first ?? 1000;
    const max = this.opts.backoffMs?.max ?? 5 * 60_000;
    let pause = first;
    // Mails a crash left half-taken are finished from their stored bytes first.
    try {
      for (const o of await resumePending(this.deps, this.mailbox)) this.report(o, null);
    } catch (err) {
      this.log(`${this.name}: could not finish pending mails: ${(err as Error).message}`);
    }
    let password: string;
    try {
      password = openMailboxPassword(this.mailbox);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // Trying again cannot help until the secret (or the mailbox) is fixed and Redress restarted.
      this.lastError = `${err.code}: ${err.message}`;
      this.log(`${this.name}: not read: ${this.lastError}`);
      return;
    }
    while (!this.stopping) {
      try {
        await this.session(password, () => (pause = first));
      } catch (err) {
        if (this.stopping) break;
        this.lastError = (err as Error).message || String(err);
        this.log(
          `${this.name}: ${this.lastError}; connecting again in ${Math.round(pause / 1000)} s`,
        );
        await this.waitForWake(pause);
        pause = Math.min(pause * 2, max);
      }
    }
  }

  private async session(password: string, connected: () => void): Promise<void> {
    const m = this.mailbox;
    const client = new ImapFlow({
      host: m.host!,
      port: m.port!,
      secure: m.secure,
      auth: { user: m.username!, pass: password },
      logger: false,
      disableAutoIdle: true,
      tls: { rejectUnauthorized: this.opts.rejectUnauthorized ?? true },
    });
    let closed = false;
    client.on('error', (err: Error) => {
      this.lastError = err.message;
      this.wake();
    });
    client.on('close', () => {
      closed = true;
      this.wake();
    });
    client.on('exists', () => this.wake());
    this.client = client;
    try {
      await client.connect();
      const lock = await client.getMailboxLock(m.folder);
      try {
        const idle = this.opts.idle !== false && client.capabilities.has('IDLE');
        const pollMs = this.opts.pollMs ?? m.pollSeconds * 1000;
        connected();
        this.lastError = null;
        this.log(
          `${this.name}: reading ${m.folder} on ${m.host}:${m.port}, ${idle ? 'IDLE' : `polling every ${pollMs < 1000 ? `${pollMs} ms` : `${Math.round(pollMs / 1000)} s`}`}`,
        );
        while (!this.stopping) {
          if (closed) throw new Error('the server closed the connection');
          await this.drain(client);
          this.passes++;
          if (this.stopping || closed) continue;
          const woken = this.waitForWake(idle ? (this.opts.idleRecheckMs ?? 5 * 60_000) : pollMs);
          // IDLE lasts until the next command (the next pass's SEARCH) ends it.
          if (idle) void client.idle().catch(() => this.wake());
          await woken;
        }
      } finally {
        lock.release();
      }
    } finally {
      this.client = null;
      client.removeAllListeners('exists');
      client.on('error', () => {});
      await Promise.race([
        client.logout().catch(() => {}),
        new Promise((resolve) => setTimeout(resolve, 5000).unref()),
      ]);
      client.close();
    }
  }

  /** Takes every unread mail of the folder, oldest first. */
  private async drain(client: ImapFlow): Promise<void> {
    const box = client.mailbox;
    if (!box) throw new Error(`${this.mailbox.folder} is not open`);
    const uidValidity = box.uidValidity;
    const found = await client.search({ seen: false }, { uid: true });
    const uids = (Array.isArray(found) ? found : []).sort((a, b) => a - b);
    for (const uid of uids) {
      if (this.stopping) return;
      const msg = await client.fetchOne(
        String(uid),
        { uid: true, source: true, internalDate: true },
        { uid: true },
      );
      if (!msg || !msg.source) continue; // expunged meanwhile
      const receivedAt = msg.internalDate ? new Date(msg.internalDate) : undefined;
      let outcome: IngestOutcome;
      try {
        outcome = await ingestMail(this.deps, this.mailbox, msg.source, {
          uid,
          uidValidity,
          ...(receivedAt && !Number.isNaN(receivedAt.getTime()) ? { receivedAt } : {}),
        });
      } catch (err) {
        // The database (or the file store) failed: the mail stays unread for the next pass.
        this.log(`${this.name}: UID ${uid} not taken, will try again: ${(err as Error).message}`);
        continue;
      }
      this.report(outcome, uid);
      if (outcome.kind === 'handled') {
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      }
    }
  }

  private report(o: IngestOutcome, uid: number | null): void {
    const what = uid === null ? `inbound mail ${o.id}` : `UID ${uid}`;
    if (o.kind === 'pending') {
      this.log(`${this.name}: ${what} not taken yet: ${o.reason}`);
      return;
    }
    if (o.repeated) return;
    this.taken++;
    const detail =
      o.status === 'complaint_created' || o.status === 'reply_threaded'
        ? (o.reference ?? `complaint ${o.complaintId}`)
        : (o.error ?? '');
    this.log(`${this.name}: ${what} ${o.status.replace('_', ' ')}${detail ? `: ${detail}` : ''}`);
  }
}

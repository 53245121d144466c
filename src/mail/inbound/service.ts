// The `mail-inbound` background service: one IMAP reader or SMTP listener per active mailbox,
// as configured with `redress mailbox add` (mailboxes added later are read after a restart).
import { IntakeBatcher } from '../../app/complaints/register-complaint.ts';
import { DiskFileStore } from '../../app/files/disk-file-store.ts';
import type { Runtime } from '../../app/runtime.ts';
import type { BackgroundService, ServiceFactory } from '../../jobs/background.ts';
import { ImapReader } from './imap-reader.ts';
import type { IngestDeps } from './ingest-mail.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { listMailboxes } from './mailboxes.ts';
import { SmtpListener } from './smtp-listener.ts';

export function ingestDeps(rt: Runtime): IngestDeps {
  const now = () => new Date();
  return {
    db: rt.db,
    policies: rt.policies,
    files: new DiskFileStore(rt.config.filesDir),
    intake: new IntakeBatcher({ db: rt.db, policies: rt.policies, now }),
    now,
    limits: { ...DEFAULT_LIMITS, maxAttachmentBytes: rt.config.maxUploadBytes },
    mailDomain: rt.config.mailDomain,
  };
}

class InboundMail implements BackgroundService {
  readonly name = 'mail-inbound';
  private running: BackgroundService[] = [];

  constructor(
    private readonly rt: Runtime,
    private readonly log: (line: string) => void,
  ) {}

  async start(): Promise<void> {
    const deps = ingestDeps(this.rt);
    for (const mailbox of await listMailboxes(this.rt.db, { activeOnly: true })) {
      const service =
        mailbox.kind === 'imap'
          ? new ImapReader(deps, mailbox, this.log)
          : new SmtpListener(deps, mailbox, this.log);
      try {
        await service.start();
        this.running.push(service);
      } catch (err) {
        // One mailbox that cannot start (a port in use) does not keep the others down.
        this.log(`${service.name}: not started: ${(err as Error).message}`);
      }
    }
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = [];
    await Promise.all(running.map((s) => s.stop()));
  }
}

export const inboundMail: ServiceFactory = (rt, log) => new InboundMail(rt, log);

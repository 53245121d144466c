// The `mail-inbound` background service: one IMAP reader or SMTP listener per active mailbox,
// as configured with `redress mailbox add` (mailboxes added later are read after a restart).
import { listMailboxes } from '../db/repositories/mailboxes.ts';
import { ImapReader } from '../mail/inbound/imap-reader.ts';
import { SmtpListener } from '../mail/inbound/smtp-listener.ts';
import type { BackgroundService, ServiceFactory } from './background.ts';

export const inboundMail: ServiceFactory = (services, log) => {
  let running: BackgroundService[] = [];
  return {
    name: 'mail-inbound',
    async start() {
      for (const mailbox of await listMailboxes(services.db, { activeOnly: true })) {
        const reader =
          mailbox.kind === 'imap'
            ? new ImapReader(services, mailbox, log)
            : new SmtpListener(services, mailbox, log);
        try {
          await reader.start();
          running.push(reader);
        } catch (err) {
          // One mailbox that cannot start (a port in use) does not keep the others down.
          log(`${reader.name}: not started: ${(err as Error).message}`);
        }
      }
    },
    async stop() {
      const stopping = running;
      running = [];
      await Promise.all(stopping.map((s) => s.stop()));
    },
  };
};

// An administrator gives an IMAP mailbox its password again (it changed on the mail server, or
// this server's secret changed and the stored one cannot be opened): sealed like a new one, the
// row and its system audit event (which never holds the password) in one transaction.
import type { Db } from '../../db/client.ts';
import { appendSystemEvent } from '../../db/repositories/events.ts';
import { listMailboxes, setMailboxPasswordSealed } from '../../db/repositories/mailboxes.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';
import { sealMailboxPassword } from './mailbox-password.ts';

export async function setMailboxPassword(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  input: { name: string; password: string },
): Promise<void> {
  const m = (await listMailboxes(deps.db)).find((b) => b.name === input.name && b.kind === 'imap');
  if (!m) throw new AppError('MAILBOX.NOT_FOUND', `no IMAP mailbox "${input.name}"`);
  const sealed = sealMailboxPassword(m, input.password);
  await deps.db.transaction(async (tx) => {
    await setMailboxPasswordSealed(tx, m.id, sealed);
    await appendSystemEvent(tx, {
      type: 'mailbox_password_set',
      actor: { id: actor.id, role: actor.role },
      at: deps.now(),
      data: { mailboxId: m.id, name: m.name },
    });
  });
}

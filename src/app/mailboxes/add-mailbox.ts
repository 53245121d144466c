// An administrator adds a mailbox; the row and its system audit event are one transaction. Its
// IMAP password is sealed before it reaches the database (mailbox-password.ts), never stored,
// logged or audited in clear.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { appendSystemEvent } from '../../db/repositories/events.ts';
import {
  addMailbox as insertMailbox,
  listMailboxes,
  type Mailbox,
  type NewMailbox,
} from '../../db/repositories/mailboxes.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { sealMailboxPassword } from './mailbox-password.ts';

/** A mailbox to add, with its IMAP password in clear (sealed here). */
export type MailboxToAdd = Omit<NewMailbox, 'passwordSealed'> & { password: string | null };

export async function addMailbox(
  deps: { db: Db; policies: PolicyRegistry; now: () => Date },
  actor: Actor,
  input: MailboxToAdd,
): Promise<Mailbox> {
  if (!deps.policies.ids().includes(input.policyId)) {
    throw new AppError(
      'MAILBOX.UNKNOWN_POLICY',
      `no policy "${input.policyId}"; known: ${deps.policies.ids().join(', ')}`,
    );
  }
  if ((await listMailboxes(deps.db)).some((m) => m.name === input.name))
    throw new AppError('MAILBOX.ALREADY_EXISTS', `a mailbox "${input.name}" exists already`);
  const { password, ...settings } = input;
  const id = input.id ?? randomUUID();
  const passwordSealed =
    password === null || password === ''
      ? null
      : sealMailboxPassword({ ...settings, id }, password);
  return deps.db.transaction(async (tx) => {
    const m = await insertMailbox(tx, { ...settings, id, passwordSealed });
    await appendSystemEvent(tx, {
      type: 'mailbox_added',
      actor: { id: actor.id, role: actor.role },
      at: deps.now(),
      data: {
        mailboxId: m.id,
        name: m.name,
        kind: m.kind,
        address: m.address,
        policy: m.policyId,
        host: m.host,
        listenPort: m.listenPort,
        trustedAuthservIds: m.trustedAuthservIds,
      },
    });
    return m;
  });
}

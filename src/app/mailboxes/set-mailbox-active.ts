// Enabling or disabling a mailbox (read again at the next start).
import type { Queryable } from '../../db/client.ts';
import { setMailboxActive as writeActive } from '../../db/repositories/mailboxes.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';

export async function setMailboxActive(
  deps: { db: Queryable },
  _actor: Actor,
  input: { name: string; active: boolean },
): Promise<void> {
  if (!(await writeActive(deps.db, input.name, input.active)))
    throw new AppError('MAILBOX.NOT_FOUND', `no mailbox "${input.name}"`);
}

// What a mailbox took lately: each mail with the complaint it made or joined, or why it was
// flagged or ignored.
import type { Queryable } from '../../db/client.ts';
import { recentMailsOf, type RecentMail } from '../../db/repositories/inbound-mails.ts';
import { findMailboxById } from '../../db/repositories/mailboxes.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';

export async function listMailboxMails(
  deps: { db: Queryable },
  _actor: Actor,
  input: { id: string; limit: number },
): Promise<RecentMail[]> {
  if (!(await findMailboxById(deps.db, input.id)))
    throw new AppError('MAILBOX.NOT_FOUND', `no mailbox with id ${input.id}`);
  return recentMailsOf(deps.db, input.id, input.limit);
}

// The mailboxes complaints come from, each with how many mails of each outcome it has taken.
import type { Queryable } from '../../db/client.ts';
import { mailboxCounts } from '../../db/repositories/inbound-mails.ts';
import { listMailboxes as mailboxRows, type Mailbox } from '../../db/repositories/mailboxes.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';

export interface MailboxWithCounts extends Mailbox {
  /** Mails taken, by ledger status. */
  taken: Record<string, number>;
}

export async function listMailboxes(
  deps: { db: Queryable },
  _actor: Actor,
): Promise<MailboxWithCounts[]> {
  const [boxes, counts] = await Promise.all([mailboxRows(deps.db), mailboxCounts(deps.db)]);
  return boxes.map((m) => ({ ...m, taken: counts.get(String(m.id)) ?? {} }));
}

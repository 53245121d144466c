// Mail kept raw but not taken (malformed, or failing again and again), newest first.
import type { Queryable } from '../../db/client.ts';
import {
  listFlaggedMail as flaggedRows,
  type FlaggedMail,
} from '../../db/repositories/inbound-mails.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';

export async function listFlaggedMail(
  deps: { db: Queryable },
  _actor: Actor,
  input: { limit: number },
): Promise<FlaggedMail[]> {
  return flaggedRows(deps.db, input.limit);
}

// Taking a flagged mail again from its stored bytes, once its cause is fixed.
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { retakeMail, type IngestDeps, type IngestOutcome } from '../../mail/inbound/ingest-mail.ts';

/** MAIL.NOT_FLAGGED when there is no flagged (or stuck) mail with this id. */
export async function retakeFlaggedMail(
  deps: IngestDeps,
  _actor: Actor,
  input: { id: number },
): Promise<IngestOutcome> {
  return retakeMail(deps, input.id);
}

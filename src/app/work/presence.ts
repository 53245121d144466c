// "Alex is also working on this complaint": staff on the case workspace send a heartbeat every
// few seconds saying whether they are viewing or editing; each beat answers with the others
// seen recently. A beat older than PRESENCE_WINDOW_MS no longer counts (the page was closed).
import type { Db } from '../../db/client.ts';
import {
  clearPresence,
  presentOthers,
  recordPresence,
  type PresenceMode,
  type PresenceRecord,
} from '../../db/repositories/complaint-presence.ts';
import { findComplaint } from '../../db/repositories/complaints.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { canSee } from '../complaints/apply-complaint-action.ts';
import { AppError } from '../errors.ts';

/** How long a heartbeat counts: three missed beats of the web app's 15 s. */
export const PRESENCE_WINDOW_MS = 45_000;

export interface PresenceInput {
  reference: string;
  /** `left` removes the caller at once (the page is closing). */
  mode: PresenceMode | 'left';
}

export async function recordPresenceBeat(
  deps: { db: Db; now: () => Date },
  user: Actor,
  input: PresenceInput,
): Promise<PresenceRecord[]> {
  const row = await findComplaint(deps.db, input.reference);
  if (!row || !canSee(user, row)) {
    throw new AppError('COMPLAINT.NOT_FOUND', `no complaint ${input.reference}`);
  }
  const now = deps.now();
  if (input.mode === 'left') {
    await clearPresence(deps.db, row.id, user.id);
    return [];
  }
  await recordPresence(deps.db, {
    complaintId: row.id,
    userId: user.id,
    mode: input.mode,
    at: now,
  });
  return presentOthers(deps.db, row.id, user.id, new Date(now.getTime() - PRESENCE_WINDOW_MS));
}

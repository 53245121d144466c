// Releases a legal hold, with a reason; the records it kept fall back under their retention.
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { lockComplaintById } from '../../db/repositories/complaints.ts';
import { appendEvents, appendSystemEvent } from '../../db/repositories/events.ts';
import {
  findLegalHold,
  lockLegalHold,
  releaseLegalHold,
} from '../../db/repositories/privacy-holds.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';
import { toLegalHold, type LegalHold } from './legal-hold.ts';

export const releaseLegalHoldInput = z.strictObject({
  reason: z.string().trim().min(1, 'releasing a hold needs a reason').max(2000),
});

export async function releaseLegalHoldById(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  input: { id: string; reason: string },
): Promise<LegalHold> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const hold = await lockLegalHold(tx, input.id);
    if (!hold) throw new AppError('HOLD.NOT_FOUND', `no legal hold ${input.id}`);
    if (hold.released_at)
      throw new AppError('HOLD.RELEASED', `hold ${input.id} was released already`);
    await releaseLegalHold(tx, hold.id, actor.id, now, input.reason);
    const event = {
      type: 'legal_hold_released',
      actor: { id: actor.id, role: actor.role },
      at: now,
      reason: input.reason,
    };
    if (hold.complaint_id !== null) {
      const c = (await lockComplaintById(tx, hold.complaint_id))!;
      await appendEvents(tx, c.reference, c.id, [{ ...event, data: { kind: 'complaint' } }]);
    } else {
      await appendSystemEvent(tx, {
        ...event,
        data: { holdId: hold.id, customerId: hold.customer_id },
      });
    }
    return toLegalHold((await findLegalHold(tx, hold.id))!);
  });
}

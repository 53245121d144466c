// Places a legal hold on one complaint or on a customer (every complaint of theirs): while it is
// in force, neither the retention sweep nor an erasure touches their records. The hold and its
// audit event (on the complaint's stream, or the system stream for a customer) are one
// transaction.
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { lockComplaint } from '../../db/repositories/complaints.ts';
import { findCustomer } from '../../db/repositories/customers.ts';
import { appendEvents, appendSystemEvent } from '../../db/repositories/events.ts';
import { insertLegalHold } from '../../db/repositories/privacy-holds.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { newId } from '../crypto.ts';
import { AppError } from '../errors.ts';
import { toLegalHold, type LegalHold } from './legal-hold.ts';

export const placeLegalHoldInput = z
  .strictObject({
    reference: z.string().min(1).max(64).optional(),
    customerId: z.string().min(1).max(64).optional(),
    reason: z.string().trim().min(1, 'a hold needs a reason').max(2000),
  })
  .refine((h) => Boolean(h.reference) !== Boolean(h.customerId), {
    message: 'give either reference (a complaint) or customerId',
    path: ['reference'],
  });
export type PlaceLegalHoldInput = z.infer<typeof placeLegalHoldInput>;

export async function placeLegalHold(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  input: PlaceLegalHoldInput,
): Promise<LegalHold> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const id = newId();
    const who = { id: actor.id, role: actor.role };
    if (input.reference) {
      const c = await lockComplaint(tx, input.reference);
      if (!c) throw new AppError('COMPLAINT.NOT_FOUND', `no complaint ${input.reference}`);
      const row = await insertLegalHold(tx, {
        id,
        complaintId: c.id,
        customerId: null,
        reason: input.reason,
        placedBy: actor.id,
        placedAt: now,
      });
      await appendEvents(tx, c.reference, c.id, [
        {
          type: 'legal_hold_placed',
          actor: who,
          at: now,
          reason: input.reason,
          data: { kind: 'complaint' },
        },
      ]);
      return toLegalHold(row);
    }
    const customer = await findCustomer(tx, input.customerId!);
    if (!customer) throw new AppError('CUSTOMER.NOT_FOUND', `no customer ${input.customerId}`);
    const row = await insertLegalHold(tx, {
      id,
      complaintId: null,
      customerId: customer.id,
      reason: input.reason,
      placedBy: actor.id,
      placedAt: now,
    });
    await appendSystemEvent(tx, {
      type: 'legal_hold_placed',
      actor: who,
      at: now,
      reason: input.reason,
      data: { holdId: id, customerId: customer.id },
    });
    return toLegalHold(row);
  });
}

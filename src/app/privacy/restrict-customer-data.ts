// Restriction (offered when erasure is refused): the customer's data is kept but marked
// restricted — kept for the duty that requires it and not otherwise used. Audited.
import type { Db } from '../../db/client.ts';
import { appendSystemEvent } from '../../db/repositories/events.ts';
import {
  lockCustomerForErasure,
  setCustomerRestricted,
} from '../../db/repositories/privacy-retention.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';

export async function restrictCustomerData(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  input: { customerId: string; reason?: string | undefined },
): Promise<{ customerId: string; restrictedAt: string }> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const customer = await lockCustomerForErasure(tx, input.customerId);
    if (!customer) throw new AppError('CUSTOMER.NOT_FOUND', `no customer ${input.customerId}`);
    await setCustomerRestricted(tx, input.customerId, now);
    await appendSystemEvent(tx, {
      type: 'customer_data_restricted',
      actor: { id: actor.id, role: actor.role },
      at: now,
      reason: input.reason ?? null,
      data: { customerId: input.customerId },
    });
  });
  return { customerId: input.customerId, restrictedAt: now.toISOString() };
}

// The customer's tracking link, given again (a customer who phoned and lost it): rebuilt from the
// complaint's sealed token, for staff who may give it (permission `tracking.link`).
import type { Queryable } from '../../db/client.ts';
import { findComplaint } from '../../db/repositories/complaints.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';
import { canSee } from './apply-complaint-action.ts';
import { trackingUrlOf } from './tracking-link.ts';

export async function getTrackingLink(
  deps: { db: Queryable },
  actor: Actor,
  reference: string,
): Promise<{ reference: string; trackingUrl: string | null }> {
  const row = await findComplaint(deps.db, reference);
  if (!row || !canSee(actor, row)) {
    throw new AppError('COMPLAINT.NOT_FOUND', `no complaint ${reference}`);
  }
  return { reference: row.reference, trackingUrl: trackingUrlOf(row) };
}

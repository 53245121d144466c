// A legal hold as the API and the CLI show it.
import type { LegalHoldRow } from '../../db/repositories/privacy-holds.ts';

export interface LegalHold {
  id: string;
  reference: string | null;
  customerId: string | null;
  reason: string;
  placedBy: string;
  /** The name of the person (null when placed from the command line). */
  placedByName: string | null;
  placedAt: string;
  releasedAt: string | null;
  releasedBy: string | null;
  releasedByName: string | null;
  releaseReason: string | null;
}

export function toLegalHold(r: LegalHoldRow): LegalHold {
  return {
    id: r.id,
    reference: r.reference,
    customerId: r.customer_id,
    reason: r.reason,
    placedBy: r.placed_by,
    placedByName: r.placed_by_name,
    placedAt: r.placed_at.toISOString(),
    releasedAt: r.released_at?.toISOString() ?? null,
    releasedBy: r.released_by,
    releasedByName: r.released_by_name,
    releaseReason: r.release_reason,
  };
}

// A legal hold as the API and the CLI show it.
import type { LegalHoldRow } from '../../db/repositories/privacy-holds.ts';

export interface LegalHold {
  id: string;
  reference: string | null;
  customerId: string | null;
  reason: string;
  placedBy: string;
  placedAt: string;
  releasedAt: string | null;
  releasedBy: string | null;
  releaseReason: string | null;
}

export function toLegalHold(r: LegalHoldRow): LegalHold {
  return {
    id: r.id,
    reference: r.reference,
    customerId: r.customer_id,
    reason: r.reason,
    placedBy: r.placed_by,
    placedAt: r.placed_at.toISOString(),
    releasedAt: r.released_at?.toISOString() ?? null,
    releasedBy: r.released_by,
    releaseReason: r.release_reason,
  };
}

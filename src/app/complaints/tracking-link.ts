// A complaint's tracking link (SPEC §7: `/track/{reference}?token=…`), rebuilt by the server
// from the token sealed in the complaint's row (the hash beside it still verifies it). The
// composition root sets the public address; a complaint registered before tokens were kept, or
// anonymised since, has no link — it is said so, never guessed. Tokens are never logged.
import { unsealTrackingToken } from '../sealed.ts';

let base = 'http://localhost:3000';

/** The address the server is reached at (config REDRESS_PUBLIC_URL). */
export function useTrackingBase(publicUrl: string): void {
  base = publicUrl.replace(/\/$/, '');
}

/** The customer's tracking link for a given token. */
export const trackingUrlFor = (reference: string, token: string, publicUrl = base): string =>
  `${publicUrl}/track/${reference}?token=${encodeURIComponent(token)}`;

/** The tracking link of a complaint row, or null when none can be rebuilt. */
export function trackingUrlOf(row: {
  reference: string;
  tracking_token_sealed?: string | null;
}): string | null {
  if (!row.tracking_token_sealed) return null;
  const token = unsealTrackingToken(row.tracking_token_sealed);
  return token ? trackingUrlFor(row.reference, token) : null;
}

// Secrets that must be kept in a row but never in clear (a tracking token inside a stored
// Idempotency-Key answer; the complaint's own tracking token, so its link can be given again; a
// mailbox's IMAP password): sealed with AES-256-GCM under keys derived from the server's secret
// (src/app/server-secret.ts), one per purpose, which the database never holds. The composition
// root sets the keys; until then fixed development keys serve (tests that build no services).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

let key: Buffer = createHash('sha256').update('redress development seal key').digest();
let trackingKey: Buffer = createHash('sha256').update('redress development tracking key').digest();
let credentialsKey: Buffer = createHash('sha256')
  .update('redress development credentials key')
  .digest();

export function useSealKey(k: Buffer, tracking?: Buffer, credentials?: Buffer): void {
  key = k;
  if (tracking) trackingKey = tracking;
  if (credentials) credentialsKey = credentials;
}

/** A credential Redress must hand on to another server (a mailbox's IMAP password), sealed under
 *  the credentials key and bound to `context` (what it belongs to: the same value in another
 *  context cannot be opened). */
export const sealCredential = (secret: string, context: string): string =>
  seal(secret, credentialsKey, context);

/** The credential sealed by sealCredential for this context; throws when it cannot be opened
 *  (another server's secret, a damaged value, a value moved to another context). */
export const unsealCredential = (sealed: string, context: string): string =>
  unseal(sealed, credentialsKey, context);

/** A complaint's tracking token, sealed under the tracking key (only the server can open it). */
export const sealTrackingToken = (token: string): string => seal(token, trackingKey);

/** The tracking token sealed by sealTrackingToken; null when it cannot be opened (another
 *  server's key, a damaged value): the link is then not given, never guessed. */
export function unsealTrackingToken(sealed: string): string | null {
  try {
    return unseal(sealed, trackingKey);
  } catch {
    return null;
  }
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url; `aad` (authenticated, not stored) binds it to a
 *  context that must be given again to open it. */
export function seal(text: string, k: Buffer = key, aad?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', k, iv);
  if (aad !== undefined) cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ct]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function unseal(sealed: string, k: Buffer = key, aad?: string): string {
  const [v, iv, tag, ct] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', k, Buffer.from(iv, 'base64url'));
  if (aad !== undefined) decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
}

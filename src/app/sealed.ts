// Secrets that must be kept in a row but never in clear (a tracking token inside a stored
// Idempotency-Key answer): sealed with AES-256-GCM under a key derived from the server's secret
// (src/app/server-secret.ts), which the database never holds. The composition root sets the
// key; until then a fixed development key serves (tests that build no services).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

let key: Buffer = createHash('sha256').update('redress development seal key').digest();

export function useSealKey(k: Buffer): void {
  key = k;
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url. */
export function seal(text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), ct]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function unseal(sealed: string): string {
  const [v, iv, tag, ct] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
}

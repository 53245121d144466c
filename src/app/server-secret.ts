// The server's secret: the root of the keys that must not live in the database (the audit
// chain's HMAC key, the keys that seal tracking tokens in stored answers and in complaints, and
// mailboxes' IMAP passwords).
// From REDRESS_SECRET, or the file REDRESS_SECRET_FILE (default: secret.key in the data folder),
// created with 32 random bytes, readable by its owner only, the first time Redress starts without
// one. Every process writing one database must share it.
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ServerKeys {
  /** HMAC key of the audit chain (src/domain/audit/chain.ts). */
  audit: Buffer;
  /** AES-256-GCM key sealing secrets kept in rows (src/app/sealed.ts). */
  seal: Buffer;
  /** AES-256-GCM key sealing each complaint's tracking token, so its link can be given again. */
  tracking: Buffer;
  /** AES-256-GCM key sealing credentials Redress hands on to other servers (IMAP passwords). */
  credentials: Buffer;
}

/** The development secret of services built without one (tests, benchmarks). */
export const DEVELOPMENT_SECRET = Buffer.from('redress development secret, never for production');

export function deriveKeys(secret: Buffer): ServerKeys {
  const derive = (purpose: string) => createHmac('sha256', secret).update(purpose).digest();
  return {
    audit: derive('redress audit chain v2'),
    seal: derive('redress sealed values v1'),
    tracking: derive('redress tracking tokens v1'),
    credentials: derive('redress stored credentials v1'),
  };
}

export function loadServerSecret(config: {
  secret?: string | undefined;
  secretFile: string;
}): Buffer {
  if (config.secret) return Buffer.from(config.secret, 'utf8');
  try {
    const text = readFileSync(config.secretFile, 'utf8').trim();
    if (text.length < 32) {
      throw new Error(`the secret in ${config.secretFile} is shorter than 32 characters`);
    }
    return Buffer.from(text, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dirname(config.secretFile), { recursive: true });
  const fresh = randomBytes(32).toString('base64url');
  try {
    writeFileSync(config.secretFile, `${fresh}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(config.secretFile, 0o600);
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return loadServerSecret(config);
  }
  return Buffer.from(fresh, 'utf8');
}

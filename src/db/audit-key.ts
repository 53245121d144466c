// The key of the audit chain's HMAC (see src/domain/audit/chain.ts). It lives in the process,
// never in the database: the composition root sets it from the server's secret (config
// REDRESS_SECRET or REDRESS_SECRET_FILE) before anything writes an event. Until then it is a
// fixed development key, which only tests that build no services ever use.
import { createHash } from 'node:crypto';

const DEVELOPMENT_KEY = createHash('sha256').update('redress development audit key').digest();

let key: Buffer = DEVELOPMENT_KEY;

export function useAuditKey(k: Buffer): void {
  key = k;
}

export function auditKey(): Buffer {
  return key;
}

// Secrets and their digests: tokens are random, only their SHA-256 is stored.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');
export const sha256 = (text: string | Buffer): string =>
  createHash('sha256').update(text).digest('hex');
export const newId = (): string => randomUUID();

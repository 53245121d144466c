// What taking inbound mail needs: the services (the composition root's, or a test's).
import type { IntakeBatcher } from '../../app/complaints/intake-batcher.ts';
import type { FileStore } from '../../app/files/file-store.ts';
import type { PolicyRegistry } from '../../app/policy-registry.ts';
import type { WorkSignal } from '../../app/work-signal.ts';
import type { Db } from '../../db/client.ts';
import type { RawHeaders } from './headers.ts';
import { DEFAULT_LIMITS, type MailLimits } from './limits.ts';

/** A mail to take, in the file store: read as a stream, so its size never weighs on memory. */
export interface MailSource {
  sha256: string;
  size: number;
  /** Its header section, read without a MIME parser. */
  head: RawHeaders;
  /** Its bytes from the start. */
  open(): Promise<AsyncIterable<Buffer>>;
}

export interface IngestDeps {
  db: Db;
  policies: PolicyRegistry;
  files: FileStore;
  intake: Pick<IntakeBatcher, 'submit'>;
  now: () => Date;
  /** Told when a mail was taken, so the sweep and outbox look at once (optional in tests). */
  work?: Pick<WorkSignal, 'notify'>;
  /** mailDomain: of the Message-IDs of mail an action sends; maxUploadBytes: attachments. */
  config: {
    mailDomain: string;
    maxUploadBytes?: number;
    /** Receiving hosts whose Authentication-Results every mailbox believes. */
    mailTrustedAuthservIds?: readonly string[];
    mailTrustEnvelope?: boolean;
  };
  /** Overrides the limits derived from config. */
  limits?: MailLimits;
}

export function mailLimits(deps: Pick<IngestDeps, 'config' | 'limits'>): MailLimits {
  if (deps.limits) return deps.limits;
  const max = deps.config.maxUploadBytes;
  return max ? { ...DEFAULT_LIMITS, maxAttachmentBytes: max } : DEFAULT_LIMITS;
}

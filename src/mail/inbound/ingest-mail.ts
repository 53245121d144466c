// Taking one inbound mail, exactly once. The raw bytes are stored first (content-addressed), then
// a ledger row claims the mail by its place in the mailbox (UIDVALIDITY, UID) and its Message-ID
// (mail-ledger.ts), then it is taken (take-mail.ts). A mail that fails for an error (not for
// being broken) is tried again, and flagged for a person after the last attempt.
import {
  pendingMails,
  releaseMail,
  resetForRetake,
  type LedgerRow,
} from '../../db/repositories/inbound-mails.ts';
import { listMailboxes, type Mailbox } from '../../db/repositories/mailboxes.ts';
import { AppError } from '../../app/errors.ts';
import type { FileStore } from '../../app/files/file-store.ts';
import { MAX_HEADER_BYTES, parseRawHeaders } from './headers.ts';
import { mailLimits, type IngestDeps, type MailSource } from './ingest-deps.ts';
import {
  AlreadyHandled,
  claimMail,
  clip,
  doneOutcome,
  finish,
  resumeClaim,
  type IngestOutcome,
  type MailMeta,
} from './mail-ledger.ts';
import { takeMail } from './take-mail.ts';

export type { IngestDeps } from './ingest-deps.ts';
export type { IngestOutcome, MailMeta } from './mail-ledger.ts';

/** A mail that fails this often (not for being broken: for an error) is flagged. */
export const MAX_ATTEMPTS = 3;

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** A mail already written to the file store (the SMTP listener streams DATA there). */
export interface StoredRaw {
  sha256: string;
  size: number;
}

/** Takes one mail; never throws for what the mail contains, only when the database fails. */
export async function ingestMail(
  deps: IngestDeps,
  mailbox: Mailbox,
  raw: Buffer | StoredRaw,
  meta: MailMeta = {},
): Promise<IngestOutcome> {
  let source: MailSource;
  if (Buffer.isBuffer(raw)) {
    const stored = await deps.files.put(raw);
    source = bufferSource(stored.sha256, raw);
  } else {
    const stored = await storedSource(deps.files, raw.sha256, raw.size);
    if (!stored) throw new Error(`the stored bytes of this mail (${raw.sha256}) are missing`);
    source = stored;
  }
  const claim = await claimMail(
    deps.db,
    deps.now(),
    mailbox,
    source.sha256,
    source.size,
    source.head,
    meta,
  );
  if (claim.kind !== 'claimed') return claim.outcome;
  return processClaimed(deps, mailbox, source, claim.row);
}

function bufferSource(sha256: string, raw: Buffer): MailSource {
  return {
    sha256,
    size: raw.length,
    head: parseRawHeaders(raw),
    open: async () =>
      (async function* () {
        yield raw;
      })(),
  };
}

/** A stored mail read as a stream: only its header section is read now. */
async function storedSource(
  files: FileStore,
  sha256: string,
  size: number,
): Promise<MailSource | null> {
  const stream = await files.open(sha256);
  if (!stream) return null;
  const chunks: Buffer[] = [];
  let head = 0;
  for await (const chunk of stream) {
    chunks.push(chunk.subarray(0, MAX_HEADER_BYTES - head));
    head += Math.min(chunk.length, MAX_HEADER_BYTES - head);
    if (head >= MAX_HEADER_BYTES) break;
  }
  return {
    sha256,
    size,
    head: parseRawHeaders(Buffer.concat(chunks)),
    open: async () => {
      const again = await files.open(sha256);
      if (!again) throw new Error(`the stored bytes of this mail (${sha256}) are gone`);
      return again;
    },
  };
}

/**
 * Finishes mails left half-taken (a crash, a failure): read again from the file store. The
 * readers run it when they start, so no mail stays in the ledger as merely received.
 */
export async function resumePending(deps: IngestDeps, mailbox: Mailbox): Promise<IngestOutcome[]> {
  const out: IngestOutcome[] = [];
  for (const row of await pendingMails(deps.db, mailbox.id, deps.now(), 1000)) {
    out.push(await retakeRow(deps, mailbox, row));
  }
  return out;
}

/** Takes a mail of the ledger again from its stored bytes (after a flagged mail was looked at). */
export async function retakeMail(deps: IngestDeps, id: number): Promise<IngestOutcome> {
  const row = await resetForRetake(deps.db, id, deps.now());
  if (!row) throw new AppError('MAIL.NOT_FLAGGED', `no flagged or pending inbound mail ${id}`);
  const mailbox = (await listMailboxes(deps.db)).find((m) => m.id === row.mailbox_id);
  if (!mailbox) throw new Error(`the mailbox of inbound mail ${id} is gone`);
  return retakeRow(deps, mailbox, row);
}

async function retakeRow(
  deps: IngestDeps,
  mailbox: Mailbox,
  row: LedgerRow,
): Promise<IngestOutcome> {
  const claimed = await resumeClaim(deps.db, deps.now(), row);
  if (claimed.kind !== 'claimed') return claimed.outcome;
  const source = await storedSource(deps.files, row.raw_sha256, Number(row.size));
  if (!source) {
    return finish(deps.db, deps.now(), claimed.row, 'flagged_malformed', {
      error: `the stored bytes of this mail (${row.raw_sha256}) are missing`,
    });
  }
  return processClaimed(deps, mailbox, source, claimed.row);
}

async function processClaimed(
  deps: IngestDeps,
  mailbox: Mailbox,
  source: MailSource,
  row: LedgerRow,
): Promise<IngestOutcome> {
  try {
    const taken = await takeMail(deps, mailLimits(deps), mailbox, source, row);
    deps.work?.notify(); // a complaint registered or a reply threaded: its work may be due now
    return taken;
  } catch (err) {
    if (err instanceof AlreadyHandled) return doneOutcome(err.row, true);
    const reason = describe(err);
    if (row.attempts >= MAX_ATTEMPTS) {
      return finish(deps.db, deps.now(), row, 'flagged_malformed', {
        error: `not taken after ${row.attempts} attempts: ${reason}`,
      });
    }
    await releaseMail(deps.db, row.id, clip(reason, 2000));
    return { kind: 'pending', id: Number(row.id), reason };
  }
}

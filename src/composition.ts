// The composition root: what every part of Redress shares is built here, once per process —
// the configuration, the database, the clock, the file store, the policy registry, the intake
// batcher (group commit) and the mailer — and handed to the web server, the background jobs
// and the CLI verbs alike. Use cases take the part of it they need as their `deps`.
import { IntakeBatcher } from './app/complaints/intake-batcher.ts';
import { sealMailboxPasswords } from './app/mailboxes/seal-mailbox-passwords.ts';
import { useTrackingBase } from './app/complaints/tracking-link.ts';
import { DiskFileStore } from './app/files/disk-file-store.ts';
import type { FileStore } from './app/files/file-store.ts';
import { PolicyRegistry } from './app/policy-registry.ts';
import {
  deriveKeys,
  DEVELOPMENT_SECRET,
  loadServerSecret,
  type ServerKeys,
} from './app/server-secret.ts';
import { useSealKey } from './app/sealed.ts';
import { WorkSignal } from './app/work-signal.ts';
import { useAuditKey } from './db/audit-key.ts';
import type { Config } from './config.ts';
import { openDatabase, type Db } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { announceWork } from './db/work-notify.ts';
import { smtpSender, type EmailSender } from './mail/outbound/smtp-sender.ts';

/** The current time. Tests pass a clock they move; everything else reads this one. */
export type Clock = () => Date;

const systemClock: Clock = () => new Date();

export interface Services {
  config: Config;
  db: Db;
  now: Clock;
  files: FileStore;
  policies: PolicyRegistry;
  intake: IntakeBatcher;
  /** Outgoing email over SMTP_URL; null without it (emails then wait in the outbox). */
  mailer: EmailSender | null;
  /** Keys derived from the server's secret (never stored in the database). */
  keys: ServerKeys;
  /** Wakes this process's sweep and outbox after a write (they poll as well). */
  work: WorkSignal;
}

/** What the HTTP routes are given: the services. */
export type RouteContext = Services;

/**
 * Builds the services around an open database and a loaded policy registry (tests build theirs
 * this way, with their own clock).
 */
export function buildServices(parts: {
  config: Config;
  db: Db;
  policies: PolicyRegistry;
  now?: Clock;
  files?: FileStore;
  mailer?: EmailSender | null;
  /** The server's secret; without one, the development secret (tests). */
  secret?: Buffer;
}): Services {
  const { config, db } = parts;
  const keys = deriveKeys(parts.secret ?? DEVELOPMENT_SECRET);
  // The audit chain's key stays in the process: the repositories that write events read it.
  useAuditKey(keys.audit);
  useSealKey(keys.seal, keys.tracking, keys.credentials);
  useTrackingBase(config.publicUrl);
  return {
    keys,
    config,
    db,
    now: parts.now ?? systemClock,
    files: parts.files ?? new DiskFileStore(config.filesDir),
    policies: parts.policies,
    intake: new IntakeBatcher(db),
    work: new WorkSignal(db.kind === 'postgres' ? (p) => announceWork(db, p) : undefined),
    mailer:
      parts.mailer !== undefined
        ? parts.mailer
        : config.smtpUrl
          ? smtpSender(config.smtpUrl)
          : null,
  };
}

export interface OpenServices extends Services {
  close(): Promise<void>;
}

/** Opens the configured database (migrated unless told not to), its policies, and the rest. */
export async function openServices(
  config: Config,
  opts: { migrate?: boolean } = {},
): Promise<OpenServices> {
  // Before anything can write an event (syncing the presets does): the audit key is set.
  const secret = loadServerSecret(config);
  const keys = deriveKeys(secret);
  useAuditKey(keys.audit);
  useSealKey(keys.seal, keys.tracking, keys.credentials);
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPool,
  });
  try {
    if (opts.migrate !== false) {
      await migrate(db);
      // Secrets stored in clear by an older Redress are sealed now that the key is known.
      await sealMailboxPasswords(db);
    }
    const policies = new PolicyRegistry(db);
    await policies.syncPresets();
    const services = buildServices({ config, db, policies, secret });
    return {
      ...services,
      async close() {
        services.mailer?.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}

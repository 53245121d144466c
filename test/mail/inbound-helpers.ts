// A database, a file store and one mailbox, for the inbound-mail tests.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntakeBatcher } from '../../src/app/complaints/intake-batcher.ts';
import { sealMailboxPassword } from '../../src/app/mailboxes/mailbox-password.ts';
import { DiskFileStore } from '../../src/app/files/disk-file-store.ts';
import { PolicyRegistry } from '../../src/app/policy-registry.ts';
import type { Db } from '../../src/db/client.ts';
import type { IngestDeps } from '../../src/mail/inbound/ingest-mail.ts';
import { DEFAULT_LIMITS } from '../../src/mail/inbound/limits.ts';
import { addMailbox, type Mailbox, type NewMailbox } from '../../src/db/repositories/mailboxes.ts';
import { openTestDb, type Engine } from '../helpers/db.ts';

export const MAILBOX_ADDRESS = 'complaints@redress.test';

export interface MailWorld {
  db: Db;
  deps: IngestDeps;
  files: DiskFileStore;
  mailbox: Mailbox;
  close(): Promise<void>;
}

/** What ingesting mail needs, over a given database, with attachments in `dir`. */
export function ingestDepsFor(
  db: Db,
  policies: PolicyRegistry,
  dir: string,
  now = () => new Date(),
): IngestDeps {
  return {
    db,
    policies,
    files: new DiskFileStore(dir),
    intake: new IntakeBatcher(db),
    now,
    config: { mailDomain: 'localhost', mailTrustEnvelope: true }, // as behind a relay that checked senders
    limits: DEFAULT_LIMITS,
  };
}

/** Settings of a test mailbox; its password (if any) in clear, sealed as Redress seals it. */
export type TestMailbox = Partial<Omit<NewMailbox, 'passwordSealed'>> & {
  password?: string | null;
};

/** An SMTP-listener mailbox for uk-comms-ombudsman (nothing listens in the tests). */
export function addTestMailbox(db: Db, mailbox: TestMailbox = {}): Promise<Mailbox> {
  const { password, ...rest } = mailbox;
  const settings = {
    name: 'complaints',
    kind: 'smtp' as const,
    host: null,
    port: null,
    secure: false,
    username: null,
    folder: 'INBOX',
    listenPort: 2525,
    policyId: 'uk-comms-ombudsman',
    address: MAILBOX_ADDRESS,
    ...rest,
    id: rest.id ?? randomUUID(),
  };
  return addMailbox(db, {
    ...settings,
    passwordSealed: password ? sealMailboxPassword(settings, password) : null,
  });
}

export async function mailWorld(engine: Engine, mailbox: TestMailbox = {}): Promise<MailWorld> {
  const t = await openTestDb(engine);
  const policies = new PolicyRegistry(t.db);
  await policies.syncPresets();
  const dir = mkdtempSync(join(tmpdir(), 'redress-mail-files-'));
  const deps = ingestDepsFor(t.db, policies, dir);
  const box = await addTestMailbox(t.db, mailbox);
  return {
    db: t.db,
    deps,
    files: deps.files as DiskFileStore,
    mailbox: box,
    async close() {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function count(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  const r = await db.query<{ n: number }>(`select count(*)::int as n from (${sql}) x`, params);
  return Number(r.rows[0]!.n);
}

export async function ledger(db: Db) {
  const r = await db.query<{
    id: number;
    uid: number | null;
    message_id: string | null;
    status: string;
    complaint_id: number | null;
    error: string | null;
    raw_sha256: string;
    attempts: number;
  }>('select * from inbound_mails order by id');
  return r.rows;
}

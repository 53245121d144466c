// Mailbox passwords at rest: written sealed (never in clear, not even in the audit trail), opened
// only where the connection is made; a password an older Redress stored in clear is sealed by the
// next start — once, however many processes start together; a password this server's secret
// cannot open (the secret changed, the row was altered) is a catalogued error, never a crash.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { AppError } from '../../src/app/errors.ts';
import { addMailbox } from '../../src/app/mailboxes/add-mailbox.ts';
import { openMailboxPassword } from '../../src/app/mailboxes/mailbox-password.ts';
import { sealMailboxPasswords } from '../../src/app/mailboxes/seal-mailbox-passwords.ts';
import { setMailboxPassword } from '../../src/app/mailboxes/set-mailbox-password.ts';
import { testMailboxConnection } from '../../src/app/mailboxes/test-mailbox-connection.ts';
import { PolicyRegistry } from '../../src/app/policy-registry.ts';
import { useSealKey } from '../../src/app/sealed.ts';
import { deriveKeys } from '../../src/app/server-secret.ts';
import { openServices, type OpenServices } from '../../src/composition.ts';
import { loadConfig } from '../../src/config.ts';
import { openPglite, openPostgres, type Db, type Queryable } from '../../src/db/client.ts';
import { listMigrations } from '../../src/db/migrate.ts';
import { findMailboxById, listMailboxes } from '../../src/db/repositories/mailboxes.ts';
import { ImapReader } from '../../src/mail/inbound/imap-reader.ts';
import { engines, openTestDb, type TestDb } from '../helpers/db.ts';
import { freePort } from '../helpers/dovecot.ts';
import { ingestDepsFor } from '../mail/inbound-helpers.ts';

const ADMIN = { id: 'admin', role: 'administrator' as const };
const SECRET_A = 'the first server secret, 32+ characters long';
const SECRET_B = 'another server secret entirely, 32+ characters';

/** Applies the migrations before 0019, as an older Redress left the database. */
async function migrateBefore0019(db: Queryable): Promise<void> {
  await db.exec(
    'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
  );
  for (const m of listMigrations().filter((m) => m.name < '0019')) {
    await db.exec(m.sql);
    await db.query('insert into schema_migrations (name) values ($1)', [m.name]);
  }
}

/** An IMAP mailbox as an older Redress wrote it: its password in clear. */
async function insertClearMailbox(db: Queryable, n: number, password: string): Promise<void> {
  await db.query(
    `insert into mailboxes (id, name, kind, host, port, secure, username, password, policy_id, address)
     values ($1, $2, 'imap', 'imap.example.test', 993, true, $3, $4, 'uk-comms-ombudsman', $5)`,
    [`legacy-${n}`, `legacy-${n}`, `user${n}`, password, `legacy${n}@example.test`],
  );
}

const rowsOf = async (db: Queryable) =>
  (
    await db.query<{ id: string; password: string | null; password_sealed: string | null }>(
      'select id, password, password_sealed from mailboxes order by id',
    )
  ).rows;

const useSecret = (secret: string) => {
  const k = deriveKeys(Buffer.from(secret));
  useSealKey(k.seal, k.tracking, k.credentials);
};

for (const engine of engines()) {
  describe(`mailbox passwords at rest (${engine})`, () => {
    let t: TestDb;
    let policies: PolicyRegistry;
    before(async () => {
      useSecret(SECRET_A);
      t = await openTestDb(engine);
      policies = new PolicyRegistry(t.db);
      await policies.syncPresets();
    });
    after(() => t.close());

    const add = (name: string, password: string, port = 993) =>
      addMailbox({ db: t.db, policies, now: () => new Date() }, ADMIN, {
        name,
        kind: 'imap',
        host: '127.0.0.1',
        port,
        secure: false,
        username: 'redress',
        password,
        folder: 'INBOX',
        listenPort: null,
        policyId: 'uk-comms-ombudsman',
        address: `${name}@example.test`,
      });

    test('a password is written sealed: the row, the audit trail and the listing never hold it', async () => {
      const m = await add('sealed', 'hunter2-very-secret');
      const row = (await t.db.query('select * from mailboxes where id = $1', [m.id])).rows[0]!;
      assert.equal(row.password, null);
      assert.match(String(row.password_sealed), /^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
      assert.ok(!JSON.stringify(row).includes('hunter2'), JSON.stringify(row));
      const events = await t.db.query('select data::text as d from events');
      assert.ok(events.rows.every((e) => !String(e.d).includes('hunter2')));
      const listed = (await listMailboxes(t.db)).find((b) => b.id === m.id)!;
      assert.ok(!JSON.stringify(listed).includes('hunter2'));
      assert.equal(openMailboxPassword(listed), 'hunter2-very-secret');
    });

    test('sealed under a rotated secret, or moved to another server in the row: a catalogued error', async () => {
      const m = await add('rotated', 'pw-under-secret-a', await freePort());
      useSecret(SECRET_B);
      try {
        assert.throws(
          () => openMailboxPassword(m),
          (e: unknown) => e instanceof AppError && e.code === 'MAILBOX.CREDENTIALS_UNREADABLE',
        );
        await assert.rejects(
          testMailboxConnection({ db: t.db }, ADMIN, { id: m.id }),
          (e: unknown) =>
            e instanceof AppError &&
            e.code === 'MAILBOX.CREDENTIALS_UNREADABLE' &&
            e.status === 409,
        );
        // The remedy: give it its password again, sealed under the secret in force.
        const deps = { db: t.db, now: () => new Date() };
        await setMailboxPassword(deps, ADMIN, { name: 'rotated', password: 'pw-under-secret-b' });
        assert.equal(
          openMailboxPassword((await findMailboxById(t.db, m.id))!),
          'pw-under-secret-b',
        );
      } finally {
        useSecret(SECRET_A);
      }
      assert.equal(openMailboxPassword(m), 'pw-under-secret-a');
      // Someone who can write the database points the mailbox at their own server: the sealed
      // password is bound to the old one and is not sent there.
      await t.db.query(`update mailboxes set host = 'evil.example.test' where id = $1`, [m.id]);
      const moved = (await findMailboxById(t.db, m.id))!;
      assert.throws(() => openMailboxPassword(moved), /cannot be opened/);
      // Copied to another mailbox's row: not opened there either.
      const other = await add('other', 'the-other-password');
      await t.db.query('update mailboxes set password_sealed = $2 where id = $1', [
        other.id,
        m.passwordSealed,
      ]);
      const copied = (await findMailboxById(t.db, other.id))!;
      assert.throws(() => openMailboxPassword(copied));
    });

    test('the IMAP reader logs a password it cannot open and leaves the mailbox alone', async () => {
      const m = await add('unreadable', 'pw', await freePort());
      useSecret(SECRET_B);
      const logs: string[] = [];
      const dir = mkdtempSync(join(tmpdir(), 'redress-seal-files-'));
      const reader = new ImapReader(ingestDepsFor(t.db, policies, dir), m, (l) => logs.push(l), {
        backoffMs: { first: 50, max: 50 },
      });
      try {
        await reader.start();
        const deadline = Date.now() + 5000;
        while (!logs.some((l) => l.includes('not read')) && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 20));
        await reader.stop();
      } finally {
        useSecret(SECRET_A);
        rmSync(dir, { recursive: true, force: true });
      }
      assert.equal(logs.length, 1, logs.join('\n'));
      assert.match(logs[0]!, /imap:unreadable: not read: MAILBOX\.CREDENTIALS_UNREADABLE/);
      assert.equal(reader.passes, 0);
      assert.match(reader.lastError ?? '', /CREDENTIALS_UNREADABLE/);
    });

    test('passwords left in clear are sealed at start; again is a no-op; two at once seal each once', async () => {
      // The column an older Redress wrote (the constraint allows it while the seal is empty).
      for (let n = 1; n <= 5; n++) await insertClearMailbox(t.db, n, `clear-password-${n}`);
      const counts = await Promise.all([sealMailboxPasswords(t.db), sealMailboxPasswords(t.db)]);
      assert.equal(counts[0]! + counts[1]!, 5, String(counts));
      assert.equal(await sealMailboxPasswords(t.db), 0);
      const rows = (await rowsOf(t.db)).filter((r) => r.id.startsWith('legacy-'));
      assert.equal(rows.length, 5);
      for (const r of rows) {
        assert.equal(r.password, null);
        assert.match(r.password_sealed ?? '', /^v1\./);
        assert.ok(!r.password_sealed!.includes('clear-password'));
        const m = (await findMailboxById(t.db, r.id))!;
        assert.equal(openMailboxPassword(m), `clear-password-${r.id.slice('legacy-'.length)}`);
      }
      // A row never holds both.
      await assert.rejects(
        t.db.query(`update mailboxes set password = 'x' where id = 'legacy-1'`),
        /mailboxes_password_once/,
      );
    });
  });
}

describe('upgrading an embedded database with a password in clear (pglite, through openServices)', () => {
  let dir: string;
  let services: OpenServices | null = null;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'redress-seal-upgrade-'));
  });
  after(async () => {
    await services?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the first start after the upgrade seals it; the mailbox still opens with it', async () => {
    const old = await openPglite(dir);
    await migrateBefore0019(old);
    await insertClearMailbox(old, 1, 'clear-before-0019');
    await old.close();
    const env = { REDRESS_DATA_DIR: dir, REDRESS_SECRET: SECRET_A, REDRESS_DEMO: '0' };
    services = await openServices(loadConfig(env));
    const [row] = await rowsOf(services.db);
    assert.equal(row!.password, null);
    assert.ok(!row!.password_sealed!.includes('clear-before-0019'));
    const [m] = await listMailboxes(services.db);
    assert.equal(openMailboxPassword(m!), 'clear-before-0019');
    await services.close();
    services = null;
    // Started again with another secret: the mailbox is unreadable, and said so.
    services = await openServices(loadConfig({ ...env, REDRESS_SECRET: SECRET_B }));
    await assert.rejects(
      testMailboxConnection(services, ADMIN, { id: m!.id }),
      /MAILBOX|cannot be opened/,
    );
  });
});

describe(
  'several processes starting together on one PostgreSQL seal each password once',
  { skip: process.env.TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set' },
  () => {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `redress_seal_${process.pid}_${randomBytes(4).toString('hex')}`;
    let url: string;
    const opened: OpenServices[] = [];
    before(async () => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      url = u.toString();
    });
    after(async () => {
      await Promise.all(opened.map((s) => s.close()));
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    test('four workers start at once on a database an older Redress left', async () => {
      const old: Db = await openPostgres(url, 2);
      await migrateBefore0019(old);
      for (let n = 1; n <= 20; n++) await insertClearMailbox(old, n, `clear-${n}`);
      await old.close();
      const config = loadConfig({
        DATABASE_URL: url,
        REDRESS_SECRET: SECRET_A,
        REDRESS_DEMO: '0',
        REDRESS_DATA_DIR: mkdtempSync(join(tmpdir(), 'redress-seal-pg-')),
      });
      opened.push(...(await Promise.all([1, 2, 3, 4].map(() => openServices(config)))));
      const db = opened[0]!.db;
      const rows = await rowsOf(db);
      assert.equal(rows.length, 20);
      for (const r of rows) {
        assert.equal(r.password, null, r.id);
        const m = (await findMailboxById(db, r.id))!;
        // Sealed once: a second seal over the first would not open to the clear password.
        assert.equal(openMailboxPassword(m), `clear-${r.id.slice('legacy-'.length)}`);
      }
      const applied = await db.query(
        `select count(*)::int as n from schema_migrations where name like '0019%'`,
      );
      assert.equal(applied.rows[0]!.n, 1);
      assert.equal(await sealMailboxPasswords(db), 0);
    });
  },
);

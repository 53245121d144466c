// Test databases: the embedded engine always (started from a migrated template, ~1 s instead of
// initdb's ~4 s), and PostgreSQL whenever TEST_DATABASE_URL is set (a fresh database per call).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../../src/db/client.ts';
import { listMigrations, migrate } from '../../src/db/migrate.ts';

export type Engine = 'pglite' | 'postgres';

/** The engines to run database tests on. */
export function engines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

async function pgliteTemplate(): Promise<Blob> {
  const key = createHash('sha256')
    .update(
      listMigrations()
        .map((m) => m.name + m.sql)
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 16);
  const path = join(tmpdir(), `redress-pglite-template-${key}.tar`);
  if (!existsSync(path)) {
    const db = await openPglite(null);
    await migrate(db);
    const blob = await db.dump!();
    await db.close();
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, path); // atomic: parallel test files never read half a template
  }
  return new Blob([readFileSync(path)]);
}

export interface TestDb {
  db: Db;
  /** For tests that need a second connection or raw SQL: the database URL (postgres only). */
  url?: string;
  close(): Promise<void>;
}

export async function openTestDb(engine: Engine): Promise<TestDb> {
  if (engine === 'pglite') {
    const db = await openPglite(null, { loadDataDir: await pgliteTemplate() });
    await migrate(db);
    return { db, close: () => db.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `redress_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 5);
  await migrate(db);
  return {
    db,
    url: url.toString(),
    async close() {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

// One small SQL interface over both engines: PostgreSQL through `pg` (DATABASE_URL) and the
// embedded PGlite (a folder on disk). Repositories and migrations speak plain SQL to it, so
// the same statements run on both.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** PGlite only: the data directory as a tarball (tests start new databases from it). */
  dump?: () => Promise<Blob>;
  /** Runs fn in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * PostgreSQL only: calls onNotify with each NOTIFY payload on the channel, on a connection of
   * its own that reconnects after a failure (what was sent meanwhile is missed: listeners poll
   * too). Resolves, once listening, to a function that stops it.
   */
  listen?: (channel: string, onNotify: (payload: string) => void) => Promise<() => Promise<void>>;
  close(): Promise<void>;
}

// int8 (counts, bigserial ids) as numbers, like PGlite; our ids stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export class DataDirLockedError extends Error {
  readonly code = 'DB.DATA_DIR_LOCKED';
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A live process that could be a Redress (a reused pid of another program does not count). */
function holderAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true; // no /proc here: trust the pid
  }
}

/** PGlite has no lock between processes: take an exclusive lock file on the folder ourselves. */
function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'redress.lock');
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid))
            rmSync(path, { force: true });
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let seen: string;
      try {
        seen = readFileSync(path, 'utf8');
        // Empty: a process is just writing its pid, unless the file has been empty a while.
        if (seen.trim() === '' && Date.now() - statSync(path).mtimeMs < 2000) {
          sleepSync(20);
          continue;
        }
      } catch {
        continue; // removed meanwhile: try again
      }
      const pid = Number(seen.trim());
      if (pid && pid !== process.pid && holderAlive(pid)) {
        throw new DataDirLockedError(
          `the data directory ${dir} is in use by another Redress process (pid ${pid}); ` +
            'stop it first, or set REDRESS_DATA_DIR to another folder',
        );
      }
      // Left by a process that died. Only one process may take it over: whoever creates the
      // takeover file checks again that the same dead pid holds the lock, then removes it.
      const takeover = `${path}.takeover`;
      try {
        const t = openSync(takeover, 'wx');
        closeSync(t);
      } catch {
        try {
          if (Date.now() - statSync(takeover).mtimeMs > 10_000) rmSync(takeover, { force: true });
        } catch {
          // gone already
        }
        sleepSync(50);
        continue;
      }
      try {
        if (readFileSync(path, 'utf8') === seen) rmSync(path, { force: true });
      } catch {
        // removed meanwhile
      } finally {
        rmSync(takeover, { force: true });
      }
    }
  }
  throw new DataDirLockedError(`could not lock the data directory ${dir}`);
}

export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {}); // an idle client's error must not crash the process
  await pool.query('select 1');
  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      const r = await pool.query(sql, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      const tx: Queryable = {
        async query<R>(sql: string, params?: unknown[]) {
          const r = await client.query(sql, params as unknown[]);
          return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
        },
        async exec(sql: string) {
          await client.query(sql);
        },
      };
      try {
        await client.query('begin');
        const result = await fn(tx);
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    listen: (channel, onNotify) => listenOn(url, channel, onNotify),
    async close() {
      await pool.end();
    },
  };
}

async function listenOn(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    client = c;
    let failed = false;
    const fail = () => {
      if (failed) return;
      failed = true;
      if (client === c) client = null;
      c.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect().catch(() => {}), 1000);
    };
    c.on('notification', (n) => {
      if (n.channel === channel) onNotify(n.payload ?? '');
    });
    c.on('error', fail);
    c.on('end', fail);
    try {
      await c.connect();
      await c.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      fail();
      throw err;
    }
  };
  const stop = async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
  try {
    await connect();
  } catch (err) {
    await stop(); // the first attempt failed: the caller is told, and nothing keeps retrying
    throw err;
  }
  return stop;
}

/** The embedded engine in `dir` (or in memory when dir is null, for tests, optionally
 *  starting from a saved data directory: a much faster start than initdb). */
export async function openPglite(
  dir: string | null,
  opts: { loadDataDir?: Blob } = {},
): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const unlock = dir ? lockDataDir(dir) : () => {};
  let db;
  try {
    db = dir
      ? await PGlite.create(join(dir, 'pgdata'))
      : await PGlite.create(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  } catch (err) {
    unlock();
    throw err;
  }
  type PgliteLike = {
    query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[]; affectedRows?: number }>;
    exec: (sql: string) => Promise<unknown>;
  };
  const wrap = (q: PgliteLike): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await q.query(sql, params);
      return {
        rows: r.rows as T[],
        rowCount: r.rows.length > 0 ? r.rows.length : (r.affectedRows ?? 0),
      };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(db);
  const exitHandler = () => unlock();
  process.once('exit', exitHandler);
  return {
    kind: 'pglite',
    dump: async () => (await db.dumpDataDir('none')) as Blob,
    query: base.query,
    exec: base.exec,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async close() {
      await db.close();
      process.off('exit', exitHandler);
      unlock();
    },
  };
}

/**
 * Runs fn inside a savepoint of the caller's transaction: if fn throws, what it wrote is undone
 * (the transaction goes on) and the error is passed on.
 */
export async function withSavepoint<T>(tx: Queryable, fn: () => Promise<T>): Promise<T> {
  await tx.query('savepoint redress_item');
  try {
    const result = await fn();
    await tx.query('release savepoint redress_item');
    return result;
  } catch (err) {
    await tx.query('rollback to savepoint redress_item');
    throw err;
  }
}

export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
}): Promise<Db> {
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl, opts.poolSize)
    : openPglite(opts.dataDir);
}

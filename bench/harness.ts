// What both HTTP benchmarks share: a database of their own on the local PostgreSQL, the real
// server in a child process (so the load generator and the server do not share an event loop),
// a staff user with a bearer token, and small statistics helpers.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Browser, BrowserContext } from 'playwright-core';
import { newId, newSecret, sha256 } from '../src/app/crypto.ts';
import type { Queryable } from '../src/db/client.ts';
import { insertApiToken } from '../src/db/repositories/api-tokens.ts';
import { insertUser } from '../src/db/repositories/users.ts';
import type { Role } from '../src/domain/complaint/states.ts';

/** The admin connection: bench databases are created and dropped through it. */
export const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database `redress_bench_<name>` (one left by a crashed run is replaced). */
export async function createBenchDatabase(name: string): Promise<BenchDatabase> {
  const db = `redress_bench_${name}`;
  await admin(`drop database if exists ${db} with (force)`);
  await admin(`create database ${db}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${db}`;
  return {
    name: db,
    url: url.toString(),
    drop: () => admin(`drop database if exists ${db} with (force)`),
  };
}

/**
 * With BENCH_REUSE=1, the database `redress_bench_<name>` kept by an earlier run (BENCH_KEEP=1),
 * when it exists and holds at least `complaints` complaints: loading a million takes minutes.
 * Otherwise a fresh one (`reused` false). A reused database is never dropped by `drop`.
 */
export async function reuseOrCreateBenchDatabase(
  name: string,
  complaints: number,
): Promise<BenchDatabase & { reused: boolean }> {
  const db = `redress_bench_${name}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${db}`;
  if (process.env.BENCH_REUSE === '1') {
    const client = new pg.Client({ connectionString: url.toString() });
    const n = await client
      .connect()
      .then(() => client.query<{ n: string }>('select count(*) as n from complaints'))
      .then((r) => Number(r.rows[0]!.n))
      .catch(() => 0)
      .finally(() => client.end().catch(() => {}));
    if (n >= complaints)
      return { name: db, url: url.toString(), reused: true, drop: async () => {} };
    console.log(`BENCH_REUSE: ${db} missing or short of ${complaints} complaints; loading it`);
  }
  return { ...(await createBenchDatabase(name)), reused: false };
}

export interface ServerChild {
  /** http://127.0.0.1:<port> */
  origin: string;
  pid: number;
  /** The server process's resident set size in MB (VmRSS). */
  rssMb(): number;
  /** Its peak resident set size in MB (VmHWM). */
  peakRssMb(): number;
  stop(): Promise<void>;
}

function procStatusMb(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));

/**
 * Starts the real server (buildServer on the given database, migrations and policy presets as
 * at start-up) in a child process listening on a free loopback port.
 * BENCH_CPU_PROF=<dir> writes a CPU profile of the server there when it stops.
 */
export async function startServerChild(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ServerChild> {
  const execArgv = ['--import', 'tsx'];
  if (process.env.BENCH_CPU_PROF)
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`);
  const child: ChildProcess = fork(CHILD, [], {
    execArgv,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDRESS_DEMO: '0',
      LOG_LEVEL: 'silent',
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the server exited (code ${code}) at start-up`)));
  });
  child.removeAllListeners('exit');
  const pid = child.pid!;
  return {
    origin: `http://127.0.0.1:${port}`,
    pid,
    rssMb: () => procStatusMb(pid, 'VmRSS'),
    peakRssMb: () => procStatusMb(pid, 'VmHWM'),
    async stop() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send('stop');
      const timer = setTimeout(kill, 10_000);
      await exited;
      clearTimeout(timer);
      process.off('exit', kill);
    },
  };
}

/** A user of the given role with a bearer token; returns the token. */
export async function staffToken(
  db: Queryable,
  role: Role,
  departmentId: string | null = null,
): Promise<{ id: string; token: string }> {
  const id = newId();
  await insertUser(db, {
    id,
    email: `${role}-${id.slice(0, 8)}@bench.example`,
    name: `Bench ${role}`,
    role,
    departmentId,
    passwordHash: null,
  });
  const token = newSecret();
  await insertApiToken(db, {
    id: newId(),
    userId: id,
    tokenHash: sha256(token),
    name: 'bench',
    expiresAt: new Date('2100-01-01T00:00:00Z'),
  });
  return { id, token };
}

/** The p-th percentile (0–100) of ascending values, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-GB');
export const fmtMs = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The number from an environment variable, or a default. */
export function envNumber(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
  return n;
}

/**
 * A Chromium context at 1280 × 900 signed in as a staff member (the session cookie and the CSRF
 * token the app keeps in sessionStorage), as the browser would be after the sign-in page.
 */
export async function signedInContext(
  browser: Browser,
  origin: string,
  email: string,
  password: string,
): Promise<BrowserContext> {
  const login = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const [pair] = (login.headers.get('set-cookie') ?? '').split(';');
  const at = pair!.indexOf('=');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: pair!.slice(0, at), value: pair!.slice(at + 1), url: origin }]);
  await context.addInitScript((t) => sessionStorage.setItem('redress.csrf', t), csrfToken);
  return context;
}

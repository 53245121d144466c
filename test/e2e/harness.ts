// End-to-end harness: a real `redress serve` process on a free port (an embedded database in a
// temporary folder, or a fresh PostgreSQL database when TEST_DATABASE_URL is set), no demo data,
// staff accounts made with the real CLI; and Debian's Chromium driven by playwright-core.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureWebBuilt } from '../helpers/web-build.ts';

export const PASSWORD = 'e2e-password-123';
export const STAFF = {
  handler: { email: 'handler@e2e.test', name: 'Hana Handler', role: 'handler' },
  manager: { email: 'manager@e2e.test', name: 'Max Manager', role: 'manager' },
  administrator: { email: 'admin@e2e.test', name: 'Ada Admin', role: 'administrator' },
  auditor: { email: 'auditor@e2e.test', name: 'Aud Auditor', role: 'auditor' },
} as const;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface E2EServer {
  url: string;
  /** The SMTP listener's port, when started with `smtpMailbox` (else null). */
  smtpPort: number | null;
  close(): Promise<void>;
}

/** The address of the SMTP mailbox `startServer({}, { smtpMailbox: true })` listens as. */
export const E2E_MAILBOX = 'complaints@redress.test';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) return null;
  const name = `redress_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}

export interface StaffAccount {
  email: string;
  name: string;
  role: string;
}

/** Starts `redress serve` with the staff accounts of STAFF, and any `users` (password PASSWORD). */
export async function startServer(
  extraEnv: Record<string, string> = {},
  opts: {
    users?: readonly StaffAccount[];
    /** An SMTP mailbox (uk-comms-ombudsman) with its listener: the background work runs. */
    smtpMailbox?: boolean;
  } = {},
): Promise<E2EServer> {
  ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'redress-e2e-'));
  const database = await freshPostgres();
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    REDRESS_DATA_DIR: dataDir,
    REDRESS_DEMO: '0',
    REDRESS_WORKER: '0',
    REDRESS_PUBLIC_RATE_LIMIT: '1000',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database?.url ?? '',
    ...extraEnv,
  };
  for (const u of [...Object.values(STAFF), ...(opts.users ?? [])]) {
    const r = spawnSync(
      process.execPath,
      ['bin/redress.js', 'user', 'create', '--email', u.email, '--name', u.name, '--role', u.role],
      { env: { ...env, REDRESS_PASSWORD: PASSWORD }, encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`user create failed: ${r.stderr}`);
  }
  let smtpPort: number | null = null;
  if (opts.smtpMailbox) {
    smtpPort = await freePort();
    env.REDRESS_WORKER = '1';
    const r = spawnSync(
      process.execPath,
      [
        'bin/redress.js',
        'mailbox',
        'add',
        '--kind',
        'smtp',
        '--listen-port',
        String(smtpPort),
        '--policy',
        'uk-comms-ombudsman',
        '--address',
        E2E_MAILBOX,
      ],
      { env, encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`mailbox add failed: ${r.stderr}`);
  }
  const child: ChildProcess = spawn(process.execPath, ['bin/redress.js', 'serve'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (b) => (stderr += String(b)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redress serve exited: ${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`redress serve did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  if (smtpPort !== null) await waitForPort(smtpPort, deadline, () => stderr);
  return {
    url,
    smtpPort,
    async close() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until something listens on the port (the SMTP listener starts after the server). */
async function waitForPort(port: number, deadline: number, log: () => string): Promise<void> {
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`the SMTP listener did not start: ${log()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export const WIDTHS = [1280, 360] as const;

export async function openPage(
  browser: Browser,
  opts: { width?: number; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const width = opts.width ?? 1280;
  const context = await browser.newContext({
    viewport: { width, height: width > 600 ? 900 : 780 },
    locale: opts.locale ?? 'en-GB',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(m.text());
  });
  (page as Page & { problems: string[] }).problems = problems;
  return { context, page };
}

/** JavaScript errors the page raised (a failing test prints them). */
export const pageProblems = (page: Page) => (page as Page & { problems?: string[] }).problems ?? [];

/** axe with WCAG 2.0–2.2 A and AA rules: returns a readable list of violations (empty is good). */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** A complaint made through the public API, as the web form would. */
export async function complainByApi(
  url: string,
  overrides: Record<string, unknown> = {},
): Promise<{ reference: string; token: string; trackingUrl: string }> {
  const r = await fetch(`${url}/api/v1/public/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      policy: 'uk-comms-ombudsman',
      customer: { name: 'Ann Customer', email: 'ann@example.com', language: 'en' },
      subject: 'Broadband down since Monday',
      description: 'My broadband has not worked since Monday morning.',
      ...overrides,
    }),
  });
  if (r.status !== 201) throw new Error(`complaint not created: ${r.status} ${await r.text()}`);
  const b = (await r.json()) as { reference: string; trackingToken: string; trackingUrl: string };
  return { reference: b.reference, token: b.trackingToken, trackingUrl: b.trackingUrl };
}

const sessions = new Map<string, { cookie: string; csrf: string }>();

/** A session of one of STAFF for API calls (one sign-in per server and person). */
async function staffSession(url: string, who: keyof typeof STAFF) {
  const key = `${url} ${who}`;
  let session = sessions.get(key);
  if (!session) {
    const r = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: STAFF[who].email, password: PASSWORD }),
    });
    if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${await r.text()}`);
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
    session = { cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
    sessions.set(key, session);
  }
  return session;
}

/** Any API call signed in as one of STAFF; throws unless it answers 2xx. */
export async function apiAs<T = unknown>(
  url: string,
  who: keyof typeof STAFF,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const session = await staffSession(url, who);
  const r = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** A staff action on a complaint through the API, signed in as one of STAFF (a session). */
export async function staffAct(
  url: string,
  who: keyof typeof STAFF,
  reference: string,
  action: string,
  payload: Record<string, unknown> = {},
): Promise<{ status: string }> {
  const session = await staffSession(url, who);
  const r = await fetch(`${url}/api/v1/complaints/${reference}/actions/${action}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
    },
    body: JSON.stringify(payload),
  });
  if (r.status !== 200) throw new Error(`${action} failed: ${r.status} ${await r.text()}`);
  return (await r.json()) as { status: string };
}

/** Takes a complaint from received to closed (upheld), as staff would. */
export async function closeByApi(url: string, reference: string): Promise<void> {
  await staffAct(url, 'handler', reference, 'acknowledge');
  await staffAct(url, 'handler', reference, 'start-investigation');
  await staffAct(url, 'handler', reference, 'propose-response', {
    response: 'We found a fault at the exchange and repaired it.',
    outcome: 'upheld',
    rootCause: 'network',
  });
  await staffAct(url, 'manager', reference, 'approve-response');
  await staffAct(url, 'handler', reference, 'respond');
  await staffAct(url, 'handler', reference, 'close');
}

// A real IMAP server for tests: Debian's dovecot-imapd, started on a free port of 127.0.0.1 with
// its whole configuration, maildirs, sockets and logs in a temporary folder, one test user with
// a plain password, no TLS. Runs as root (CI) or as an ordinary user.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot', '/usr/bin/dovecot'];

/** The dovecot binary, or null when it is not installed. */
export function dovecotBinary(): string | null {
  for (const path of CANDIDATES) if (existsSync(path)) return path;
  const which = spawnSync('sh', ['-c', 'command -v dovecot'], { encoding: 'utf8' });
  const found = which.stdout?.trim();
  return which.status === 0 && found ? found : null;
}

export const DOVECOT_MISSING =
  'dovecot is not installed (apt-get install -y dovecot-imapd): the IMAP end-to-end test is skipped';

export interface Dovecot {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The user's INBOX as a maildir (deliver by writing into its new/ folder). */
  maildir: string;
  /** The configuration file (for doveadm -c). */
  conf: string;
  /** Stops the server, ending every session (start it again on the same port with restart()). */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Stops it and removes every file. */
  destroy(): Promise<void>;
  log(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = addr && typeof addr === 'object' ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const ok = await new Promise<boolean>((resolve) => {
      const s = createConnection({ host: '127.0.0.1', port }, () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  const log = existsSync(logPath) ? readFileSync(logPath, 'utf8') : '';
  throw new Error(`dovecot did not start on port ${port} (exit ${child.exitCode}):\n${log}`);
}

export async function startDovecot(
  opts: { user?: string; password?: string } = {},
): Promise<Dovecot> {
  const binary = dovecotBinary();
  if (!binary) throw new Error(DOVECOT_MISSING);
  const user = opts.user ?? 'redress';
  const password = opts.password ?? 'test-password';
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'redress-dovecot-'));
  chmodSync(dir, 0o755); // the mail user (not root) must reach its maildir
  const root = process.getuid?.() === 0;
  // Dovecot refuses mail access as root: as root the mail belongs to nobody.
  const mailUid = root ? 65534 : process.getuid!();
  const mailGid = root ? 65534 : process.getgid!();
  const me = userInfo().username;
  const home = join(dir, 'home', user);
  const maildir = join(home, 'Maildir');
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(maildir, sub), { recursive: true });
  if (root) {
    for (const p of [
      join(dir, 'home'),
      home,
      maildir,
      ...['cur', 'new', 'tmp'].map((s) => join(maildir, s)),
    ]) {
      chownSync(p, mailUid, mailGid);
    }
  }
  const logPath = join(dir, 'dovecot.log');
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`, { mode: 0o644 });
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(
    conf,
    [
      `base_dir = ${join(dir, 'run')}`,
      `state_dir = ${join(dir, 'state')}`,
      `instance_name = redress-test-${port}`,
      `log_path = ${logPath}`,
      `info_log_path = ${logPath}`,
      'protocols = imap',
      'listen = 127.0.0.1',
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      `mail_location = maildir:${maildir}`,
      'first_valid_uid = 1',
      'first_valid_gid = 1',
      'mail_max_userip_connections = 100',
      ...(root
        ? []
        : [
            `default_login_user = ${me}`,
            `default_internal_user = ${me}`,
            'service anvil {\n  chroot =\n}',
            'service imap-login {\n  chroot =\n  user = $default_login_user\n}',
          ]),
      'passdb {',
      '  driver = passwd-file',
      `  args = scheme=PLAIN username_format=%u ${join(dir, 'passwd')}`,
      '}',
      'userdb {',
      '  driver = static',
      `  args = uid=${mailUid} gid=${mailGid} home=${home}`,
      '}',
      'service imap-login {',
      '  inet_listener imap {',
      '    address = 127.0.0.1',
      `    port = ${port}`,
      '  }',
      '  inet_listener imaps {',
      '    port = 0',
      '  }',
      '}',
      '',
    ].join('\n'),
  );

  let child: ChildProcess | null = null;
  const start = async () => {
    const c = spawn(binary, ['-c', conf, '-F'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    c.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child = c;
    try {
      await waitForPort(port, c, logPath);
    } catch (err) {
      c.kill('SIGKILL');
      throw new Error(`${(err as Error).message}\n${stderr}`);
    }
  };
  const kick = () => {
    const doveadm = ['/usr/bin/doveadm', '/usr/local/bin/doveadm'].find((p) => existsSync(p));
    if (doveadm) spawnSync(doveadm, ['-c', conf, 'kick', user], { stdio: 'ignore' });
  };
  const stop = async () => {
    // The server's imap processes outlive its master: end the sessions first, as a restart does.
    kick();
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => c.kill('SIGKILL'), 5000);
      c.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      c.kill('SIGTERM');
    });
  };
  await start();
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    maildir,
    conf,
    stop,
    restart: start,
    async destroy() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : ''),
  };
}

/** Delivers a mail the way a local delivery agent does: a file in the maildir's new/ folder. */
export function deliverToMaildir(d: Dovecot, raw: Buffer, name: string): void {
  const tmp = join(d.maildir, 'tmp', name);
  writeFileSync(tmp, raw, { mode: 0o644 });
  if (process.getuid?.() === 0) chownSync(tmp, 65534, 65534);
  renameSync(tmp, join(d.maildir, 'new', name));
}

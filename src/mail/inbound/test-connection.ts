// Tries a mailbox's connection for real, as the reader would make it, and says what happened in
// one word a person's screen can translate, with the server's own words beside it:
//   IMAP: connect (TLS, or STARTTLS when offered), log in, open the folder read-only, count;
//   SMTP: connect to the listener and read its 220 greeting (the worker runs the listener).
// Nothing is read or marked: a test leaves the mailbox as it was.
import { createConnection } from 'node:net';
import { ImapFlow } from 'imapflow';

export type ConnectionOutcome =
  | 'ok'
  | 'auth_failed'
  | 'unknown_host'
  | 'refused'
  | 'timeout'
  | 'tls'
  | 'no_folder'
  | 'not_listening'
  | 'failed';

export interface ConnectionTest {
  ok: boolean;
  outcome: ConnectionOutcome;
  /** What the server or the network said, as it said it (for the administrator). */
  detail: string | null;
  /** IMAP, when connected: the folder's messages and how many are unread. */
  messages: number | null;
  unseen: number | null;
}

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  username: string;
  password: string;
  folder: string;
}

const TIMEOUT_MS = 10_000;

type Failure = Error & {
  code?: string;
  authenticationFailed?: boolean;
  serverResponseCode?: string;
  responseText?: string;
};

function outcomeOf(err: Failure): ConnectionOutcome {
  const code = err.code ?? '';
  const text = `${err.message} ${err.responseText ?? ''}`;
  if (err.authenticationFailed || code === 'AUTHENTICATIONFAILED') return 'auth_failed';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'unknown_host';
  if (code === 'ECONNREFUSED') return 'refused';
  if (/TIMEOUT/i.test(code) || code === 'ETIMEDOUT') return 'timeout';
  if (
    code.startsWith('ERR_SSL') ||
    code.startsWith('ERR_TLS') ||
    /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code) ||
    code === 'ClosedAfterConnectTLS' ||
    /wrong version number|certificate|TLS|SSL/i.test(text)
  )
    return 'tls';
  if (err.serverResponseCode === 'NONEXISTENT' || /mailbox doesn't exist|nonexistent/i.test(text))
    return 'no_folder';
  return 'failed';
}

const failed = (outcome: ConnectionOutcome, detail: string | null): ConnectionTest => ({
  ok: false,
  outcome,
  detail,
  messages: null,
  unseen: null,
});

export async function testImapConnection(s: ImapSettings): Promise<ConnectionTest> {
  const client = new ImapFlow({
    host: s.host,
    port: s.port,
    secure: s.secure,
    auth: { user: s.username, pass: s.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS * 3,
    tls: { rejectUnauthorized: true },
  });
  client.on('error', () => {});
  let step: 'connect' | 'folder' = 'connect';
  try {
    await client.connect();
    step = 'folder';
    const status = await client.status(s.folder, { messages: true, unseen: true });
    if (!status) return failed('no_folder', null);
    return {
      ok: true,
      outcome: 'ok',
      detail: null,
      messages: status.messages ?? null,
      unseen: status.unseen ?? null,
    };
  } catch (err) {
    const e = err as Failure;
    const outcome = outcomeOf(e);
    const detail = (e.responseText || e.message || String(err)).trim() || null;
    return failed(step === 'folder' && outcome === 'failed' ? 'no_folder' : outcome, detail);
  } finally {
    await Promise.race([
      client.logout().catch(() => {}),
      new Promise((resolve) => setTimeout(resolve, 3000).unref()),
    ]);
    client.close();
  }
}

/** The listener answers with its 220 greeting (it runs inside `redress serve` or `worker`). */
export async function testSmtpListener(host: string, port: number): Promise<ConnectionTest> {
  return new Promise((resolve) => {
    let greeting = '';
    const done = (r: ConnectionTest) => {
      socket.destroy();
      resolve(r);
    };
    const socket = createConnection({ host, port });
    socket.setTimeout(TIMEOUT_MS, () => done(failed('timeout', null)));
    socket.on('data', (chunk) => {
      greeting += chunk.toString('latin1');
      if (!greeting.includes('\n')) return;
      const line = greeting.split(/\r?\n/)[0]!.trim();
      if (line.startsWith('220')) {
        socket.write('QUIT\r\n');
        done({ ok: true, outcome: 'ok', detail: line, messages: null, unseen: null });
      } else done(failed('failed', line));
    });
    socket.on('error', (err: Failure) =>
      done(failed(err.code === 'ECONNREFUSED' ? 'not_listening' : outcomeOf(err), err.message)),
    );
  });
}

// redress mailbox add|list|enable|disable|password|flagged|retake — the mailboxes complaints come
// from. The IMAP password is read from the environment variable named by --password-env (never
// from the command line, where other users could see it) and stored sealed in the database.
import { parseArgs } from 'node:util';
import { AppError } from '../../app/errors.ts';
import { addMailbox } from '../../app/mailboxes/add-mailbox.ts';
import { listFlaggedMail } from '../../app/mailboxes/list-flagged-mail.ts';
import { listMailboxes } from '../../app/mailboxes/list-mailboxes.ts';
import { retakeFlaggedMail } from '../../app/mailboxes/retake-flagged-mail.ts';
import { setMailboxActive } from '../../app/mailboxes/set-mailbox-active.ts';
import { setMailboxPassword } from '../../app/mailboxes/set-mailbox-password.ts';
import type { Services } from '../../composition.ts';
import { CliError } from '../cli-error.ts';
import { CLI_ACTOR, withServices } from '../runtime.ts';

const USAGE = [
  'usage: redress mailbox add --kind imap --host <host> [--port <n>] --user <name> --password-env <VAR>',
  '         [--folder INBOX] [--insecure] [--poll-seconds <n>] --policy <id> --address <email> [--name <name>]',
  '       redress mailbox add --kind smtp --listen-port <n> [--listen-host 127.0.0.1] --policy <id> --address <email> [--name <name>]',
  "       (either kind) [--trust-authserv-id <receiving host>]…  believe that host's Authentication-Results",
  '       redress mailbox list',
  '       redress mailbox enable|disable <name>',
  '       redress mailbox password <name> --password-env <VAR>   (an IMAP mailbox: its new password)',
  '       redress mailbox flagged [--limit <n>]',
  '       redress mailbox retake <mail id>',
].join('\n');

function usageError(err: unknown): CliError {
  return new CliError(`${(err as Error).message}\n${USAGE}`, 2);
}

/** The password in the environment variable --password-env names. */
function passwordFrom(variable: string): string {
  const password = process.env[variable];
  if (password === undefined || password === '') {
    throw new CliError(`the environment variable ${variable} (--password-env) is not set`);
  }
  return password;
}

function portOf(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    throw new CliError(`${what} must be a port number (1–65535), not "${value}"`, 2);
  }
  return n;
}

/** How a sub-command reaches the services and prints (tests pass their own). */
interface Io {
  using<T>(fn: (services: Services) => Promise<T>): Promise<T>;
  print(line: string): void;
}

/** An expected refusal (a use case's AppError) as the CLI's one-line error. */
async function oneLine<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof AppError) throw new CliError(err.message);
    throw err;
  }
}

export async function run(
  args: string[],
  opts: { services?: Services; print?: (line: string) => void } = {},
): Promise<void> {
  const given = opts.services;
  const io: Io = {
    using: (fn) => (given ? fn(given) : withServices(fn)),
    print: opts.print ?? ((line) => console.log(line)),
  };
  const [sub, ...rest] = args;
  switch (sub) {
    case 'add':
      return add(io, rest);
    case 'list':
      return list(io);
    case 'enable':
    case 'disable':
      return toggle(io, rest, sub === 'enable');
    case 'password':
      return password(io, rest);
    case 'flagged':
      return flagged(io, rest);
    case 'retake':
      return retake(io, rest);
    default:
      throw new CliError(USAGE, 2);
  }
}

async function add(io: Io, args: string[]): Promise<void> {
  let v;
  try {
    ({ values: v } = parseArgs({
      args,
      strict: true,
      options: {
        kind: { type: 'string' },
        name: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        user: { type: 'string' },
        'password-env': { type: 'string' },
        folder: { type: 'string' },
        insecure: { type: 'boolean' },
        'poll-seconds': { type: 'string' },
        'listen-port': { type: 'string' },
        'listen-host': { type: 'string' },
        policy: { type: 'string' },
        address: { type: 'string' },
        'trust-authserv-id': { type: 'string', multiple: true },
      },
    }));
  } catch (err) {
    throw usageError(err);
  }
  const kind = v.kind;
  if (kind !== 'imap' && kind !== 'smtp')
    throw new CliError(`--kind imap|smtp is required\n${USAGE}`, 2);
  const policy = v.policy;
  const address = v.address?.trim().toLowerCase();
  if (!policy) throw new CliError(`--policy is required\n${USAGE}`, 2);
  if (!address || !/^[^\s@<>]+@[^\s@<>]+$/.test(address)) {
    throw new CliError(`--address must be the email address customers write to\n${USAGE}`, 2);
  }
  const pollSeconds = v['poll-seconds'] === undefined ? 60 : Number(v['poll-seconds']);
  if (!Number.isInteger(pollSeconds) || pollSeconds < 1) {
    throw new CliError('--poll-seconds must be a whole number of seconds', 2);
  }
  let imap = {
    host: null as string | null,
    port: null as number | null,
    username: null as string | null,
    password: null as string | null,
  };
  const secure = !v.insecure;
  if (kind === 'imap') {
    const host = v.host;
    const user = v.user;
    const passwordEnv = v['password-env'];
    if (!host || !user || !passwordEnv) {
      throw new CliError(`an IMAP mailbox needs --host, --user and --password-env\n${USAGE}`, 2);
    }
    const password = passwordFrom(passwordEnv);
    imap = {
      host,
      port: portOf(v.port, '--port') ?? (secure ? 993 : 143),
      username: user,
      password,
    };
  }
  const listenPort = portOf(v['listen-port'], '--listen-port') ?? null;
  if (kind === 'smtp' && listenPort === null) {
    throw new CliError(`an SMTP mailbox needs --listen-port\n${USAGE}`, 2);
  }
  await io.using(async (services) => {
    const mailbox = await oneLine(
      addMailbox(services, CLI_ACTOR, {
        name: v.name ?? address,
        kind,
        ...imap,
        secure,
        folder: v.folder ?? 'INBOX',
        listenHost: v['listen-host'] ?? '127.0.0.1',
        listenPort,
        pollSeconds,
        policyId: policy,
        address,
        trustedAuthservIds: (v['trust-authserv-id'] ?? []).flatMap((id) => id.split(',')),
      }),
    );
    io.print(
      `added ${kind} mailbox "${mailbox.name}" for ${address}: ${
        kind === 'imap'
          ? `${mailbox.username}@${mailbox.host}:${mailbox.port}/${mailbox.folder}${secure ? '' : ' (no TLS)'}`
          : `listening on ${mailbox.listenHost}:${mailbox.listenPort}`
      }; new complaints under ${policy}. Restart \`redress serve\` (or \`redress worker\`) to read it.`,
    );
  });
}

async function list(io: Io): Promise<void> {
  await io.using(async (services) => {
    const boxes = await listMailboxes(services, CLI_ACTOR);
    if (boxes.length === 0) {
      io.print('no mailboxes; add one with `redress mailbox add`');
      return;
    }
    for (const m of boxes) {
      const where =
        m.kind === 'imap'
          ? `${m.username}@${m.host}:${m.port}/${m.folder}${m.secure ? '' : ' (no TLS)'}`
          : `smtp ${m.listenHost}:${m.listenPort}`;
      const tally = Object.entries(m.taken)
        .map(([status, n]) => `${n} ${status.replace('_', ' ')}`)
        .join(', ');
      io.print(
        `${m.name}\t${m.active ? 'active' : 'disabled'}\t${m.kind}\t${where}\t${m.address}\t${m.policyId}\t${tally || 'no mail yet'}`,
      );
    }
  });
}

async function toggle(io: Io, args: string[], active: boolean): Promise<void> {
  let positionals;
  try {
    ({ positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: {} }));
  } catch (err) {
    throw usageError(err);
  }
  const name = positionals[0];
  if (!name) throw new CliError(USAGE, 2);
  await io.using(async (services) => {
    await oneLine(setMailboxActive(services, CLI_ACTOR, { name, active }));
    io.print(`${active ? 'enabled' : 'disabled'} mailbox "${name}"; restart to apply`);
  });
}

async function password(io: Io, args: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: { 'password-env': { type: 'string' } },
    });
  } catch (err) {
    throw usageError(err);
  }
  const name = parsed.positionals[0];
  const variable = parsed.values['password-env'];
  if (!name || !variable) throw new CliError(USAGE, 2);
  const secret = passwordFrom(variable);
  await io.using(async (services) => {
    await oneLine(setMailboxPassword(services, CLI_ACTOR, { name, password: secret }));
    io.print(`stored the new password of mailbox "${name}" (sealed); restart to apply`);
  });
}

async function flagged(io: Io, args: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ args, strict: true, options: { limit: { type: 'string' } } }));
  } catch (err) {
    throw usageError(err);
  }
  const limit = Number(values.limit ?? 50);
  if (!Number.isInteger(limit) || limit < 1)
    throw new CliError('--limit must be a whole number', 2);
  await io.using(async (services) => {
    const mails = await listFlaggedMail(services, CLI_ACTOR, { limit });
    if (mails.length === 0) io.print('no flagged mail');
    for (const m of mails) {
      io.print(
        `${m.id}\t${m.receivedAt}\t${m.mailbox}\t${m.from ?? '?'}\t${m.subject ?? ''}\t${m.error ?? ''}\t${m.rawSha256}`,
      );
    }
  });
}

async function retake(io: Io, args: string[]): Promise<void> {
  let positionals;
  try {
    ({ positionals } = parseArgs({ args, strict: true, allowPositionals: true, options: {} }));
  } catch (err) {
    throw usageError(err);
  }
  const id = Number(positionals[0]);
  if (!Number.isInteger(id) || id < 1) throw new CliError(USAGE, 2);
  await io.using(async (services) => {
    let outcome;
    try {
      outcome = await retakeFlaggedMail(services, CLI_ACTOR, { id });
    } catch (err) {
      throw new CliError((err as Error).message);
    }
    io.print(
      outcome.kind === 'pending'
        ? `inbound mail ${id} not taken yet: ${outcome.reason}`
        : `inbound mail ${id}: ${outcome.status}${outcome.reference ? ` ${outcome.reference}` : ''}${outcome.error ? ` (${outcome.error})` : ''}`,
    );
  });
}

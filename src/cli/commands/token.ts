// redress token create --email <e> [--name <label>] [--days <n>] — prints a bearer token, nothing else.
// redress token list --email <e> — the user's tokens (id, name, expiry, revoked), one a line.
// redress token revoke --id <token id> — the token stops working at once.
import { parseArgs } from 'node:util';
import { AppError } from '../../app/errors.ts';
import { createApiToken } from '../../app/users/create-api-token.ts';
import { listApiTokens } from '../../app/users/list-api-tokens.ts';
import { revokeApiToken } from '../../app/users/revoke-api-token.ts';
import { findUserByEmail } from '../../db/repositories/users.ts';
import { CliError } from '../cli-error.ts';
import { CLI_ACTOR, withServices } from '../runtime.ts';

const USAGE =
  'usage: redress token create --email <email> [--name <label>] [--days <n>] | list --email <email> | revoke --id <token id>';

function options(rest: string[]) {
  try {
    return parseArgs({
      args: rest,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        days: { type: 'string' },
        id: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (err) {
    throw new CliError(`${(err as Error).message}; ${USAGE}`, 2);
  }
}

async function asCli<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError) throw new CliError(err.message);
    throw err;
  }
}

export async function run(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const values = options(rest);
  if (sub === 'create') {
    const email = values.email;
    if (!email) throw new CliError(`--email is required; ${USAGE}`, 2);
    const days = values.days === undefined ? undefined : Number(values.days);
    if (days !== undefined && !Number.isInteger(days)) {
      throw new CliError(`--days must be a whole number; ${USAGE}`, 2);
    }
    const created = await withServices((services) =>
      asCli(() => createApiToken(services, CLI_ACTOR, { email, name: values.name, days })),
    );
    console.log(created.token);
    return;
  }
  if (sub === 'list') {
    const email = values.email;
    if (!email) throw new CliError(`--email is required; ${USAGE}`, 2);
    await withServices(async (services) => {
      const user = await findUserByEmail(services.db, email);
      if (!user) throw new CliError(`no user with email ${email}`);
      const tokens = await listApiTokens(services, CLI_ACTOR, { userId: user.id });
      for (const t of tokens) {
        const state = t.revoked_at
          ? `revoked ${t.revoked_at.toISOString()}`
          : `expires ${t.expires_at.toISOString()}`;
        console.log(`${t.id}\t${t.name}\t${state}`);
      }
    });
    return;
  }
  if (sub === 'revoke') {
    const id = values.id;
    if (!id) throw new CliError(`--id is required; ${USAGE}`, 2);
    await withServices((services) => asCli(() => revokeApiToken(services, CLI_ACTOR, { id })));
    console.log(`token ${id} revoked`);
    return;
  }
  throw new CliError(USAGE, 2);
}

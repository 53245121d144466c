// redress token create --email <e> [--name <label>] — prints a bearer token, nothing else.
import { parseArgs } from 'node:util';
import { newId, newSecret, sha256 } from '../../app/crypto.ts';
import { appendSystemEvent } from '../../app/audit.ts';
import { findUserByEmail, insertApiToken } from '../../db/repositories/users.ts';
import { CliError } from '../cli-error.ts';
import { withRuntime } from '../runtime.ts';

const USAGE = 'usage: redress token create --email <email> [--name <label>]';

export async function run(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new CliError(USAGE, 2);
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, name: { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    throw new CliError(`${(err as Error).message}; ${USAGE}`, 2);
  }
  if (!values.email) throw new CliError(`--email is required; ${USAGE}`, 2);
  const token = `rdt_${newSecret()}`;
  await withRuntime(async (rt) => {
    const user = await findUserByEmail(rt.db, values.email!);
    if (!user || !user.active) throw new CliError(`no active user with email ${values.email}`);
    await rt.db.transaction(async (tx) => {
      const id = newId();
      await insertApiToken(tx, {
        id,
        userId: user.id,
        tokenHash: sha256(token),
        name: values.name ?? 'cli',
      });
      await appendSystemEvent(tx, {
        type: 'token_created',
        actor: { id: 'cli', role: 'administrator' },
        at: new Date(),
        data: { tokenId: id, userId: user.id },
      });
    });
  });
  console.log(token);
}

// redress token create --email <e> [--name <label>] — prints a bearer token, nothing else.
import { parseArgs } from 'node:util';
import { AppError } from '../../app/errors.ts';
import { createApiToken } from '../../app/users/create-api-token.ts';
import { CliError } from '../cli-error.ts';
import { CLI_ACTOR, withServices } from '../runtime.ts';

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
  const email = values.email;
  const token = await withServices(async (services) => {
    try {
      return await createApiToken(services, CLI_ACTOR, { email, name: values.name });
    } catch (err) {
      if (err instanceof AppError) throw new CliError(err.message);
      throw err;
    }
  });
  console.log(token);
}

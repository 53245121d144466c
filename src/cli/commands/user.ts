// redress user create --email <e> --name <n> --role <role> [--department <d>]
// The password comes from REDRESS_PASSWORD, or a prompt when stdin is a terminal.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createUser, createUserInput } from '../../app/users/create-user.ts';
import { AppError } from '../../app/errors.ts';
import { formatIssue } from '../../domain/policy/errors.ts';
import { CliError } from '../cli-error.ts';
import { CLI_ACTOR, withServices } from '../runtime.ts';

const USAGE =
  'usage: redress user create --email <email> --name <name> --role <handler|department_member|manager|administrator|auditor> [--department <id>]';

async function readPassword(): Promise<string | undefined> {
  if (process.env.REDRESS_PASSWORD) return process.env.REDRESS_PASSWORD;
  if (!process.stdin.isTTY) return undefined;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question('Password (at least 12 characters): ')) || undefined;
  } finally {
    rl.close();
  }
}

export async function run(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new CliError(USAGE, 2);
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        department: { type: 'string' },
      },
      strict: true,
    }));
  } catch (err) {
    throw new CliError(`${(err as Error).message}; ${USAGE}`, 2);
  }
  const password = await readPassword();
  const parsed = createUserInput.safeParse(
    {
      email: values.email,
      name: values.name,
      role: values.role,
      departmentId: values.department,
      password,
    },
    { reportInput: true },
  );
  if (!parsed.success) {
    throw new CliError(
      parsed.error.issues.map(formatIssue).join('; ').replace('departmentId', 'department'),
      2,
    );
  }
  await withServices(async (services) => {
    try {
      const user = await createUser(services, CLI_ACTOR, parsed.data);
      console.log(
        `created ${user.role} ${user.email} (${user.id})${password ? '' : ' without a password: they can use tokens only'}`,
      );
    } catch (err) {
      if (err instanceof AppError) throw new CliError(err.message);
      throw err;
    }
  });
}

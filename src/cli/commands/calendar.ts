// redress calendar add|remove --policy <id> --date <YYYY-MM-DD> --reason <text> [--name <text>]
// Corrects a policy's calendar without a new version (add: the day is not worked; remove: it is
// worked) and prints the clocks of open complaints it re-timed, as JSON.
import { parseArgs } from 'node:util';
import { correctCalendar } from '../../app/calendars/correct-calendar.ts';
import { AppError } from '../../app/errors.ts';
import { CliError } from '../cli-error.ts';
import { CLI_ACTOR, withServices } from '../runtime.ts';

const USAGE =
  'usage: redress calendar add|remove --policy <id> --date <YYYY-MM-DD> --reason <text> [--name <text>]';

export async function run(args: string[]): Promise<void> {
  const [change, ...rest] = args;
  if (change !== 'add' && change !== 'remove') throw new CliError(USAGE, 2);
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        policy: { type: 'string' },
        date: { type: 'string' },
        reason: { type: 'string' },
        name: { type: 'string' },
      },
      strict: true,
    }));
  } catch (err) {
    throw new CliError(`${(err as Error).message}; ${USAGE}`, 2);
  }
  for (const k of ['policy', 'date', 'reason'] as const) {
    if (!values[k]) throw new CliError(`--${k} is required; ${USAGE}`, 2);
  }
  await withServices(async (services) => {
    try {
      const done = await correctCalendar(services, CLI_ACTOR, {
        policyId: values.policy!,
        date: values.date!,
        change,
        name: values.name,
        reason: values.reason!,
      });
      console.log(JSON.stringify(done));
    } catch (err) {
      if (err instanceof AppError) throw new CliError(err.message);
      throw err;
    }
  });
}

// redress deadline --policy <preset|file> --clock <name> --received <ISO> [--pause <ISO>/<ISO>]…
// Prints {"clock": "...", "due": "<ISO-8601 UTC>"}.
import { parseArgs } from 'node:util';
import { PolicyError } from '../../app/policies.ts';
import { policyInForce } from '../../domain/policy/parse.ts';
import { cliPolicyVersions } from '../policy-source.ts';
import { InvalidInstantError, parseInstant } from '../../domain/calendar/iso.ts';
import {
  clockDue,
  clockNamed,
  isPausable,
  UnknownClockError,
} from '../../domain/clocks/policy-clocks.ts';
import { CalendarRangeError } from '../../domain/calendar/business-calendar.ts';
import { CliError } from '../cli-error.ts';

const USAGE =
  'usage: redress deadline --policy <preset id | file> --clock <name> --received <ISO-8601> [--pause <ISO>/<ISO>]…';

export async function run(args: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        policy: { type: 'string' },
        clock: { type: 'string' },
        received: { type: 'string' },
        pause: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new CliError(`${(err as Error).message}; ${USAGE}`, 2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  for (const name of ['policy', 'clock', 'received'] as const) {
    if (!values[name]) throw new CliError(`--${name} is required; ${USAGE}`, 2);
  }
  try {
    // The version in force at receipt decides; a time without offset is read in UTC first
    // only to find that version, then in the policy's own zone.
    const roughReceived = parseInstant(values.received!, 'UTC');
    const policy = policyInForce(await cliPolicyVersions(values.policy!), roughReceived);
    const received = parseInstant(values.received!, policy.timezone);
    const clock = clockNamed(policy, values.clock!);
    const pauses = (values.pause ?? []).map((text) => {
      const [from, to, extra] = text.split('/');
      if (!from || !to || extra !== undefined) {
        throw new CliError(`--pause "${text}" must be two ISO-8601 instants joined by "/"`);
      }
      const p = {
        from: parseInstant(from, policy.timezone).getTime(),
        to: parseInstant(to, policy.timezone).getTime(),
      };
      if (p.to < p.from) throw new CliError(`--pause "${text}" ends before it starts`);
      return p;
    });
    if (pauses.length > 0 && !isPausable(clock)) {
      throw new CliError(
        `clock "${values.clock}" of policy ${policy.id} never pauses (pausable: false)`,
      );
    }
    const due = clockDue(policy, values.clock!, received, pauses);
    console.log(JSON.stringify({ clock: values.clock, due: due?.toISOString() ?? null }));
  } catch (err) {
    if (err instanceof PolicyError) {
      throw new CliError(
        err.problems.length > 1 ? err.problems.join('; ') : err.message.replace(/\n/g, '; '),
      );
    }
    if (
      err instanceof InvalidInstantError ||
      err instanceof UnknownClockError ||
      err instanceof CalendarRangeError
    ) {
      throw new CliError(err.message);
    }
    throw err;
  }
}

// redress hold place (--complaint <reference> | --customer <id>) --reason <text>
// redress hold release <id> --reason <text>
// redress hold list [--all]
// Legal holds: records under a hold are neither anonymised nor erased until it is released.
import { AppError } from '../../app/errors.ts';
import { listLegalHolds } from '../../app/privacy/list-legal-holds.ts';
import { placeLegalHold, placeLegalHoldInput } from '../../app/privacy/place-legal-hold.ts';
import { releaseLegalHoldById } from '../../app/privacy/release-legal-hold.ts';
import { CliError } from '../cli-error.ts';
import { CLI_ACTOR, withServices } from '../runtime.ts';

const USAGE =
  'usage: redress hold place (--complaint <reference> | --customer <id>) --reason <text> | hold release <id> --reason <text> | hold list [--all]';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new CliError(`${name} needs a value`, 2);
  return v;
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
  if (sub === 'place') {
    const parsed = placeLegalHoldInput.safeParse({
      reference: option(rest, '--complaint'),
      customerId: option(rest, '--customer'),
      reason: option(rest, '--reason') ?? '',
    });
    if (!parsed.success) throw new CliError(parsed.error.issues[0]!.message, 2);
    await withServices(async (services) => {
      const h = await asCli(() => placeLegalHold(services, CLI_ACTOR, parsed.data));
      console.log(JSON.stringify(h));
    });
    return;
  }
  if (sub === 'release') {
    const id = rest[0];
    const reason = option(rest, '--reason');
    if (!id || id.startsWith('--') || !reason) throw new CliError(USAGE, 2);
    await withServices(async (services) => {
      const h = await asCli(() => releaseLegalHoldById(services, CLI_ACTOR, { id, reason }));
      console.log(JSON.stringify(h));
    });
    return;
  }
  if (sub === 'list') {
    await withServices(async (services) => {
      for (const h of await listLegalHolds(services, CLI_ACTOR, { all: rest.includes('--all') }))
        console.log(JSON.stringify(h));
    });
    return;
  }
  throw new CliError(USAGE, 2);
}

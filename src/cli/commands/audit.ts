// redress audit verify [reference] — recomputes the hash chain and names the first broken link.
import { verifyAudit } from '../../app/audit/verify-audit.ts';
import { findComplaint } from '../../db/repositories/complaints.ts';
import { CliError } from '../cli-error.ts';
import { CLI_ACTOR, withServices } from '../runtime.ts';

export async function run(args: string[]): Promise<void> {
  const [sub, reference, extra] = args;
  if (sub !== 'verify' || extra !== undefined)
    throw new CliError('usage: redress audit verify [reference]', 2);
  await withServices(async (services) => {
    if (reference && !(await findComplaint(services.db, reference))) {
      throw new CliError(`no complaint ${reference}`);
    }
    const result = await verifyAudit(services, CLI_ACTOR, { stream: reference });
    if (result.broken) {
      const b = result.broken;
      throw new CliError(
        b.id
          ? `audit trail BROKEN at event id ${b.id} (${b.stream} #${b.streamSeq}): ${b.problem}`
          : `audit trail BROKEN in stream ${b.stream}: ${b.problem}`,
      );
    }
    const legacy = result.unanchored
      ? ` (${result.unanchored} written before migration 0007, unkeyed and unanchored)`
      : '';
    console.log(
      `audit trail intact: ${result.events} events in ${result.streams} streams verified${legacy}`,
    );
  });
}

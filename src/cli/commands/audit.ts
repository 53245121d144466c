// redress audit verify [reference] — recomputes the hash chain and names the first broken link.
import { verifyAudit } from '../../app/audit.ts';
import { CliError } from '../cli-error.ts';
import { withRuntime } from '../runtime.ts';

export async function run(args: string[]): Promise<void> {
  const [sub, reference, extra] = args;
  if (sub !== 'verify' || extra !== undefined)
    throw new CliError('usage: redress audit verify [reference]', 2);
  await withRuntime(async (rt) => {
    if (reference) {
      const found = await rt.db.query('select 1 from complaints where reference = $1', [reference]);
      if (found.rowCount === 0) throw new CliError(`no complaint ${reference}`);
    }
    const result = await verifyAudit(rt.db, reference);
    if (result.broken) {
      const b = result.broken;
      throw new CliError(
        `audit trail BROKEN at event id ${b.id} (${b.stream} #${b.streamSeq}): ${b.problem}`,
      );
    }
    console.log(
      `audit trail intact: ${result.events} events in ${result.streams} streams verified`,
    );
  });
}

// redress retention preview [--days N] [--timezone TZ] — how many complaints will be anonymised on
//   which day ("1,204 complaints will be anonymised on 1 January");
// redress retention run --dry-run — the complaints whose period has ended, none touched;
// redress retention run — anonymise them now (the background sweep does this by itself).
import { previewRetention } from '../../app/privacy/preview-retention.ts';
import { sweepRetentionUntilDone } from '../../app/privacy/sweep-retention.ts';
import { CliError } from '../cli-error.ts';
import { CLI_ACTOR, withServices } from '../runtime.ts';

const USAGE =
  'usage: redress retention preview [--days N] [--timezone TZ] | redress retention run [--dry-run]';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) throw new CliError(`${name} needs a value`, 2);
  return v;
}

export async function run(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'preview') {
    const days = Number(option(rest, '--days') ?? '366');
    if (!Number.isInteger(days) || days < 1) throw new CliError('--days must be a whole number', 2);
    const timezone = option(rest, '--timezone') ?? 'UTC';
    try {
      new Intl.DateTimeFormat('en', { timeZone: timezone });
    } catch {
      throw new CliError(`--timezone: not a time zone: ${timezone}`, 2);
    }
    await withServices(async (services) => {
      const p = await previewRetention(services, CLI_ACTOR, { days, timezone });
      const n = new Intl.NumberFormat('en-GB');
      const date = (d: string) =>
        new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
          new Date(`${d}T00:00:00Z`),
        );
      console.log(`${n.format(p.dueNow)} complaints are due for anonymisation now`);
      for (const d of p.days)
        console.log(`${n.format(d.count)} complaints will be anonymised on ${date(d.date)}`);
      if (p.days.length === 0) console.log(`none falls due in the next ${days} days`);
      console.log(`${n.format(p.held)} closed complaints are kept by a legal hold`);
    });
    return;
  }
  if (sub === 'run') {
    const dryRun = rest.includes('--dry-run');
    if (rest.some((a) => a !== '--dry-run')) throw new CliError(USAGE, 2);
    await withServices(async (services) => {
      if (dryRun) {
        const p = await previewRetention(services, CLI_ACTOR, { days: 1, sample: 1000 });
        console.log(`dry run: ${p.dueNow} complaints would be anonymised now (nothing changed)`);
        for (const r of p.dueReferences) console.log(`  ${r.reference}  period ended ${r.dueAt}`);
        if (p.dueNow > p.dueReferences.length)
          console.log(`  … and ${p.dueNow - p.dueReferences.length} more`);
        return;
      }
      const r = await sweepRetentionUntilDone(services);
      console.log(`anonymised ${r.anonymised} complaints and ${r.customers} customers`);
    });
    return;
  }
  throw new CliError(USAGE, 2);
}

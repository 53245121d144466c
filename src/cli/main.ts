// The `redress` command. Each verb lives in ./commands/<verb>.ts and exports `run(args)`.
// Expected failures are printed as one line on stderr with exit code 1 (2 for usage errors).
import { CliError } from './cli-error.ts';

type Verb = { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<void> }> };

const VERBS: Record<string, Verb> = {
  deadline: {
    summary:
      'deadline --policy <preset|file> --clock <name> --received <ISO> [--pause <ISO>/<ISO>]…',
    load: () => import('./commands/deadline.ts'),
  },
  policy: {
    summary: 'policy check <file> | policy show <id|file> [--lang en|vi] | policy list',
    load: () => import('./commands/policy.ts'),
  },
  calendar: {
    summary:
      'calendar add|remove --policy <id> --date <YYYY-MM-DD> --reason <text> [--name <text>]',
    load: () => import('./commands/calendar.ts'),
  },
  serve: {
    summary:
      'serve                      start the web server (PORT, DATABASE_URL, REDRESS_DATA_DIR)',
    load: () => import('./commands/serve.ts'),
  },
  worker: {
    summary:
      'worker                     the deadline sweep, outbox and mail readers without the web server',
    load: () => import('./commands/worker.ts'),
  },
  migrate: {
    summary: 'migrate                    apply database migrations',
    load: () => import('./commands/migrate.ts'),
  },
  user: {
    summary: 'user create --email <e> --name <n> --role <role> [--department <d>]',
    load: () => import('./commands/user.ts'),
  },
  token: {
    summary: 'token create --email <e>   print a bearer token for that user',
    load: () => import('./commands/token.ts'),
  },
  mailbox: {
    summary: 'mailbox add|list|enable|disable|flagged|retake   the mailboxes complaints come from',
    load: () => import('./commands/mailbox.ts'),
  },
  audit: {
    summary: "audit verify [reference]   check the audit trail's hash chain",
    load: () => import('./commands/audit.ts'),
  },
  retention: {
    summary:
      'retention preview [--days N] | retention run [--dry-run]   anonymise what has passed its period',
    load: () => import('./commands/retention.ts'),
  },
  hold: {
    summary:
      'hold place (--complaint <ref> | --customer <id>) --reason <r> | hold release <id> --reason <r> | hold list',
    load: () => import('./commands/hold.ts'),
  },
  demo: {
    summary: 'demo [--reset]             load the demo data (again)',
    load: () => import('./commands/demo.ts'),
  },
};

function help(): string {
  const lines = Object.values(VERBS).map((v) => `  redress ${v.summary}`);
  return [
    'Redress — complaints handled under a published procedure, with proof.',
    '',
    'Usage:',
    ...lines,
    '',
    'Run `redress <verb> --help` for more on a verb.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (!verb || verb === 'help' || verb === '--help' || verb === '-h') {
    console.log(help());
    return 0;
  }
  const entry = VERBS[verb];
  if (!entry) {
    console.error(`redress: unknown command "${verb}"; run \`redress help\` for the list`);
    return 2;
  }
  try {
    await (await entry.load()).run(rest);
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      console.error(`redress ${verb}: ${err.message}`);
      return err.exitCode;
    }
    console.error(
      `redress ${verb}: unexpected error: ${err instanceof Error ? err.message : String(err)}`,
    );
    if (process.env.REDRESS_DEBUG) console.error(err);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

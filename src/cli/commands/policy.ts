// redress policy check <file>… | policy show <id|file> [--lang en|vi] [--at <ISO>] | policy list
import { parseArgs } from 'node:util';
import { policyVersions, PolicyError } from '../../app/policies.ts';
import { cliPolicies, cliPolicyVersions } from '../policy-source.ts';
import { InvalidInstantError, parseInstant } from '../../domain/calendar/iso.ts';
import { policyInForce } from '../../domain/policy/parse.ts';
import {
  publicationProblems,
  renderProcedure,
  summarisePolicy,
} from '../../domain/policy/render.ts';
import { LANGUAGES, type Language } from '../../domain/policy/schema.ts';
import { CliError } from '../cli-error.ts';

const USAGE = `usage:
  redress policy check <file>…                          validate a policy file (every version) and summarise it
  redress policy show <id|file> [--lang en|vi] [--at <ISO date or date-time>]
                                                        print the published procedure of the version in force
  redress policy list                                   list the policies and their versions

A <file> is any reference containing "/" or ending in .yaml, .yml or .json; anything else is a
policy id (see \`redress policy list\`), read from the database the server uses (the shipped
presets while there is none). --lang defaults to the policy's first language, --at to now.`;

function options(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        lang: { type: 'string' },
        at: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    throw new CliError(`${(err as Error).message}; run \`redress policy --help\``, 2);
  }
}

/** A policy problem as a CLI error: one problem per line, no stack trace. */
function asCliError(err: unknown, what?: string): unknown {
  if (!(err instanceof PolicyError)) return err;
  const lines = err.problems;
  return new CliError(
    lines.length > 1 && what
      ? [`${what} is not a valid policy (${lines.length} problems):`, ...lines].join('\n')
      : lines.join('\n'),
  );
}

async function check(files: string[]): Promise<void> {
  if (files.length === 0) throw new CliError('policy check needs a file; see --help', 2);
  const problems: string[] = [];
  const reports: string[] = [];
  for (const file of files) {
    try {
      const versions = await policyVersions(file);
      // A procedure is published from the policy: it must say where to complain, and who signs.
      const unpublishable = versions.flatMap(publicationProblems);
      if (unpublishable.length > 0) {
        problems.push(...unpublishable.map((p) => `${file}: ${p}`));
        continue;
      }
      const n = versions.length;
      reports.push(
        [
          `${file}: valid (${n} version${n === 1 ? '' : 's'})`,
          ...versions.map(summarisePolicy),
        ].join('\n\n'),
      );
    } catch (err) {
      if (!(err instanceof PolicyError)) throw err;
      problems.push(...err.problems);
    }
  }
  if (reports.length > 0) console.log(reports.join('\n\n'));
  if (problems.length > 0) {
    throw asCliError(new PolicyError(problems), files.length === 1 ? files[0] : 'a file');
  }
}

function parseAt(text: string | undefined): Date {
  if (text === undefined) return new Date();
  // A bare date means that day wherever the policy is: noon UTC is that date in every zone
  // within ±12 hours, and versions change at the start of a local day.
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const d = new Date(`${text}T12:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(text)) return d;
    throw new CliError(`--at "${text}" is not a real date`, 2);
  }
  try {
    return parseInstant(text, 'UTC');
  } catch (err) {
    if (err instanceof InvalidInstantError) throw new CliError(`--at: ${err.message}`, 2);
    throw err;
  }
}

async function show(refs: string[], lang: string | undefined, at: string | undefined) {
  if (refs.length !== 1)
    throw new CliError('policy show needs one preset id or file; see --help', 2);
  if (lang !== undefined && !(LANGUAGES as readonly string[]).includes(lang)) {
    throw new CliError(`--lang: expected one of ${LANGUAGES.join(', ')}; got "${lang}"`, 2);
  }
  const when = parseAt(at);
  const policy = policyInForce(await cliPolicyVersions(refs[0]!), when);
  process.stdout.write(renderProcedure(policy, (lang as Language) ?? policy.languages[0]!));
}

async function list(): Promise<void> {
  const presets = await cliPolicies();
  const width = Math.max(...presets.map((p) => p.id.length));
  for (const { id, versions } of presets) {
    const latest = versions[versions.length - 1]!;
    const vs = versions.map((v) => `v${v.version} from ${v.effectiveFrom}`).join(', ');
    console.log(`${id.padEnd(width)}  ${latest.name}  (${vs})`);
  }
}

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = options(args);
  const [verb, ...rest] = positionals;
  if (values.help || !verb || verb === 'help') {
    console.log(USAGE);
    return;
  }
  try {
    switch (verb) {
      case 'check':
        return await check(rest);
      case 'show':
        return await show(rest, values.lang, values.at);
      case 'list':
        if (rest.length > 0) throw new CliError('policy list takes no arguments', 2);
        return await list();
      default:
        throw new CliError(`unknown verb "${verb}"; expected check, show or list`, 2);
    }
  } catch (err) {
    throw asCliError(err);
  }
}

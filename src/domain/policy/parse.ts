// Policy files (SPEC §3) from text to validated versions. Pure: the caller reads the file.
// A file is YAML or JSON (JSON is YAML) and holds one version of one policy, or several
// versions of the same policy as a YAML multi-document stream or a JSON/YAML array.
// Every problem becomes one line `<source>: <path>: expected …; got …` — never a stack trace.
import { parseAllDocuments } from 'yaml';
import { COMMUNICATION_KINDS, policySchema, type Policy } from './schema.ts';
import { formatIssue } from './errors.ts';

/** A policy file that cannot be used; `problems` holds one readable line per problem. */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
  readonly code = 'POLICY.INVALID';
  readonly problems: string[];

  constructor(problems: string | string[], heading?: string) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(heading ? [heading, ...list].join('\n') : list.join('\n'));
    this.problems = list;
  }
}

function syntaxProblem(source: string, err: { message: string; linePos?: unknown }): string {
  const first = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?\s*$/, '');
  const pos = Array.isArray(err.linePos) ? (err.linePos[0] as { line: number; col: number }) : null;
  return pos ? `${source}: line ${pos.line}, column ${pos.col}: ${first}` : `${source}: ${first}`;
}

/** The raw values of every document (or array item) in the text, or the syntax problems. */
function readDocuments(text: string, source: string): { values: unknown[]; each: string } {
  const docs = parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true });
  if (!Array.isArray(docs))
    throw new PolicyError(`${source}: the file is empty; expected a policy`);
  const problems = docs.flatMap((d) => d.errors.map((e) => syntaxProblem(source, e)));
  if (problems.length > 0) throw new PolicyError(problems);
  const values: unknown[] = [];
  let each = 'document';
  for (const doc of docs) {
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (err) {
      throw new PolicyError(`${source}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (value === null || value === undefined) continue; // an empty document, e.g. a trailing ---
    if (Array.isArray(value) && docs.length === 1) {
      values.push(...(value as unknown[]));
      each = 'item';
    } else values.push(value);
  }
  if (values.length === 0) throw new PolicyError(`${source}: the file is empty; expected a policy`);
  return { values, each };
}

/** Rules that span keys and that the schema cannot see: references between parts. */
function crossChecks(policy: Policy): string[] {
  const problems: string[] = [];
  const clockNames = Object.keys(policy.clocks);
  const communications = [
    ...new Set([...Object.keys(policy.communications), ...COMMUNICATION_KINDS]),
  ];
  for (const [name, clock] of Object.entries(policy.clocks)) {
    clock.onBreach.forEach((action, i) => {
      if (action.communication && !communications.includes(action.communication)) {
        problems.push(
          `clocks.${name}.onBreach[${i}].communication: expected one of ${communications.join(', ')}; got ${JSON.stringify(action.communication)}`,
        );
      }
    });
  }
  if (policy.progressReports && !clockNames.includes(policy.progressReports.after)) {
    problems.push(
      `progressReports.after: expected one of ${clockNames.join(', ')}; got ${JSON.stringify(policy.progressReports.after)}`,
    );
  }
  for (const [name, clock] of Object.entries(policy.clocks)) {
    const stray = (clock.channels ?? []).filter((c) => !policy.intake.channels.includes(c));
    if (stray.length > 0) {
      problems.push(
        `clocks.${name}.channels: expected channels complaints are taken from (intake.channels: ${policy.intake.channels.join(', ')}); got ${JSON.stringify(stray)}`,
      );
    }
  }
  return problems;
}

/**
 * Parses the text of a policy file into its versions, ordered by effectiveFrom (oldest first).
 * @param source how the file is named in messages (a path or preset id)
 * @throws PolicyError listing every problem found
 */
export function parsePolicyText(text: string, source: string): Policy[] {
  const { values, each } = readDocuments(text, source);
  const many = values.length > 1;
  const problems: string[] = [];
  const versions: { policy: Policy; where: string }[] = [];
  values.forEach((value, i) => {
    const where = many ? `${source} (${each} ${i + 1})` : source;
    const result = policySchema.safeParse(value, { reportInput: true });
    if (!result.success) {
      problems.push(...result.error.issues.map((issue) => `${where}: ${formatIssue(issue)}`));
      return;
    }
    const cross = crossChecks(result.data);
    if (cross.length > 0) problems.push(...cross.map((p) => `${where}: ${p}`));
    else versions.push({ policy: result.data, where });
  });
  if (problems.length > 0) throw new PolicyError(problems);

  const first = versions[0]!.policy;
  const seenVersions = new Map<number, string>();
  const seenDates = new Map<string, number>();
  for (const { policy, where } of versions) {
    if (policy.id !== first.id) {
      problems.push(
        `${where}: id: expected ${JSON.stringify(first.id)} (every version in a file is of one policy); got ${JSON.stringify(policy.id)}`,
      );
    }
    if (seenVersions.has(policy.version)) {
      problems.push(
        `${where}: version: expected a version number not already used in the file; got ${policy.version}`,
      );
    }
    const sameDay = seenDates.get(policy.effectiveFrom);
    if (sameDay !== undefined) {
      problems.push(
        `${where}: effectiveFrom: expected a date no other version takes effect on (version ${sameDay} does); got ${JSON.stringify(policy.effectiveFrom)}`,
      );
    }
    seenVersions.set(policy.version, where);
    seenDates.set(policy.effectiveFrom, policy.version);
  }
  if (problems.length > 0) throw new PolicyError(problems);

  const sorted = versions.map((v) => v.policy).sort(byEffectiveFrom);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (b.version < a.version) {
      problems.push(
        `${source}: version ${b.version} takes effect on ${b.effectiveFrom}, after version ${a.version} (${a.effectiveFrom}); a later version must have a higher number`,
      );
    }
  }
  if (problems.length > 0) throw new PolicyError(problems);
  return sorted;
}

function byEffectiveFrom(a: Policy, b: Policy): number {
  return a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0;
}

/** The local date (YYYY-MM-DD) of an instant in a time zone. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function localDateIn(at: Date, timezone: string): string {
  // Making a DateTimeFormat costs far more than using one: keep one per zone.
  let format = dateFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timezone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

/**
 * The version in force at an instant: the one whose effectiveFrom (the start of that local day
 * in the policy's timezone) is the latest not after `at`.
 * @throws PolicyError when `at` is before every version, or no versions are given
 */
export function policyInForce(versions: readonly Policy[], at: Date): Policy {
  if (Number.isNaN(at.getTime()))
    throw new PolicyError('expected a valid date to choose a version');
  let best: Policy | undefined;
  for (const v of versions) {
    if (v.effectiveFrom > localDateIn(at, v.timezone)) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom) best = v;
  }
  if (best) return best;
  const earliest = [...versions].sort(byEffectiveFrom)[0];
  if (!earliest) throw new PolicyError('no policy versions to choose from');
  throw new PolicyError(
    `${earliest.id}: no version in force at ${at.toISOString()}; the earliest (version ${earliest.version}) takes effect on ${earliest.effectiveFrom} (${earliest.timezone})`,
  );
}

// An administrator's draft of a policy version, checked before it is added: the text (YAML or
// JSON, as in a policy file) parsed and validated with every problem tied to its path, the
// document with its defaults filled in (what would be added), and the deadlines it would give
// a complaint received at a chosen moment, beside those of the version in force then.
import { clockDue, appliesToChannel, startsOn } from '../../domain/clocks/policy-clocks.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import type { Channel } from '../../domain/complaint/states.ts';
import { parsePolicyText, PolicyError } from '../../domain/policy/parse.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { issuesOf } from './add-policy-version.ts';

const SOURCE = 'draft';

export interface DraftDeadline {
  clock: string;
  label: string | null;
  /** The events that start the clock (a clock that starts later has no due instant here). */
  startsOn: string[];
  /** When a complaint received at `receivedAt` on `channel` would be due under the draft. */
  dueAt: string | null;
  /** The same under the version in force at `receivedAt` (null: no such clock, or none in force). */
  inForceDueAt: string | null;
}

export interface PolicyDraftCheck {
  document: Policy;
  /** The version in force at `receivedAt`, to compare with (null for a new policy). */
  inForce: Policy | null;
  receivedAt: string;
  channel: Channel;
  deadlines: DraftDeadline[];
}

function dueFor(policy: Policy, name: string, channel: Channel, receivedAt: Date): string | null {
  const clock = policy.clocks[name];
  if (!clock || !appliesToChannel(clock, channel) || !startsOn(clock).includes('received'))
    return null;
  return clockDue(policy, name, receivedAt)?.toISOString() ?? null;
}

export function checkPolicyDraft(
  deps: { policies: PolicyRegistry },
  _actor: Actor,
  input: { id: string; text: string; receivedAt: string; channel: Channel },
): PolicyDraftCheck {
  let versions: Policy[];
  try {
    versions = parsePolicyText(input.text, SOURCE);
  } catch (err) {
    if (!(err instanceof PolicyError)) throw err;
    const problems = err.problems.map((p) => p.replace(new RegExp(`^${SOURCE}: `), ''));
    throw new AppError('POLICY.INVALID', `the policy is not valid: ${problems.join('; ')}`, {
      problems,
      issues: issuesOf(problems),
    });
  }
  if (versions.length !== 1) {
    const problem = `(top level): expected one policy version; the text holds ${versions.length}`;
    throw new AppError('POLICY.INVALID', `the policy is not valid: ${problem}`, {
      problems: [problem],
      issues: issuesOf([problem]),
    });
  }
  const document = versions[0]!;
  if (document.id !== input.id) {
    throw new AppError(
      'POLICY.ID_MISMATCH',
      `the document is of policy "${document.id}" but was sent to /policies/${input.id}`,
      { issues: [{ path: 'id', message: `expected "${input.id}"; got "${document.id}"` }] },
    );
  }
  const at = new Date(input.receivedAt);
  let inForce: Policy | null = null;
  if (deps.policies.ids().includes(input.id)) {
    try {
      inForce = deps.policies.at(input.id, at);
    } catch {
      inForce = null; // received before the first version took effect
    }
  }
  const names = [
    ...new Set([...Object.keys(document.clocks), ...Object.keys(inForce?.clocks ?? {})]),
  ];
  const deadlines = names.map((name): DraftDeadline => {
    const clock = document.clocks[name] ?? inForce?.clocks[name];
    return {
      clock: name,
      label: clock?.label ?? null,
      startsOn: clock ? startsOn(clock) : [],
      dueAt: document.clocks[name] ? dueFor(document, name, input.channel, at) : null,
      inForceDueAt: inForce ? dueFor(inForce, name, input.channel, at) : null,
    };
  });
  return { document, inForce, receivedAt: at.toISOString(), channel: input.channel, deadlines };
}

// An administrator adds a version of a policy (or the first version of a new one). The document
// is checked like a policy file: every problem on its own readable line, refused as a whole.
import { parsePolicyText, PolicyError } from '../../domain/policy/parse.ts';
import { formatIssue } from '../../domain/policy/errors.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { policySchema, type Policy } from '../../domain/policy/schema.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';

const SOURCE = 'policy';

/** Each problem line (`path: what is wrong`) as a path and a message, so that a form can show
 *  it beside its field; a line without a path ("line 3, column 2: …") is of the whole text. */
export function issuesOf(problems: readonly string[]): { path: string; message: string }[] {
  return problems.map((p) => {
    const m = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\])*): (.*)$/s.exec(p);
    return m ? { path: m[1]!, message: m[2]! } : { path: '', message: p };
  });
}

function refuse(problems: string[]): never {
  throw new AppError('POLICY.INVALID', `the policy is not valid: ${problems.join('; ')}`, {
    problems,
    issues: issuesOf(problems),
  });
}

/** The document as a policy, or POLICY.INVALID listing every problem. */
export function checkPolicyDocument(document: unknown): Policy {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    refuse(['(top level): expected an object holding one policy version']);
  }
  const result = policySchema.safeParse(document, { reportInput: true });
  if (!result.success) refuse(result.error.issues.map((i) => formatIssue(i)));
  // The checks between parts (clock names, channels, communications) of a policy file.
  try {
    parsePolicyText(JSON.stringify(document), SOURCE);
  } catch (err) {
    if (err instanceof PolicyError) {
      refuse(err.problems.map((p) => p.replace(new RegExp(`^${SOURCE}: `), '')));
    }
    throw err;
  }
  return result.data;
}

/**
 * The new version takes the next number whatever the document says; it must take effect after
 * the latest version, so no complaint already received changes version.
 */
export async function addPolicyVersion(
  deps: { policies: PolicyRegistry; now: () => Date },
  actor: Actor,
  { id, document }: { id: string; document: unknown },
): Promise<Policy> {
  const policy = checkPolicyDocument(document);
  if (policy.id !== id) {
    throw new AppError(
      'POLICY.ID_MISMATCH',
      `the document is of policy "${policy.id}" but was sent to /policies/${id}`,
    );
  }
  return deps.policies.addVersion({ id: actor.id, role: actor.role }, policy, deps.now());
}

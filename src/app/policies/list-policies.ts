// Every policy with its versions and the one in force now.
import type { Actor } from '../../domain/complaint/snapshot.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import type { PolicyRegistry } from '../policy-registry.ts';

export interface PolicySummary {
  id: string;
  name: string;
  versions: { version: number; effectiveFrom: string }[];
  /** The version in force now; null when every version takes effect later. */
  current: number | null;
}

/** The version in force at `now`, or null (a policy whose first version is still to come). */
export function versionInForce(registry: PolicyRegistry, id: string, now: Date): Policy | null {
  try {
    return registry.at(id, now);
  } catch (err) {
    if ((err as { code?: string }).code === 'POLICY.NOT_IN_FORCE') return null;
    throw err;
  }
}

export function listPolicies(
  deps: { policies: PolicyRegistry; now: () => Date },
  _actor: Actor,
): PolicySummary[] {
  const registry = deps.policies;
  const now = deps.now();
  return registry.ids().map((id) => {
    const all = registry.allVersions(id);
    const current = versionInForce(registry, id, now);
    return {
      id,
      name: (current ?? all[all.length - 1]!).name,
      versions: all.map((v) => ({ version: v.version, effectiveFrom: v.effectiveFrom })),
      current: current?.version ?? null,
    };
  });
}

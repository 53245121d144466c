// One policy: every version, or (given an instant or a date) the version in force then.
import type { Actor } from '../../domain/complaint/snapshot.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { versionInForce } from './list-policies.ts';

export interface PolicyDetail {
  id: string;
  name: string;
  current: number | null;
  versions: Policy[];
}

/**
 * `at`: an ISO-8601 date-time (the version in force at that instant, in the policy's timezone)
 * or a date YYYY-MM-DD (the version in force on that day); without it, every version.
 */
export function getPolicy(
  deps: { policies: PolicyRegistry; now: () => Date },
  _actor: Actor,
  { id, at }: { id: string; at?: string | undefined },
): PolicyDetail {
  const registry = deps.policies;
  const now = deps.now();
  const all = registry.allVersions(id);
  const current = versionInForce(registry, id, now);
  const name = (current ?? all[all.length - 1]!).name;
  if (at === undefined) return { id, name, current: current?.version ?? null, versions: all };
  let chosen: Policy | undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) {
    chosen = all.filter((v) => v.effectiveFrom <= at).at(-1);
    if (!chosen) {
      throw new AppError(
        'POLICY.NOT_IN_FORCE',
        `${id}: no version in force on ${at}; the earliest takes effect on ${all[0]!.effectiveFrom}`,
      );
    }
  } else chosen = registry.at(id, new Date(at));
  return { id, name, current: current?.version ?? null, versions: [chosen] };
}

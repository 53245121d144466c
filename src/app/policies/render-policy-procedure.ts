// The published complaints procedure of a policy, as customers read it, generated from the
// version in force.
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { renderProcedure } from '../../domain/policy/render.ts';
import type { Language } from '../../domain/policy/schema.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { versionInForce } from './list-policies.ts';

export interface RenderedProcedure {
  policy: string;
  version: number;
  lang: Language;
  text: string;
}

/** The version in force now (or, before any is, the first to come), or the version asked for,
 *  in the language asked for. */
export function renderPolicyProcedure(
  deps: { policies: PolicyRegistry; now: () => Date },
  _actor: Actor,
  { id, lang, version }: { id: string; lang?: Language | undefined; version?: number | undefined },
): RenderedProcedure {
  const registry = deps.policies;
  const policy =
    version !== undefined
      ? registry.version(id, version)
      : (versionInForce(registry, id, deps.now()) ?? registry.allVersions(id)[0]!);
  const language = lang ?? policy.languages[0]!;
  return {
    policy: policy.id,
    version: policy.version,
    lang: language,
    text: renderProcedure(policy, language),
  };
}

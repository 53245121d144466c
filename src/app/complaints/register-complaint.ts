// Registering a complaint: the customer (matched by email or created), the complaint bound to
// the policy version in force at receipt, its `received` event and its clocks, committed with
// the other registrations arriving at the same moment (group commit, IntakeBatcher). A repeated
// request with the same Idempotency-Key gets the first answer.
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import type { IntakeBatcher } from './intake-batcher.ts';
import {
  prepareRegistration,
  requestHash,
  storedAnswer,
  type Registered,
  type RegistrationInput,
} from './registration.ts';

export interface RegisterDeps {
  db: Db;
  policies: PolicyRegistry;
  now: () => Date;
  intake: Pick<IntakeBatcher, 'submit'>;
}

export async function registerComplaint(
  deps: RegisterDeps,
  actor: Actor,
  input: RegistrationInput,
): Promise<Registered> {
  const stored = await storedAnswer(
    deps.db,
    actor,
    input.idempotencyKey,
    requestHash(input.route, input.complaint),
  );
  if (stored) return stored;
  return deps.intake.submit(prepareRegistration(deps, actor, input));
}

// A registration from the moment it is asked for to the moment it is written: checked against
// everything that needs no database (so a bad one never spoils a batch), its clocks replayed
// from the `received` event, and the answer it gets (stored under its Idempotency-Key).
import { findStoredAnswer } from '../../db/repositories/idempotency-keys.ts';
import type { Queryable } from '../../db/client.ts';
import { replayClocks, type ClockInstance } from '../../domain/clocks/policy-clocks.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import type { Channel } from '../../domain/complaint/states.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import { newSecret, sha256 } from '../crypto.ts';
import { AppError } from '../errors.ts';
import { seal, unseal } from '../sealed.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import type { CreateComplaintInput } from './schemas.ts';

export interface RegistrationInput {
  complaint: CreateComplaintInput;
  /** Who registered it: staff or an integration, or the public web form. */
  route: 'staff' | 'public';
  idempotencyKey?: string | undefined;
}

export interface Registered {
  reference: string;
  status: string;
  policy: { id: string; version: number };
  receivedAt: string;
  deadlines: { clock: string; dueAt: string | null }[];
  trackingToken: string;
}

/** A registration ready to write: checked, its policy version chosen, its clocks replayed. */
export interface PreparedRegistration {
  actor: Actor;
  input: CreateComplaintInput;
  route: 'staff' | 'public';
  idempotencyKey?: string | undefined;
  now: Date;
  receivedAt: Date;
  policy: Policy;
  channel: Channel;
  clocks: ClockInstance[];
  /** The tracking link's secret (only its hash is stored). */
  token: string;
}

const EARLIEST_RECEIPT = Date.parse('2000-01-01T00:00:00Z');
/** How far ahead of our clock a receipt time may be (another system's clock runs fast). */
const CLOCK_SKEW_MS = 5 * 60_000;

export function prepareRegistration(
  deps: { policies: PolicyRegistry; now: () => Date },
  actor: Actor,
  registration: RegistrationInput,
): PreparedRegistration {
  // The web form cannot route or assign its own complaint, nor name staff as its subject.
  const input: CreateComplaintInput =
    registration.route === 'public'
      ? {
          ...registration.complaint,
          assigneeId: undefined,
          departmentId: undefined,
          subjectUserIds: undefined,
        }
      : registration.complaint;
  const now = deps.now();
  const receivedAt =
    registration.route === 'public' || !input.receivedAt ? now : new Date(input.receivedAt);
  if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new AppError('COMPLAINT.RECEIVED_IN_FUTURE', 'receivedAt lies in the future');
  }
  const policy = deps.policies.at(input.policy, receivedAt);
  if (receivedAt.getTime() < EARLIEST_RECEIPT) {
    throw new AppError(
      'COMPLAINT.RECEIVED_TOO_EARLY',
      'receivedAt lies before 2000: no complaint this old can be registered',
    );
  }
  const channel = registration.route === 'public' ? 'web' : input.channel;
  if (!policy.intake.channels.includes(channel)) {
    throw new AppError(
      'COMPLAINT.CHANNEL_NOT_ACCEPTED',
      `policy ${policy.id} does not take complaints by ${channel}; it takes ${policy.intake.channels.join(', ')}`,
    );
  }
  const clocks = replayClocks(
    policy,
    channel,
    [{ type: 'received', at: receivedAt, toState: 'received' }],
    now,
  );
  return {
    actor,
    input,
    route: registration.route,
    idempotencyKey: registration.idempotencyKey,
    now,
    receivedAt,
    policy,
    channel,
    clocks,
    token: newSecret(),
  };
}

/** What an Idempotency-Key's answer is checked against: the same route and body. */
export function requestHash(route: string, body: CreateComplaintInput): string {
  return sha256(JSON.stringify({ route, input: body }));
}

/** The stored answer for an idempotency key, or null; a key reused for another body is refused. */
export async function storedAnswer(
  db: Queryable,
  actor: Actor,
  key: string | undefined,
  hash: string,
): Promise<Registered | null> {
  if (!key) return null;
  const found = await findStoredAnswer<StoredRegistered>(db, actor.id, key);
  if (!found) return null;
  if (found.requestHash !== hash) {
    throw new AppError(
      'IDEMPOTENCY.KEY_REUSED',
      'this Idempotency-Key was already used for a different request',
    );
  }
  return openAnswer(found.body);
}

/** A registration's answer as stored: its tracking token sealed, never in clear. */
export type StoredRegistered = Omit<Registered, 'trackingToken'> & {
  sealedTrackingToken?: string;
  /** Answers stored before tokens were sealed. */
  trackingToken?: string;
};

export function sealAnswer(r: Registered): StoredRegistered {
  const { trackingToken, ...rest } = r;
  return { ...rest, sealedTrackingToken: seal(trackingToken) };
}

function openAnswer(s: StoredRegistered): Registered {
  const { sealedTrackingToken, trackingToken, ...rest } = s;
  return {
    ...rest,
    trackingToken: sealedTrackingToken ? unseal(sealedTrackingToken) : (trackingToken ?? ''),
  };
}

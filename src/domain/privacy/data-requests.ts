// Data-subject requests (access, erasure, restriction) as their own kind of case, on the clocks
// of the policy's regime, counted by the clock engine: UK GDPR (one calendar month, extendable by
// two with a reason, paused while the requester's identity is checked) and Vietnam's PDPL
// (acknowledge within two working days, answer within 15 days or 20 with processors, one
// extension of 15). Pure: instants are passed in.
import { dueInstant, type Pause } from '../clocks/deadline.ts';
import { calendarFor } from '../clocks/policy-clocks.ts';
import type { DataRequestsConfig, Policy } from '../policy/schema.ts';

export const DATA_REQUEST_KINDS = ['access', 'erasure', 'restriction'] as const;
export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number];

export const DATA_REQUEST_STATES = [
  'received',
  'identity_check',
  'in_progress',
  'answered',
] as const;
export type DataRequestState = (typeof DATA_REQUEST_STATES)[number];

export const DATA_REQUEST_ACTIONS = [
  'acknowledge',
  'check-identity',
  'confirm-identity',
  'start',
  'extend',
  'answer',
] as const;
export type DataRequestAction = (typeof DATA_REQUEST_ACTIONS)[number];

/** The UK GDPR clocks, for a policy that names none. */
export const DEFAULT_DATA_REQUESTS: DataRequestsConfig = {
  regime: 'uk',
  respond: { amount: 1, unit: 'calendar_months' },
  extension: { amount: 2, unit: 'calendar_months' },
  pauseForIdentityCheck: true,
};

export function dataRequestRules(policy: Pick<Policy, 'dataRequests'>): DataRequestsConfig {
  return policy.dataRequests ?? DEFAULT_DATA_REQUESTS;
}

export interface DataRequestCase {
  state: DataRequestState;
  receivedAt: Date;
  acknowledgedAt: Date | null;
  /** Identity checks: the answer's clock is paused during them when the regime says so. */
  pauses: { from: string; to: string | null }[];
  extension: { reason: string; at: string } | null;
  withProcessors: boolean;
  answeredAt: Date | null;
}

export interface DataRequestDeadlines {
  /** When it must be acknowledged (VN); null when the regime asks for no acknowledgement. */
  acknowledgeDueAt: Date | null;
  /** When it must be answered; null while the clock is paused (identity being checked). */
  dueAt: Date | null;
}

/** The request's due instants from its policy's rules and its history. */
export function dataRequestDeadlines(
  policy: Pick<Policy, 'dataRequests' | 'timezone' | 'calendar'>,
  c: Pick<DataRequestCase, 'receivedAt' | 'pauses' | 'extension' | 'withProcessors'>,
): DataRequestDeadlines {
  const rules = dataRequestRules(policy);
  const cal = calendarFor(policy);
  const t = c.receivedAt.getTime();
  const ack = rules.acknowledge ? dueInstant(cal, rules.acknowledge, t) : null;
  const span =
    c.withProcessors && rules.respondWithProcessors ? rules.respondWithProcessors : rules.respond;
  const pauses: Pause[] = rules.pauseForIdentityCheck
    ? c.pauses.map((p) => ({ from: Date.parse(p.from), to: p.to ? Date.parse(p.to) : null }))
    : [];
  let due = dueInstant(cal, span, t, pauses);
  if (due !== null && c.extension && rules.extension) due = dueInstant(cal, rules.extension, due);
  return {
    acknowledgeDueAt: ack === null ? null : new Date(ack),
    dueAt: due === null ? null : new Date(due),
  };
}

export class DataRequestRuleError extends Error {
  constructor(
    readonly code: 'DSR.ILLEGAL_ACTION' | 'DSR.EXTENSION_REFUSED',
    message: string,
  ) {
    super(message);
  }
}

export interface DataRequestActionInput {
  reason?: string | undefined;
  withProcessors?: boolean | undefined;
}

/** The case after an action at `now`; refused with a DataRequestRuleError when not allowed. */
export function applyDataRequestAction(
  policy: Pick<Policy, 'dataRequests'>,
  c: DataRequestCase,
  action: DataRequestAction,
  input: DataRequestActionInput,
  now: Date,
): DataRequestCase {
  const at = now.toISOString();
  const refuse = (why: string): never => {
    throw new DataRequestRuleError('DSR.ILLEGAL_ACTION', `cannot ${action}: ${why}`);
  };
  if (c.state === 'answered') refuse('the request has been answered');
  switch (action) {
    case 'acknowledge':
      if (c.acknowledgedAt) refuse('it was acknowledged already');
      return { ...c, acknowledgedAt: now };
    case 'check-identity':
      if (c.state !== 'received') refuse(`the request is ${c.state.replace('_', ' ')}`);
      return { ...c, state: 'identity_check', pauses: [...c.pauses, { from: at, to: null }] };
    case 'confirm-identity':
      if (c.state !== 'identity_check') refuse('no identity check is under way');
      return {
        ...c,
        state: 'in_progress',
        pauses: c.pauses.map((p) => (p.to === null ? { ...p, to: at } : p)),
      };
    case 'start':
      if (c.state !== 'received') refuse(`the request is ${c.state.replace('_', ' ')}`);
      return {
        ...c,
        state: 'in_progress',
        withProcessors: input.withProcessors ?? c.withProcessors,
      };
    case 'extend': {
      const rules = dataRequestRules(policy);
      if (!rules.extension)
        throw new DataRequestRuleError('DSR.EXTENSION_REFUSED', 'the policy allows no extension');
      if (c.extension)
        throw new DataRequestRuleError(
          'DSR.EXTENSION_REFUSED',
          'the request has been extended once already',
        );
      if (!input.reason?.trim())
        throw new DataRequestRuleError('DSR.EXTENSION_REFUSED', 'an extension needs a reason');
      return { ...c, extension: { reason: input.reason.trim(), at } };
    }
    case 'answer':
      if (c.state !== 'in_progress') refuse('the request must be in progress to be answered');
      return { ...c, state: 'answered', answeredAt: now };
  }
}

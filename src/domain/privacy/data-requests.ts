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
    readonly code: 'DSR.ILLEGAL_ACTION' | 'DSR.EXTENSION_REFUSED' | 'DSR.REASON_REQUIRED',
    message: string,
    /** REASON_REQUIRED: the field that needs the text (reason, or answer for a refusal). */
    readonly field?: 'reason' | 'answer',
  ) {
    super(message);
  }
}

/** The outcome of an answer that refuses the request: its answer must say why. */
export const REFUSED_OUTCOME = 'refused';

export interface DataRequestActionInput {
  reason?: string | undefined;
  withProcessors?: boolean | undefined;
  outcome?: string | undefined;
  answer?: string | undefined;
}

/**
 * Why the request's state and the policy refuse `action` now, or null when they allow it. The
 * one rule behind both applying an action and listing the allowed ones (the input — a reason
 * for an extension — is checked when the action is applied).
 */
function refusal(
  policy: Pick<Policy, 'dataRequests'>,
  c: Pick<DataRequestCase, 'state' | 'acknowledgedAt' | 'extension'>,
  action: DataRequestAction,
): DataRequestRuleError | null {
  const illegal = (why: string) =>
    new DataRequestRuleError('DSR.ILLEGAL_ACTION', `cannot ${action}: ${why}`);
  if (c.state === 'answered') return illegal('the request has been answered');
  const state = c.state.replace('_', ' ');
  switch (action) {
    case 'acknowledge':
      return c.acknowledgedAt ? illegal('it was acknowledged already') : null;
    case 'check-identity':
    case 'start':
      return c.state !== 'received' ? illegal(`the request is ${state}`) : null;
    case 'confirm-identity':
      return c.state !== 'identity_check' ? illegal('no identity check is under way') : null;
    case 'extend':
      if (!dataRequestRules(policy).extension)
        return new DataRequestRuleError('DSR.EXTENSION_REFUSED', 'the policy allows no extension');
      if (c.extension)
        return new DataRequestRuleError(
          'DSR.EXTENSION_REFUSED',
          'the request has been extended once already',
        );
      return null;
    case 'answer':
      return c.state !== 'in_progress'
        ? illegal('the request must be in progress to be answered')
        : null;
  }
}

/** What is done with the customer's data to carry a request out (the customer routes). */
export const DATA_REQUEST_OPERATIONS = ['export', 'erase', 'restrict'] as const;
export type DataRequestOperation = (typeof DATA_REQUEST_OPERATIONS)[number];
export type DataRequestStep = DataRequestAction | DataRequestOperation;

/** Which operation carries out each kind of request: an export for access, erasure (or
 *  restriction instead, when the law requires the data kept) for erasure, restriction. */
const OPERATIONS_OF: Record<DataRequestKind, readonly DataRequestOperation[]> = {
  access: ['export'],
  erasure: ['erase', 'restrict'],
  restriction: ['restrict'],
};

/**
 * What may be done on the request now, in the order of its life: its actions the state and the
 * policy allow (an extension once, when the policy has one), and — once it is in progress, so
 * after any identity check — the operations that carry out its kind.
 */
export function allowedDataRequestActions(
  policy: Pick<Policy, 'dataRequests'>,
  c: Pick<DataRequestCase, 'state' | 'acknowledgedAt' | 'extension'>,
  kind: DataRequestKind,
): DataRequestStep[] {
  const actions: DataRequestStep[] = DATA_REQUEST_ACTIONS.filter(
    (a) => refusal(policy, c, a) === null,
  );
  return c.state === 'in_progress' ? [...actions, ...OPERATIONS_OF[kind]] : actions;
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
  const refused = refusal(policy, c, action);
  if (refused) throw refused;
  switch (action) {
    case 'acknowledge':
      return { ...c, acknowledgedAt: now };
    case 'check-identity':
      return { ...c, state: 'identity_check', pauses: [...c.pauses, { from: at, to: null }] };
    case 'confirm-identity':
      return {
        ...c,
        state: 'in_progress',
        pauses: c.pauses.map((p) => (p.to === null ? { ...p, to: at } : p)),
      };
    case 'start':
      return {
        ...c,
        state: 'in_progress',
        withProcessors: input.withProcessors ?? c.withProcessors,
      };
    case 'extend':
      if (!input.reason?.trim())
        throw new DataRequestRuleError(
          'DSR.REASON_REQUIRED',
          'an extension needs a reason',
          'reason',
        );
      return { ...c, extension: { reason: input.reason.trim(), at } };
    case 'answer':
      if (input.outcome?.trim() === REFUSED_OUTCOME && !input.answer?.trim())
        throw new DataRequestRuleError(
          'DSR.REASON_REQUIRED',
          'a refusal needs its reasons in the answer',
          'answer',
        );
      return { ...c, state: 'answered', answeredAt: now };
  }
}

// The complaint lifecycle (SPEC §2) as a pure function: a snapshot, an action, who and when in,
// a new snapshot and the events to append out. No I/O and no clock: time is passed in.
// Which roles may act in which states is the table in ./rules.ts; the guards are here.
import type { Policy } from '../policy/schema.ts';
import {
  ACTIONS,
  parseAction,
  type Action,
  type ActionType,
  type ParsedAction,
} from './actions.ts';
import { LifecycleError } from './errors.ts';
import { refusingFlags } from './communications.ts';
import { run, type Ctx, type Step } from './handlers.ts';
import { RULES, type ActorRole } from './rules.ts';
import type { Actor, ComplaintSnapshot, DomainEvent } from './snapshot.ts';
import type { ComplaintFlag } from './states.ts';

export { ACTIONS, actionPayloadSchemas, parseAction } from './actions.ts';
export type { Action, ActionPayload, ActionType } from './actions.ts';
export { LifecycleError, LIFECYCLE_ERRORS, type LifecycleErrorCode } from './errors.ts';
export { OPEN_STATES, RULES, isOpen, type ActorRole } from './rules.ts';
export type {
  Actor,
  AdrDecision,
  AdrRecord,
  ComplaintSnapshot,
  DomainEvent,
  RedressRecord,
} from './snapshot.ts';

export type ActionResult =
  | { ok: true; state: ComplaintSnapshot; events: DomainEvent[] }
  | { ok: false; error: LifecycleError };
export type Result = ActionResult;

const fail = (
  code: ConstructorParameters<typeof LifecycleError>[0],
  message: string,
  details?: Record<string, unknown>,
) => new LifecycleError(code, message, details);

const isStaff = (role: ActorRole) => role !== 'customer' && role !== 'system';

/** Flags this actor could still set: the scheduler may only mark a complaint urgent. */
function settableFlags(complaint: ComplaintSnapshot, actor: Actor): ComplaintFlag[] {
  const candidates: ComplaintFlag[] =
    actor.role === 'system'
      ? ['urgent']
      : ['urgent', 'vexatious', 'outside_jurisdiction', 'vulnerable_customer'];
  return candidates.filter((f) => !complaint.flags.includes(f));
}

/**
 * Seed 004 step 3: a manager approves the proposed solution before it is sent. A policy may
 * waive this with `approval: {required: false}` (read loosely: older policies lack the key).
 */
function approvalRequired(policy: Policy): boolean {
  return (policy as { approval?: { required?: boolean } }).approval?.required !== false;
}

/**
 * Every check that needs no payload: role, state, department, subject, and the state guards.
 * `explain` adds the list of allowed actions to an illegal-transition refusal.
 */
function check(
  complaint: ComplaintSnapshot,
  type: ActionType,
  actor: Actor,
  policy: Policy,
  explain: boolean,
): LifecycleError | null {
  const rule = RULES[type];
  if (!rule.roles.includes(actor.role)) {
    return fail('COMPLAINT.FORBIDDEN_ROLE', `a ${actor.role} may not ${type}`, {
      action: type,
      role: actor.role,
      roles: [...rule.roles],
    });
  }
  if (!rule.from.includes(complaint.state)) {
    const allowed = explain ? allowedActions(complaint, actor, policy) : [];
    return fail(
      'COMPLAINT.ILLEGAL_TRANSITION',
      `cannot ${type} a complaint that is ${complaint.state}; ${type} is allowed when ` +
        `${rule.from.join(', ')}` +
        (explain ? `; allowed now: ${allowed.length ? allowed.join(', ') : 'nothing'}` : ''),
      { action: type, state: complaint.state, allowedFrom: [...rule.from], allowed },
    );
  }
  if (
    rule.ownDepartment &&
    actor.role === 'department_member' &&
    (!actor.departmentId || actor.departmentId !== complaint.departmentId)
  ) {
    return fail(
      'COMPLAINT.FORBIDDEN_ROLE',
      `only a member of the department the complaint is with may ${type}`,
      { action: type, departmentId: complaint.departmentId ?? null },
    );
  }
  if (rule.subjectGuard && isStaff(actor.role) && complaint.subjectUserIds.includes(actor.id)) {
    return fail(
      'COMPLAINT.SUBJECT_CANNOT_INVESTIGATE',
      `${actor.id} is a subject of this complaint and may not ${type}`,
      { action: type, userId: actor.id },
    );
  }
  return stateGuard(complaint, type, actor, policy);
}

function stateGuard(
  c: ComplaintSnapshot,
  type: ActionType,
  actor: Actor,
  policy: Policy,
): LifecycleError | null {
  switch (type) {
    case 'resolve-on-first-contact': {
      if (!policy.intake.firstContactResolution.allowed) {
        return fail(
          'COMPLAINT.FIRST_CONTACT_NOT_ALLOWED',
          `the policy ${policy.id} does not allow resolution on first contact`,
          { reason: 'policy' },
        );
      }
      if (c.channel !== 'phone' && c.channel !== 'in_person') {
        return fail(
          'COMPLAINT.FIRST_CONTACT_NOT_ALLOWED',
          `only phone and in-person complaints can be resolved on first contact, not ${c.channel}`,
          { reason: 'channel', channel: c.channel, channels: ['phone', 'in_person'] },
        );
      }
      return null;
    }
    case 'approve-response':
      return c.responseApproved
        ? fail('COMPLAINT.NO_CHANGE', 'the proposed response is already approved')
        : null;
    case 'respond':
      return c.responseApproved || !approvalRequired(policy)
        ? null
        : fail(
            'COMPLAINT.RESPONSE_NOT_APPROVED',
            'the proposed response must be approved by a manager before it is sent',
          );
    case 'request-deadlock-letter':
    case 'refer-to-adr':
      return noAdrScheme(policy, type);
    case 'send-deadlock-letter': {
      const noScheme = noAdrScheme(policy, type);
      if (noScheme) return noScheme;
      const flags = refusingFlags(c, policy);
      return flags.length
        ? fail(
            'COMPLAINT.DEADLOCK_LETTER_REFUSED',
            `no deadlock letter is sent for a complaint flagged ${flags.join(', ')}`,
            { flags },
          )
        : null;
    }
    case 'record-adr-compliance':
      if (!c.adr?.decision) {
        return fail('COMPLAINT.ADR_DECISION_REQUIRED', 'record the ADR decision first');
      }
      return c.adr.compliedAt
        ? fail('COMPLAINT.NO_CHANGE', 'compliance with the ADR decision is already recorded')
        : null;
    case 'close':
      if (c.state !== 'referred_to_adr') return null;
      if (!c.adr?.decision) {
        return fail(
          'COMPLAINT.ADR_DECISION_REQUIRED',
          'a complaint referred to ADR is closed only after the decision is recorded',
        );
      }
      return c.adr.decision !== 'not_upheld' && !c.adr.compliedAt
        ? fail(
            'COMPLAINT.ADR_COMPLIANCE_REQUIRED',
            `the ADR decision (${c.adr.decision}) must be complied with before closing`,
            { decision: c.adr.decision },
          )
        : null;
    case 'flag':
      return settableFlags(c, actor).length
        ? null
        : fail('COMPLAINT.NO_CHANGE', 'every flag this actor may set is already set');
    case 'unflag':
      return c.flags.length ? null : fail('COMPLAINT.NO_CHANGE', 'the complaint has no flags');
    case 'record-redress-accepted':
      if (!c.redress) return fail('COMPLAINT.REDRESS_NOT_OFFERED', 'no redress has been offered');
      return c.redress.acceptedAt
        ? fail('COMPLAINT.NO_CHANGE', 'the redress is already accepted')
        : null;
    case 'record-redress-completed':
      if (!c.redress) return fail('COMPLAINT.REDRESS_NOT_OFFERED', 'no redress has been offered');
      if (!c.redress.acceptedAt) {
        return fail('COMPLAINT.REDRESS_NOT_ACCEPTED', 'the redress has not been accepted');
      }
      return c.redress.completedAt
        ? fail('COMPLAINT.NO_CHANGE', 'the redress is already recorded as completed')
        : null;
    default:
      return null;
  }
}

/** A policy without an ADR scheme (vn-datacentre) has no deadlock letter and no referral. */
function noAdrScheme(policy: Policy, type: ActionType): LifecycleError | null {
  return policy.adr
    ? null
    : fail(
        'COMPLAINT.NO_ADR_SCHEME',
        `the policy ${policy.id} names no ADR scheme, so there is nothing to ${type}`,
        { action: type },
      );
}

/** The actions this actor may take on the complaint now (the buttons a UI shows). */
export function allowedActions(
  complaint: ComplaintSnapshot,
  actor: Actor,
  policy: Policy,
): ActionType[] {
  return ACTIONS.filter((type) => check(complaint, type, actor, policy, false) === null);
}

/**
 * Applies one action. Expected refusals come back as `{ok: false, error}` with a stable code;
 * on success the new snapshot and at least one event (fromState/toState set) come back.
 */
export function applyAction(
  complaint: ComplaintSnapshot,
  action: Action,
  actor: Actor,
  at: Date,
  policy: Policy,
): ActionResult {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    return { ok: false, error: fail('COMPLAINT.INVALID_INPUT', 'the action time is not a date') };
  }
  const { type, ...body } = (action ?? {}) as { type?: unknown };
  const parsed = parseAction(String(type), body);
  if (!parsed.ok && parsed.error.code === 'COMPLAINT.UNKNOWN_ACTION') return parsed;
  const refused = check(complaint, type as ActionType, actor, policy, true);
  if (refused) return { ok: false, error: refused };
  if (!parsed.ok) return parsed;

  const ctx: Ctx = { complaint, actor, policy, at: at.toISOString() };
  const step = run(ctx, parsed.action);
  if (step instanceof LifecycleError) return { ok: false, error: step };
  return finish(ctx, parsed.action, step);
}

function finish(ctx: Ctx, action: ParsedAction, step: Step): ActionResult {
  const { complaint: c, actor, at } = ctx;
  const to = step.to ?? c.state;
  const next: ComplaintSnapshot = { ...c, flags: [...c.flags], ...step.patch, state: to };
  if (to !== c.state) next.previousState = c.state;
  // An approval is for one proposal: it is used up by sending and lapses on leaving the state.
  if (to !== 'response_proposed') next.responseApproved = false;
  const { type, ...payload } = action;
  const reason = 'reason' in payload ? payload.reason : undefined;
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(payload)) if (k !== 'reason' && v !== undefined) data[k] = v;
  Object.assign(data, step.data);
  const event: DomainEvent = {
    type: RULES[type].event,
    at,
    actorId: actor.id,
    actorRole: actor.role,
    ...(reason ? { reason } : {}),
    data,
    fromState: c.state,
    toState: to,
  };
  return { ok: true, state: next, events: [event] };
}

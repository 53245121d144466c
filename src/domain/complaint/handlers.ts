// What each action does to a complaint once it is allowed: next state, changed fields and the
// data its event carries. Guards that need the payload live here; the rest in lifecycle.ts.
import type { Policy } from '../policy/schema.ts';
import { classificationProblems, type Classification } from '../policy/taxonomy.ts';
import type { ActionType, ParsedAction, ParsedPayload } from './actions.ts';
import { refusingFlags } from './communications.ts';
import { LifecycleError } from './errors.ts';
import type { Actor, AdrRecord, ComplaintSnapshot } from './snapshot.ts';
import type { ComplaintState } from './states.ts';

/** What a handler decides: the next state, changed fields, extra event data. */
export interface Step {
  to?: ComplaintState;
  patch?: Partial<ComplaintSnapshot>;
  data?: Record<string, unknown>;
}

export interface Ctx {
  complaint: ComplaintSnapshot;
  actor: Actor;
  policy: Policy;
  at: string;
}

const fail = (
  code: ConstructorParameters<typeof LifecycleError>[0],
  message: string,
  details?: Record<string, unknown>,
) => new LifecycleError(code, message, details);

type Handler<K extends ActionType> = (ctx: Ctx, p: ParsedPayload<K>) => Step | LifecycleError;
type Handlers = { [K in ActionType]: Handler<K> };

export function run(ctx: Ctx, action: ParsedAction): Step | LifecycleError {
  const handler = HANDLERS[action.type] as Handler<ActionType>;
  return handler(ctx, action as never);
}

const HANDLERS: Handlers = {
  acknowledge: () => ({ to: 'acknowledged' }),

  'resolve-on-first-contact': ({ policy }, p) => {
    // Seed 004 step 4: no receipt, but the result must be recorded.
    if (policy.intake.firstContactResolution.requireOutcome) {
      const missing = [!p.outcome && 'outcome', !p.resolution && 'resolution'].filter(Boolean);
      if (missing.length) {
        return fail(
          'COMPLAINT.INVALID_INPUT',
          `a first-contact resolution must record ${missing.join(' and ')}`,
          { missing },
        );
      }
    }
    const outcome = p.outcome ?? 'resolved_on_first_contact';
    return { to: 'resolved_on_first_contact', patch: { outcome }, data: { outcome } };
  },

  'start-investigation': () => ({ to: 'investigating' }),
  'request-information': () => ({ to: 'awaiting_customer' }),
  'receive-information': () => ({ to: 'investigating' }),
  'customer-reply': () => ({}),

  transfer: ({ complaint: c }, p) => ({
    to: 'awaiting_department',
    patch: { departmentId: p.departmentId },
    data: { fromDepartmentId: c.departmentId ?? null },
  }),

  'department-respond': (_ctx, p) => ({
    to: 'investigating',
    patch: p.rootCause ? { rootCause: p.rootCause } : {},
  }),

  'agree-resolution-plan': () => ({}),
  'report-progress': () => ({}),

  'propose-response': (_ctx, p) => ({
    to: 'response_proposed',
    patch: {
      responseApproved: false,
      ...(p.outcome ? { outcome: p.outcome } : {}),
      ...(p.rootCause ? { rootCause: p.rootCause } : {}),
    },
  }),

  'approve-response': () => ({ patch: { responseApproved: true } }),
  'reject-response': () => ({ to: 'investigating' }),
  respond: () => ({ to: 'responded' }),

  // The earlier outcome no longer stands; a new one is recorded when the complaint closes.
  reopen: () => ({ to: 'reopened', patch: { outcome: null } }),

  escalate: ({ complaint: c }) => {
    const level = c.escalationLevel + 1;
    return { to: 'escalated', patch: { escalationLevel: level }, data: { level } };
  },

  'request-escalation': () => ({}),
  deescalate: ({ complaint: c }) => ({ to: 'investigating', data: { level: c.escalationLevel } }),

  deadlock: ({ complaint: c, policy }) => {
    const flags = refusingFlags(c, policy);
    return {
      to: 'deadlocked',
      data: {
        // The caller sends the letter unprompted when the policy says so (Ofcom, 2026-04-08).
        letterAutomatic:
          Boolean(policy.adr) && policy.deadlock.letterAutomatic && flags.length === 0,
        refusingFlags: flags,
        adrScheme: policy.adr?.scheme.name ?? null,
      },
    };
  },

  'request-deadlock-letter': ({ complaint: c, policy }) => {
    const flags = refusingFlags(c, policy);
    return {
      data: { letterDue: policy.deadlock.letterOnRequest && !flags.length, refusingFlags: flags },
    };
  },

  'send-deadlock-letter': () => ({}),
  'refuse-deadlock-letter': ({ complaint: c, policy }) => ({
    data: { refusingFlags: refusingFlags(c, policy) },
  }),

  'refer-to-adr': ({ policy }, p) => {
    const scheme = p.scheme ?? policy.adr?.scheme.name;
    if (!scheme) {
      return fail(
        'COMPLAINT.INVALID_INPUT',
        'scheme: is required (the policy names no ADR scheme)',
        {
          missing: ['scheme'],
        },
      );
    }
    const adr: AdrRecord = {
      scheme,
      referredAt: p.referredAt,
      ...(p.caseReference ? { caseReference: p.caseReference } : {}),
      decision: null,
      award: null,
    };
    return { to: 'referred_to_adr', patch: { adr }, data: { scheme } };
  },

  'record-adr-decision': ({ complaint: c, at }, p) => {
    // Seed 000: the organisation "will act on the decision and put things right".
    const followUpRequired = p.decision !== 'not_upheld';
    const adr: AdrRecord = {
      ...c.adr,
      ...(p.caseReference ? { caseReference: p.caseReference } : {}),
      decision: p.decision,
      award: p.award ?? null,
      decidedAt: at,
      compliedAt: null,
    };
    return {
      patch: { adr },
      data: {
        followUpRequired,
        followUpActions: followUpRequired ? ['offer-redress', 'record-adr-compliance'] : [],
      },
    };
  },

  'record-adr-compliance': ({ complaint: c, at }) => ({
    patch: { adr: { ...c.adr, compliedAt: at } },
  }),

  withdraw: () => ({ to: 'withdrawn', patch: { outcome: 'withdrawn' } }),

  close: ({ complaint: c, policy }, p) => {
    if (c.state === 'withdrawn' && p.outcome && p.outcome !== 'withdrawn') {
      return fail('COMPLAINT.INVALID_INPUT', 'a withdrawn complaint closes with outcome withdrawn');
    }
    const outcome = c.state === 'withdrawn' ? 'withdrawn' : (p.outcome ?? c.outcome);
    if (!outcome) {
      return fail('COMPLAINT.CLOSE_REQUIRES_OUTCOME', 'closing requires an outcome');
    }
    if (outcome === 'resolved_on_first_contact' && c.state !== 'resolved_on_first_contact') {
      return fail(
        'COMPLAINT.INVALID_INPUT',
        'only a complaint resolved on first contact can close with that outcome',
      );
    }
    const rootCause = p.rootCause ?? c.rootCause;
    const summary = p.summary ?? c.summary;
    const lessonsLearned = p.lessonsLearned ?? c.lessonsLearned;
    const { closing } = policy;
    if (closing.requireRootCause && !rootCause) {
      return fail('COMPLAINT.CLOSE_REQUIRES_ROOT_CAUSE', 'closing requires a root cause category');
    }
    if (closing.requireSummary && !summary) {
      return fail('COMPLAINT.CLOSE_REQUIRES_SUMMARY', 'closing requires a summary');
    }
    if (closing.requireLessonsLearned && !lessonsLearned) {
      return fail('COMPLAINT.CLOSE_REQUIRES_LESSONS_LEARNED', 'closing requires lessons learned');
    }
    const fields = { outcome, rootCause, summary, lessonsLearned };
    return { to: 'closed', patch: fields, data: fields };
  },

  flag: ({ complaint: c, actor }, p) => {
    if (actor.role === 'system' && p.flag !== 'urgent') {
      return fail('COMPLAINT.FORBIDDEN_ROLE', `the scheduler may not flag a complaint ${p.flag}`);
    }
    if (c.flags.includes(p.flag)) {
      return fail('COMPLAINT.NO_CHANGE', `the complaint is already flagged ${p.flag}`);
    }
    return { patch: { flags: [...c.flags, p.flag] } };
  },

  unflag: ({ complaint: c }, p) => {
    if (!c.flags.includes(p.flag)) {
      return fail('COMPLAINT.NO_CHANGE', `the complaint is not flagged ${p.flag}`);
    }
    return { patch: { flags: c.flags.filter((f) => f !== p.flag) } };
  },

  assign: ({ complaint: c }, p) => {
    if (p.assigneeId !== null && c.subjectUserIds.includes(p.assigneeId)) {
      return fail(
        'COMPLAINT.SUBJECT_CANNOT_INVESTIGATE',
        `${p.assigneeId} is a subject of this complaint and cannot be assigned it`,
        { userId: p.assigneeId },
      );
    }
    return {
      patch: { assigneeId: p.assigneeId },
      data: { fromAssigneeId: c.assigneeId ?? null },
    };
  },

  'add-note': () => ({}),

  // A new offer replaces the previous one (and its acceptance).
  'offer-redress': ({ at }, p) => ({
    patch: {
      redress: {
        kind: p.kind,
        description: p.description,
        ...(p.amount !== undefined ? { amount: p.amount } : {}),
        ...(p.currency !== undefined ? { currency: p.currency } : {}),
        offeredAt: at,
        acceptedAt: null,
        completedAt: null,
      },
    },
  }),

  'record-redress-accepted': ({ complaint: c, at }) =>
    c.redress ? { patch: { redress: { ...c.redress, acceptedAt: at } } } : {},

  'record-redress-completed': ({ complaint: c, at }) =>
    c.redress ? { patch: { redress: { ...c.redress, completedAt: at } } } : {},

  'rate-satisfaction': () => ({}),

  'request-procedure-copy': ({ policy }) => ({
    data: { free: policy.procedureCopy?.free ?? true },
  }),

  // Codes are checked against the taxonomy of the complaint's own policy version.
  classify: ({ complaint: c, policy }, p) => {
    const given = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
    const classification: Classification = { ...c.classification, ...given };
    const problems = classificationProblems(policy.taxonomy, classification);
    if (problems.length) {
      return fail('COMPLAINT.INVALID_INPUT', problems.join('; '), { problems });
    }
    return { patch: { classification }, data: { ...given } };
  },
};

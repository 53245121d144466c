// The actions staff, customers and the scheduler take on a complaint, and the payload each one
// carries. Action names are kebab-case: they become `POST /complaints/{ref}/actions/{action}`.
// Payload types are inferred from the zod schemas, which the HTTP layer uses to check bodies.
import { z } from 'zod';
import { formatIssue } from '../policy/errors.ts';
import { LifecycleError } from './errors.ts';
import { FLAGS, OUTCOMES } from './states.ts';

export const ACTIONS = [
  'acknowledge',
  'resolve-on-first-contact',
  'start-investigation',
  'request-information',
  'receive-information',
  'customer-reply',
  'transfer',
  'department-respond',
  'agree-resolution-plan',
  'report-progress',
  'propose-response',
  'approve-response',
  'reject-response',
  'respond',
  'reopen',
  'escalate',
  'request-escalation',
  'deescalate',
  'deadlock',
  'request-deadlock-letter',
  'send-deadlock-letter',
  'refuse-deadlock-letter',
  'refer-to-adr',
  'record-adr-decision',
  'record-adr-compliance',
  'withdraw',
  'close',
  'flag',
  'unflag',
  'assign',
  'add-note',
  'offer-redress',
  'record-redress-accepted',
  'record-redress-completed',
  'rate-satisfaction',
  'request-procedure-copy',
  'classify',
] as const;
export type ActionType = (typeof ACTIONS)[number];

export function isActionType(name: string): name is ActionType {
  return (ACTIONS as readonly string[]).includes(name);
}

/** How a message reached (or will reach) the customer. */
export const CONTACT_METHODS = ['email', 'post', 'phone', 'in_person', 'portal'] as const;

/** Outcomes a response or a first-contact resolution can state (not `withdrawn`). */
const DECIDED_OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export const ADR_DECISIONS = DECIDED_OUTCOMES;

const text = z.string().trim().min(1, 'must not be empty');
/** Optional text; an empty or blank string counts as absent (HTML forms send ''). */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((s) => (s === '' ? undefined : s));
const reason = z.string().trim().min(1, 'a reason is required');
const isoDateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const method = z.enum(CONTACT_METHODS).optional();
/** Text written for the customer, sent in the letter. The action's `reason` and a department's
 *  `findings` are for staff and never reach a customer. */
const customerMessage = optionalText;
/** Which DISP 1 Annex 3R paragraph the response carries (the policy's adr.timeLimitWording). */
const timeLimitPosition = z.enum(['no_consent', 'consent', 'out_of_time']).optional();
const none = z.object({});

const payloadSchemas = {
  acknowledge: none,
  'resolve-on-first-contact': z.object({
    /** Required (with `resolution`) when policy.intake.firstContactResolution.requireOutcome. */
    outcome: z.enum([...DECIDED_OUTCOMES, 'resolved_on_first_contact']).optional(),
    /** What was agreed with the customer: the recorded result (seed 004 step 4). */
    resolution: optionalText,
    timeLimitPosition,
  }),
  'start-investigation': none,
  'request-information': z.object({ questions: z.array(text).min(1, 'ask at least one question') }),
  'receive-information': z.object({ information: text }),
  'customer-reply': z.object({ message: text }),
  transfer: z.object({ departmentId: text, reason: optionalText }),
  'department-respond': z.object({
    /** For staff: what the working logs showed. */
    findings: text,
    rootCause: optionalText,
    /** For staff: the fix the department proposes (the handler's response may adopt it). */
    proposedFix: optionalText,
    /** For the customer: what went wrong, as the response may say it. */
    customerSummary: customerMessage,
  }),
  'agree-resolution-plan': z.object({ plan: text, targetDate: isoDateOrInstant.optional() }),
  'report-progress': z.object({
    /** For the customer: where things stand. */
    message: optionalText,
    method,
    /** When the next report will come (else the policy's interval). */
    nextReportBy: z.iso.date().optional(),
  }),
  'propose-response': z.object({
    response: text,
    outcome: z.enum(DECIDED_OUTCOMES).optional(),
    rootCause: optionalText,
    /** What will be put right, when no redress is recorded (the written response states it). */
    remedy: optionalText,
    /** For the customer: what went wrong (else a department's customerSummary). */
    cause: customerMessage,
    timeLimitPosition,
  }),
  'approve-response': z.object({ note: optionalText }),
  'reject-response': z.object({ reason }),
  respond: z.object({ method }),
  reopen: z.object({ reason }),
  escalate: z.object({ reason }),
  'request-escalation': z.object({ reason: optionalText }),
  deescalate: z.object({ reason: optionalText }),
  deadlock: z.object({ reason, customerMessage }),
  'request-deadlock-letter': none,
  'send-deadlock-letter': z.object({ method, customerMessage }),
  'refuse-deadlock-letter': z.object({ reason, customerMessage }),
  'refer-to-adr': z.object({
    /** Defaults to the policy's ADR scheme name. */
    scheme: optionalText,
    /** When the customer referred the complaint to the scheme. */
    referredAt: isoDateOrInstant,
    caseReference: optionalText,
  }),
  'record-adr-decision': z.object({
    decision: z.enum(ADR_DECISIONS),
    award: optionalText,
    caseReference: optionalText,
  }),
  'record-adr-compliance': z.object({ note: optionalText }),
  withdraw: z.object({ reason: optionalText }),
  close: z.object({
    /** Each field falls back to what the complaint already records. */
    outcome: z.enum(OUTCOMES).optional(),
    rootCause: optionalText,
    summary: optionalText,
    lessonsLearned: optionalText,
  }),
  flag: z.object({ flag: z.enum(FLAGS), reason }),
  unflag: z.object({ flag: z.enum(FLAGS), reason }),
  assign: z.object({ assigneeId: text.nullable(), reason: optionalText }),
  'add-note': z.object({ text }),
  'offer-redress': z
    .object({
      kind: z.enum(['money', 'action']),
      description: text,
      amount: z.number().positive().optional(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as GBP')
        .optional(),
    })
    .refine((r) => r.kind !== 'money' || (r.amount !== undefined && r.currency !== undefined), {
      message: 'a money redress needs amount and currency',
      path: ['amount'],
    }),
  'record-redress-accepted': none,
  'record-redress-completed': z.object({ note: optionalText }),
  /** The survey (ISO 10004-style): `score` is the overall rating; kept informed, speed and
   *  fairness of the outcome are optional, each 1 (very dissatisfied) to 5 (very satisfied). */
  'rate-satisfaction': z.object({
    score: z.int().min(1).max(5).describe('overall, how satisfied the customer is'),
    keptInformed: z.int().min(1).max(5).optional().describe('how well they were kept informed'),
    speed: z.int().min(1).max(5).optional().describe('how satisfied with the speed'),
    fairness: z.int().min(1).max(5).optional().describe('how fair the outcome was'),
    comment: optionalText,
  }),
  'request-procedure-copy': z.object({ method: z.enum(['post', 'email', 'portal']).optional() }),
  /** Product and cause codes from the policy's taxonomy, the legal entity and vulnerability, as
   *  the regulator returns need them. A field left out keeps its value; null clears it. */
  classify: z.object({
    productCode: text.nullable().optional(),
    causeCode: text.nullable().optional(),
    legalEntity: text.nullable().optional(),
    vulnerability: z
      .object({
        identified: z.boolean(),
        causedByFirm: z.boolean().default(false),
        driver: text.nullable().optional(),
      })
      .nullable()
      .optional(),
  }),
} as const satisfies Record<ActionType, z.ZodType>;

/** One schema per action for the request body (the body carries no `type`). */
export const actionPayloadSchemas: { readonly [K in ActionType]: (typeof payloadSchemas)[K] } =
  payloadSchemas;

/** What a caller sends for action K (defaults not yet applied). */
export type ActionPayload<K extends ActionType> = z.input<(typeof payloadSchemas)[K]>;
/** The payload once checked and normalised (strings trimmed, blanks dropped). */
export type ParsedPayload<K extends ActionType> = z.output<(typeof payloadSchemas)[K]>;

/** z.object({}) infers Record<string, never>, which would swallow `type`: treat it as no fields. */
type Fields<P> = string extends keyof P ? object : P;
export type Action = { [K in ActionType]: { type: K } & Fields<ActionPayload<K>> }[ActionType];
export type ParsedAction = {
  [K in ActionType]: { type: K } & Fields<ParsedPayload<K>>;
}[ActionType];

/** Actions that are refused with COMPLAINT.REASON_REQUIRED when no reason is given. */
export const REASON_REQUIRED_ACTIONS: ReadonlySet<ActionType> = new Set<ActionType>([
  'reject-response',
  'reopen',
  'escalate',
  'deadlock',
  'refuse-deadlock-letter',
  'flag',
  'unflag',
]);

export type ParseResult = { ok: true; action: ParsedAction } | { ok: false; error: LifecycleError };

/**
 * Checks a request body for the named action. An unknown name gives COMPLAINT.UNKNOWN_ACTION,
 * a missing or blank reason COMPLAINT.REASON_REQUIRED, anything else COMPLAINT.INVALID_INPUT.
 */
export function parseAction(type: string, body: unknown): ParseResult {
  if (!isActionType(type)) {
    return {
      ok: false,
      error: new LifecycleError('COMPLAINT.UNKNOWN_ACTION', `unknown action "${type}"`, {
        action: type,
        known: [...ACTIONS],
      }),
    };
  }
  const input = body === undefined || body === null ? {} : body;
  if (typeof input !== 'object' || Array.isArray(input)) {
    return invalid(type, ['(top level): expected an object']);
  }
  const { type: _ignored, ...fields } = input as Record<string, unknown>;
  if (REASON_REQUIRED_ACTIONS.has(type)) {
    const r = fields['reason'];
    if (typeof r !== 'string' || r.trim() === '') {
      return {
        ok: false,
        error: new LifecycleError('COMPLAINT.REASON_REQUIRED', `${type} needs a reason`, {
          action: type,
        }),
      };
    }
  }
  const parsed = payloadSchemas[type].safeParse(fields);
  if (!parsed.success) return invalid(type, parsed.error.issues.map(formatIssue));
  return { ok: true, action: { ...parsed.data, type } as ParsedAction };
}

function invalid(type: ActionType, problems: string[]): ParseResult {
  return {
    ok: false,
    error: new LifecycleError(
      'COMPLAINT.INVALID_INPUT',
      `invalid ${type} payload: ${problems.join('; ')}`,
      { action: type, problems },
    ),
  };
}

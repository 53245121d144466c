// Refusals of the complaint lifecycle. They are returned as values (never thrown) and carry a
// stable code. Each code is declared here once, with the HTTP status it maps to and what it
// means; the application's error catalogue (src/app/errors.ts) includes this section as is.

/** Every refusal: its status and one line a client developer can act on. */
export const LIFECYCLE_ERRORS = {
  'COMPLAINT.UNKNOWN_ACTION': {
    status: 404,
    meaning: 'no lifecycle action has this name; the message lists the actions there are',
  },
  'COMPLAINT.ILLEGAL_TRANSITION': {
    status: 409,
    meaning: "the action is not allowed in the complaint's current state; see allowedActions",
  },
  'COMPLAINT.FORBIDDEN_ROLE': {
    status: 403,
    meaning: "the caller's role may not take this action (on this complaint)",
  },
  'COMPLAINT.SUBJECT_CANNOT_INVESTIGATE': {
    status: 403,
    meaning: 'staff the complaint is about may not investigate or decide it',
  },
  'COMPLAINT.CLOSE_REQUIRES_OUTCOME': {
    status: 422,
    meaning: 'closing needs an outcome',
  },
  'COMPLAINT.CLOSE_REQUIRES_ROOT_CAUSE': {
    status: 422,
    meaning: 'closing needs a root-cause category (the policy asks for one)',
  },
  'COMPLAINT.CLOSE_REQUIRES_SUMMARY': {
    status: 422,
    meaning: 'closing needs a summary (the policy asks for one)',
  },
  'COMPLAINT.CLOSE_REQUIRES_LESSONS_LEARNED': {
    status: 422,
    meaning: 'closing needs lessons learned (the policy asks for them)',
  },
  'COMPLAINT.RESPONSE_NOT_APPROVED': {
    status: 409,
    meaning: 'a manager must approve the proposed response before it is sent',
  },
  'COMPLAINT.DEADLOCK_LETTER_REFUSED': {
    status: 409,
    meaning: 'no deadlock letter for a complaint with these flags (details.flags names them)',
  },
  'COMPLAINT.NO_ADR_SCHEME': {
    status: 409,
    meaning: "the complaint's policy names no ADR scheme: no deadlock letter and no ADR referral",
  },
  'COMPLAINT.REASON_REQUIRED': {
    status: 422,
    meaning: 'this action needs a non-empty reason',
  },
  'COMPLAINT.INVALID_INPUT': {
    status: 400,
    meaning: "the action's body is not valid; the message names each problem",
  },
  'COMPLAINT.FIRST_CONTACT_NOT_ALLOWED': {
    status: 409,
    meaning:
      'the policy or the channel does not allow resolution on first contact (details.reason)',
  },
  'COMPLAINT.ADR_DECISION_REQUIRED': {
    status: 409,
    meaning: "record the ADR scheme's decision first",
  },
  'COMPLAINT.ADR_COMPLIANCE_REQUIRED': {
    status: 409,
    meaning: 'record compliance with the ADR decision first',
  },
  'COMPLAINT.REDRESS_NOT_OFFERED': {
    status: 409,
    meaning: 'no redress has been offered yet',
  },
  'COMPLAINT.REDRESS_NOT_ACCEPTED': {
    status: 409,
    meaning: 'the customer has not accepted the redress yet',
  },
  'COMPLAINT.NO_CHANGE': {
    status: 409,
    meaning: 'the action would change nothing (already done, or nothing to undo)',
  },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type LifecycleErrorCode = keyof typeof LIFECYCLE_ERRORS;
export const LIFECYCLE_ERROR_CODES = Object.keys(LIFECYCLE_ERRORS) as LifecycleErrorCode[];

/** A refusal. A plain class (not an Error): it serialises to `{code, message, details}`. */
export class LifecycleError {
  readonly code: LifecycleErrorCode;
  readonly message: string;
  readonly details?: Record<string, unknown>;

  constructor(code: LifecycleErrorCode, message: string, details?: Record<string, unknown>) {
    this.code = code;
    this.message = message;
    if (details !== undefined) this.details = details;
  }

  get status(): number {
    return LIFECYCLE_ERRORS[this.code].status;
  }
}

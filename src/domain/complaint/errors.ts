// Refusals of the complaint lifecycle. They are returned as values (never thrown) and carry a
// stable code that the HTTP layer maps to a status and clients may branch on.

export const LIFECYCLE_ERROR_CODES = [
  'COMPLAINT.UNKNOWN_ACTION',
  'COMPLAINT.ILLEGAL_TRANSITION',
  'COMPLAINT.FORBIDDEN_ROLE',
  'COMPLAINT.SUBJECT_CANNOT_INVESTIGATE',
  'COMPLAINT.CLOSE_REQUIRES_OUTCOME',
  'COMPLAINT.CLOSE_REQUIRES_ROOT_CAUSE',
  'COMPLAINT.CLOSE_REQUIRES_SUMMARY',
  'COMPLAINT.CLOSE_REQUIRES_LESSONS_LEARNED',
  'COMPLAINT.RESPONSE_NOT_APPROVED',
  'COMPLAINT.DEADLOCK_LETTER_REFUSED',
  'COMPLAINT.REASON_REQUIRED',
  'COMPLAINT.INVALID_INPUT',
  'COMPLAINT.FIRST_CONTACT_NOT_ALLOWED',
  'COMPLAINT.ADR_DECISION_REQUIRED',
  'COMPLAINT.ADR_COMPLIANCE_REQUIRED',
  'COMPLAINT.REDRESS_NOT_OFFERED',
  'COMPLAINT.REDRESS_NOT_ACCEPTED',
  'COMPLAINT.NO_CHANGE',
] as const;
export type LifecycleErrorCode = (typeof LIFECYCLE_ERROR_CODES)[number];

/** The HTTP status each refusal suggests (the API layer may use it as is). */
export const LIFECYCLE_ERROR_STATUS: Record<LifecycleErrorCode, number> = {
  'COMPLAINT.UNKNOWN_ACTION': 404,
  'COMPLAINT.ILLEGAL_TRANSITION': 409,
  'COMPLAINT.FORBIDDEN_ROLE': 403,
  'COMPLAINT.SUBJECT_CANNOT_INVESTIGATE': 403,
  'COMPLAINT.CLOSE_REQUIRES_OUTCOME': 422,
  'COMPLAINT.CLOSE_REQUIRES_ROOT_CAUSE': 422,
  'COMPLAINT.CLOSE_REQUIRES_SUMMARY': 422,
  'COMPLAINT.CLOSE_REQUIRES_LESSONS_LEARNED': 422,
  'COMPLAINT.RESPONSE_NOT_APPROVED': 409,
  'COMPLAINT.DEADLOCK_LETTER_REFUSED': 409,
  'COMPLAINT.REASON_REQUIRED': 422,
  'COMPLAINT.INVALID_INPUT': 400,
  'COMPLAINT.FIRST_CONTACT_NOT_ALLOWED': 409,
  'COMPLAINT.ADR_DECISION_REQUIRED': 409,
  'COMPLAINT.ADR_COMPLIANCE_REQUIRED': 409,
  'COMPLAINT.REDRESS_NOT_OFFERED': 409,
  'COMPLAINT.REDRESS_NOT_ACCEPTED': 409,
  'COMPLAINT.NO_CHANGE': 409,
};

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
    return LIFECYCLE_ERROR_STATUS[this.code];
  }
}

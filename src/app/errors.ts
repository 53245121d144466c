// Every error a client can receive, declared once: its code, its HTTP status and one line on
// what it means. `AppError` takes only these codes (the type checker refuses any other), the
// HTTP layer sends the status given here, the OpenAPI document and the README list them. The
// lifecycle's refusals are the domain's own section (src/domain/complaint/errors.ts).
import type { TemplateErrorCode } from '../domain/communications/template.ts';
import { LIFECYCLE_ERRORS } from '../domain/complaint/errors.ts';

export interface ErrorEntry {
  status: number;
  meaning: string;
}

/** Refusals of the request itself, raised by the HTTP layer (framework, parsers, plugins). */
const REQUEST_ERRORS = {
  'INPUT.INVALID': {
    status: 400,
    meaning:
      'a parameter or body field is not valid; details lists each problem: its path, a code (FieldIssue) and the code’s parameters',
  },
  'INPUT.MALFORMED': { status: 400, meaning: 'the request could not be read' },
  'INPUT.MALFORMED_JSON': { status: 400, meaning: 'the body is not valid JSON' },
  'INPUT.EMPTY_BODY': { status: 400, meaning: 'the body is empty; send a JSON object' },
  'INPUT.INVALID_UTF8': { status: 400, meaning: 'the body is not valid UTF-8' },
  'INPUT.NUL_CHARACTER': {
    status: 400,
    meaning: 'the body or URL holds a NUL character, which cannot be stored',
  },
  'INPUT.INVALID_UNICODE': {
    status: 400,
    meaning: 'the body holds half of a UTF-16 surrogate pair, which cannot be stored',
  },
  'INPUT.BAD_CONTENT_LENGTH': {
    status: 400,
    meaning: 'the Content-Length header does not match the body',
  },
  'INPUT.BAD_URL': { status: 400, meaning: 'the URL could not be read (a broken %-escape)' },
  'INPUT.PATH_TOO_LONG': { status: 400, meaning: 'a segment of the path is too long' },
  'INPUT.BAD_CURSOR': {
    status: 400,
    meaning: 'the paging cursor is not one this server gave out; start again without it',
  },
  'INPUT.TOO_MANY_SELECTED': {
    status: 400,
    meaning:
      'a bulk change selected more complaints than one request may change; narrow the filter',
  },
  'INPUT.TOO_LARGE': {
    status: 413,
    meaning: 'the body or file is larger than the limit (details.maxBytes when known)',
  },
  'INPUT.UNSUPPORTED_MEDIA_TYPE': {
    status: 415,
    meaning: 'the body has the wrong Content-Type (JSON, or multipart/form-data for files)',
  },
  'ROUTE.NOT_FOUND': { status: 404, meaning: 'no route has this method and path' },
  RATE_LIMITED: { status: 429, meaning: 'too many requests from this address; wait a minute' },
  INTERNAL: {
    status: 500,
    meaning: 'a fault on the server; it has been logged and nothing about it is disclosed',
  },
} as const satisfies Record<string, ErrorEntry>;

const AUTH_ERRORS = {
  'AUTH.REQUIRED': { status: 401, meaning: 'sign in, or send a bearer token' },
  'AUTH.BAD_HEADER': {
    status: 401,
    meaning: 'the Authorization header must be "Bearer" then the token',
  },
  'AUTH.INVALID_TOKEN': {
    status: 401,
    meaning: 'the bearer token is unknown, expired or revoked',
  },
  'AUTH.INVALID_CREDENTIALS': {
    status: 401,
    meaning: 'wrong email or password (or the account is inactive)',
  },
  'AUTH.LOCKED': {
    status: 429,
    meaning:
      'too many sign-in attempts for the account or from the address; details.retryAfterSeconds',
  },
  'AUTH.CSRF': {
    status: 403,
    meaning: 'a signed-in browser must send the csrfToken from sign-in as X-CSRF-Token',
  },
  'AUTH.FORBIDDEN': { status: 403, meaning: "the caller's role may not use this operation" },
} as const satisfies Record<string, ErrorEntry>;

const RESOURCE_ERRORS = {
  'COMPLAINT.NOT_FOUND': {
    status: 404,
    meaning: 'no complaint with this reference that the caller may see',
  },
  'COMPLAINT.RECEIVED_IN_FUTURE': { status: 400, meaning: 'receivedAt lies in the future' },
  'COMPLAINT.RECEIVED_TOO_EARLY': { status: 400, meaning: 'receivedAt lies before the year 2000' },
  'COMPLAINT.CHANNEL_NOT_ACCEPTED': {
    status: 400,
    meaning: 'the policy does not take complaints by this channel; the message lists those it does',
  },
  'COMPLAINT.UNKNOWN_REFERENCE': {
    status: 422,
    meaning: 'a department or (active) user the complaint names does not exist',
  },
  'IDEMPOTENCY.KEY_REUSED': {
    status: 422,
    meaning: 'this Idempotency-Key was already used for a different request',
  },
  'TRACKING.NOT_FOUND': {
    status: 404,
    meaning: 'the reference and tracking token do not match a complaint',
  },
  'ATTACHMENT.NOT_FOUND': {
    status: 404,
    meaning: 'no attachment with this id on this complaint (that the caller may see)',
  },
  'ATTACHMENT.EMPTY': { status: 400, meaning: 'the file is empty' },
  'ATTACHMENT.NO_FILE': { status: 400, meaning: 'the multipart form has no file part' },
  'ATTACHMENT.ONE_FILE': { status: 400, meaning: 'send one file per request' },
  'ATTACHMENT.TYPE_NOT_ALLOWED': {
    status: 415,
    meaning: 'this kind of file is not accepted (executables, unknown binary formats)',
  },
  'USER.NOT_FOUND': { status: 404, meaning: 'no user with this id' },
  'USER.ALREADY_EXISTS': { status: 409, meaning: 'a user with this email already exists' },
  'USER.DEPARTMENT_REQUIRED': { status: 400, meaning: 'a department member needs a department' },
  'USER.UNKNOWN_DEPARTMENT': { status: 400, meaning: 'the department named does not exist' },
  'TOKEN.NOT_FOUND': { status: 404, meaning: 'no bearer token with this id (of this user)' },
  'TOKEN.BAD_LIFETIME': { status: 400, meaning: 'a token lasts a whole number of days, 1 to 366' },
  'USER.WEAK_PASSWORD': {
    status: 400,
    meaning: 'the password is shorter than 12 characters, common, or made from the account',
  },
  'USER.LAST_ADMINISTRATOR': {
    status: 409,
    meaning: 'the last active administrator cannot be demoted or deactivated',
  },
  'DEPARTMENT.ALREADY_EXISTS': { status: 409, meaning: 'a department with this id exists' },
  'DEPARTMENT.NOT_FOUND': { status: 404, meaning: 'there is no department with this id' },
  'POLICY.NOT_FOUND': {
    status: 404,
    meaning: 'no policy with this id; the message lists the known ones',
  },
  'POLICY.VERSION_NOT_FOUND': { status: 404, meaning: 'the policy has no such version' },
  'POLICY.NOT_IN_FORCE': {
    status: 422,
    meaning: 'no version of the policy is in force at that instant',
  },
  'POLICY.INVALID': {
    status: 400,
    meaning: 'the policy document is not valid; details.problems has one line per problem',
  },
  'POLICY.ID_MISMATCH': {
    status: 400,
    meaning: 'the document is of another policy than the one in the path',
  },
  'POLICY.EFFECTIVE_DATE': {
    status: 409,
    meaning: 'a new version must take effect after the latest one',
  },
  'POLICY.UNKNOWN_REQUIRED_CONTENT': {
    status: 422,
    meaning: "a communication's mustInclude names a token that does not exist",
  },
  'CALENDAR.INVALID_CORRECTION': {
    status: 400,
    meaning: 'a calendar correction needs a real date (YYYY-MM-DD), add or remove, and a reason',
  },
  'REPORT.NOT_FOUND': { status: 404, meaning: 'no report or return of this name' },
  'REPORT.BAD_PERIOD': {
    status: 400,
    meaning:
      'the period is not valid (it must end on or after its start, and span 5 years at most)',
  },
  'REPORT.UNKNOWN_GROUPING': {
    status: 400,
    meaning: 'the report cannot be grouped or drilled down that way; details lists what it can',
  },
  'LESSON.NOT_FOUND': {
    status: 404,
    meaning:
      'no closed complaint with this reference: a lesson is recorded when a complaint closes',
  },
  'LESSON.ACTION_NOT_FOUND': {
    status: 404,
    meaning: 'the complaint has no corrective action with this id',
  },
  'LESSON.UNKNOWN_OWNER': {
    status: 400,
    meaning: 'the owner named is not an active user',
  },
  'LESSON.ACTION_NOT_DONE': {
    status: 400,
    meaning: 'whether an action worked can only be said once it is done (give doneOn)',
  },
  'RETURN.NOT_FILED': { status: 404, meaning: 'no filed return of this kind with this id' },
  'CALENDAR.YEAR_OUT_OF_RANGE': {
    status: 400,
    meaning: 'the calendar year lies outside the range Redress computes',
  },
  'TEMPLATE.SUBJECT': { status: 400, meaning: 'the subject must be one line' },
  'TEMPLATE.SYNTAX': {
    status: 400,
    meaning: 'the template does not parse; details.problems names each line',
  },
  'TEMPLATE.UNKNOWN_VARIABLE': {
    status: 400,
    meaning: 'the template uses a variable this kind of message does not have',
  },
  'TEMPLATE.INVALID': {
    status: 422,
    meaning: 'the stored template is broken; an administrator must fix it',
  },
  'COMMUNICATION.UNKNOWN': {
    status: 400,
    meaning: 'the policy has no communication of this name',
  },
  'COMMUNICATION.KIND_MISMATCH': {
    status: 400,
    meaning: "the named communication is of another kind than the template's",
  },
  'COMMUNICATION.LANGUAGE': { status: 400, meaning: 'there are no templates in this language' },
  'COMMUNICATION.INVALID_EXTRA': {
    status: 400,
    meaning: 'the per-kind details (extra) are not valid; details.problems lists them',
  },
  'COMMUNICATION.MISSING_REQUIRED_CONTENT': {
    status: 422,
    meaning: 'the message would leave out content the rules require; details.missing names it',
  },
  'COMMUNICATION.NOT_BY_POST': {
    status: 409,
    meaning:
      'it cannot go by post: no postal address is held, or the policy does not post it (details.reason); ask for it by email',
  },
  'TASK.NOT_FOUND': { status: 404, meaning: 'no open task with this id' },
  'NOTIFICATION.NOT_FOUND': {
    status: 404,
    meaning: 'no unread notification of the caller with this id',
  },
  'OUTBOX.NOT_RETRYABLE': { status: 404, meaning: 'no failed or interrupted email with this id' },
  'LETTER.NOT_FOUND': { status: 404, meaning: 'no letter with this id' },
  'LETTER.ALREADY_POSTED': { status: 409, meaning: 'the letter is not waiting to be posted' },
  'MAIL.NOT_FLAGGED': {
    status: 404,
    meaning: 'no flagged (or stuck) inbound mail with this id',
  },
  'MAIL.NO_SENDER_REVIEW': {
    status: 404,
    meaning:
      'this complaint is not a mail that claimed another complaint from an unverified sender',
  },
  'MAIL.SENDER_ALREADY_CONFIRMED': {
    status: 409,
    meaning: "the mail's sender was confirmed already: it joined the complaint it claimed",
  },
  'MAILBOX.NOT_FOUND': { status: 404, meaning: 'no mailbox with this name or id' },
  'MAILBOX.ALREADY_EXISTS': { status: 409, meaning: 'a mailbox with this name exists already' },
  'MAILBOX.UNKNOWN_POLICY': {
    status: 400,
    meaning: 'the policy named for the mailbox does not exist',
  },
  'MAILBOX.CREDENTIALS_UNREADABLE': {
    status: 409,
    meaning:
      "the stored password cannot be opened with this server's secret (it changed, or the row was altered): restore the secret, or set the password again",
  },
} as const satisfies Record<string, ErrorEntry>;

/** Data protection (issue 11): holds, erasure, data-subject requests. */
const PRIVACY_ERRORS = {
  'CUSTOMER.NOT_FOUND': { status: 404, meaning: 'no customer with this id' },
  'CUSTOMER.NOT_A_MATCH': {
    status: 409,
    meaning:
      "a complaint is linked only to a customer sharing its customer's email or phone (see customer-matches)",
  },
  'HOLD.NOT_FOUND': { status: 404, meaning: 'no legal hold with this id' },
  'ERASURE.REFUSED': {
    status: 409,
    meaning:
      'a retention duty or legal hold applies: details.duty says which (retention, customer_hold, complaint_hold, open_complaint), details.until is the date the duty ends (null while a hold or an open complaint keeps it), details.restrictionOffered is true',
  },
  'HOLD.RELEASED': { status: 409, meaning: 'the legal hold has been released already' },
  'DSR.NOT_FOUND': { status: 404, meaning: 'no data request with this id' },
  'DSR.ILLEGAL_ACTION': {
    status: 409,
    meaning: 'the data request is not in a state that allows this action',
  },
  'DSR.EXTENSION_REFUSED': {
    status: 409,
    meaning: 'no extension: the policy allows none, or one was taken',
  },
  'DSR.REASON_REQUIRED': {
    status: 422,
    meaning:
      'an extension needs a reason, and a refusal (outcome "refused") its reasons in the answer: details.field names which',
  },
} as const satisfies Record<string, ErrorEntry>;

export const ERROR_CATALOGUE = {
  ...REQUEST_ERRORS,
  ...PRIVACY_ERRORS,
  ...AUTH_ERRORS,
  ...RESOURCE_ERRORS,
  ...LIFECYCLE_ERRORS,
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

/** Codes of errors that stop a command or the start-up, and never reach a client over HTTP. */
export const NON_HTTP_CODES = {
  'DB.DATA_DIR_LOCKED': 'another process holds the embedded database (start-up, CLI)',
  'POLICY.UNKNOWN_CLOCK': 'redress deadline --clock names no clock of the policy (CLI)',
  'INPUT.INVALID_INSTANT': 'a CLI date-time argument is not ISO-8601 (CLI)',
} as const;

// The domain's template errors are turned into AppErrors with their own code.
type Assert<T extends true> = T;
export type _TemplateCodesAreCatalogued = Assert<
  TemplateErrorCode extends ErrorCode ? true : false
>;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CATALOGUE, code);
}

/** An expected failure: a catalogued code (which decides the status), a message, details. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = ERROR_CATALOGUE[code].status;
  }
}

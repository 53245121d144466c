// Complaint snapshots for lifecycle tests, and a valid sample action for every action type.
import type {
  Action,
  ActionType,
  ComplaintSnapshot,
} from '../../src/domain/complaint/lifecycle.ts';
import type { ComplaintState } from '../../src/domain/complaint/states.ts';

/** A complaint just received by email, nobody assigned, nothing recorded. */
export function buildComplaint(overrides: Partial<ComplaintSnapshot> = {}): ComplaintSnapshot {
  return {
    state: 'received',
    escalationLevel: 0,
    flags: [],
    channel: 'email',
    subjectUserIds: [],
    assigneeId: null,
    departmentId: null,
    responseApproved: false,
    outcome: null,
    rootCause: null,
    summary: null,
    lessonsLearned: null,
    adr: null,
    redress: null,
    ...overrides,
  };
}

/** What a complaint in each state plausibly records by the time it gets there. */
const IN_STATE: Record<ComplaintState, Partial<ComplaintSnapshot>> = {
  received: {},
  acknowledged: { previousState: 'received' },
  investigating: { previousState: 'acknowledged', assigneeId: 'handler-1' },
  awaiting_customer: { previousState: 'investigating', assigneeId: 'handler-1' },
  awaiting_department: {
    previousState: 'investigating',
    assigneeId: 'handler-1',
    departmentId: 'billing',
  },
  response_proposed: { previousState: 'investigating', assigneeId: 'handler-1' },
  responded: { previousState: 'response_proposed', outcome: 'upheld', rootCause: 'billing_error' },
  reopened: { previousState: 'responded', rootCause: 'billing_error' },
  escalated: { previousState: 'investigating', escalationLevel: 1 },
  resolved_on_first_contact: {
    previousState: 'received',
    channel: 'phone',
    outcome: 'resolved_on_first_contact',
  },
  deadlocked: { previousState: 'investigating' },
  referred_to_adr: {
    previousState: 'deadlocked',
    adr: { scheme: 'Ombudsman Services', referredAt: '2026-05-10', decision: null, award: null },
  },
  withdrawn: { previousState: 'investigating', outcome: 'withdrawn' },
  closed: { previousState: 'responded', outcome: 'not_upheld', rootCause: 'misunderstanding' },
};

export function buildComplaintIn(
  state: ComplaintState,
  overrides: Partial<ComplaintSnapshot> = {},
): ComplaintSnapshot {
  return buildComplaint({ ...IN_STATE[state], state, ...overrides });
}

/** A payload every action accepts (given its state guards are met). */
export const SAMPLE_ACTIONS: { [K in ActionType]: Extract<Action, { type: K }> } = {
  acknowledge: { type: 'acknowledge' },
  'resolve-on-first-contact': {
    type: 'resolve-on-first-contact',
    outcome: 'upheld',
    resolution: 'Refunded the duplicate charge on the call',
  },
  'start-investigation': { type: 'start-investigation' },
  'request-information': { type: 'request-information', questions: ['Which invoice?'] },
  'receive-information': { type: 'receive-information', information: 'Invoice 1234' },
  'customer-reply': { type: 'customer-reply', message: 'Any news?' },
  transfer: { type: 'transfer', departmentId: 'network' },
  'department-respond': {
    type: 'department-respond',
    findings: 'Logs show a failed switch',
    rootCause: 'hardware_fault',
  },
  'agree-resolution-plan': {
    type: 'agree-resolution-plan',
    plan: 'Replace the switch, credit a month',
    targetDate: '2026-03-20',
  },
  'report-progress': { type: 'report-progress', message: 'Still working on it', method: 'email' },
  'propose-response': {
    type: 'propose-response',
    response: 'We will credit your account',
    outcome: 'upheld',
    rootCause: 'billing_error',
  },
  'approve-response': { type: 'approve-response' },
  'reject-response': { type: 'reject-response', reason: 'Offer a credit as well' },
  respond: { type: 'respond', method: 'email' },
  reopen: { type: 'reopen', reason: 'The credit never arrived' },
  escalate: { type: 'escalate', reason: 'Customer asked for a manager' },
  'request-escalation': { type: 'request-escalation', reason: 'No reply in a week' },
  deescalate: { type: 'deescalate', reason: 'Handled at level 1' },
  deadlock: { type: 'deadlock', reason: 'Eight weeks passed' },
  'request-deadlock-letter': { type: 'request-deadlock-letter' },
  'send-deadlock-letter': { type: 'send-deadlock-letter', method: 'post' },
  'refuse-deadlock-letter': { type: 'refuse-deadlock-letter', reason: 'Vexatious' },
  'refer-to-adr': {
    type: 'refer-to-adr',
    scheme: 'Ombudsman Services',
    referredAt: '2026-05-10',
    caseReference: 'OS-123',
  },
  'record-adr-decision': { type: 'record-adr-decision', decision: 'upheld', award: 'GBP 50' },
  'record-adr-compliance': { type: 'record-adr-compliance', note: 'Paid GBP 50' },
  withdraw: { type: 'withdraw', reason: 'Sorted it out myself' },
  close: {
    type: 'close',
    rootCause: 'billing_error',
    summary: 'Duplicate charge refunded',
    lessonsLearned: 'Check for duplicate direct debits',
  },
  flag: { type: 'flag', flag: 'urgent', reason: 'Service down for a business' },
  unflag: { type: 'unflag', flag: 'urgent', reason: 'Service restored' },
  assign: { type: 'assign', assigneeId: 'handler-2' },
  'add-note': { type: 'add-note', text: 'Called the customer back' },
  'offer-redress': {
    type: 'offer-redress',
    kind: 'money',
    description: 'Goodwill credit',
    amount: 25,
    currency: 'GBP',
  },
  'record-redress-accepted': { type: 'record-redress-accepted' },
  'record-redress-completed': { type: 'record-redress-completed' },
  'rate-satisfaction': { type: 'rate-satisfaction', score: 4, comment: 'Fair in the end' },
  'request-procedure-copy': { type: 'request-procedure-copy', method: 'post' },
  classify: { type: 'classify', vulnerability: { identified: true, causedByFirm: false } },
};

export function sampleAction<K extends ActionType>(type: K): Extract<Action, { type: K }> {
  return SAMPLE_ACTIONS[type];
}

/**
 * What a complaint must already record for the action's state guards to pass (an approved
 * response to send, a flag to remove, an ADR decision complied with before closing, ...).
 */
export const PREREQUISITES: Partial<Record<ActionType, Partial<ComplaintSnapshot>>> = {
  'resolve-on-first-contact': { channel: 'phone' },
  respond: { responseApproved: true },
  unflag: { flags: ['urgent'] },
  'record-adr-compliance': {
    adr: { scheme: 'Ombudsman Services', referredAt: '2026-05-10', decision: 'upheld' },
  },
  close: {
    outcome: 'upheld',
    adr: {
      scheme: 'Ombudsman Services',
      referredAt: '2026-05-10',
      decision: 'upheld',
      compliedAt: '2026-07-01T00:00:00.000Z',
    },
  },
  'record-redress-accepted': {
    redress: { kind: 'action', description: 'Fix', offeredAt: '2026-03-01T00:00:00.000Z' },
  },
  'record-redress-completed': {
    redress: {
      kind: 'action',
      description: 'Fix',
      offeredAt: '2026-03-01T00:00:00.000Z',
      acceptedAt: '2026-03-02T00:00:00.000Z',
    },
  },
};

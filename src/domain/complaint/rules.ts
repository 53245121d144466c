// Who may take each action, and in which states (SPEC §2). This table is the lifecycle's
// transition spec; lifecycle.ts adds the guards that need the payload or the policy.
import type { ActionType } from './actions.ts';
import { STATES, type ComplaintState, type ComplaintEventType, type Role } from './states.ts';

export type ActorRole = Role | 'customer' | 'system';

/**
 * Open states: the organisation is still working on the complaint, so it can be escalated,
 * deadlocked or withdrawn and progress reports are due. `responded` is open (the customer may
 * still be unhappy). Not open: `resolved_on_first_contact` (settled; can only be reopened or
 * closed), `deadlocked` (the organisation's process is over; next is ADR or closing),
 * `referred_to_adr` (in the scheme's hands; closed after its decision), `withdrawn`, `closed`.
 */
export const OPEN_STATES = [
  'received',
  'acknowledged',
  'investigating',
  'awaiting_customer',
  'awaiting_department',
  'response_proposed',
  'responded',
  'reopened',
  'escalated',
] as const satisfies readonly ComplaintState[];

export function isOpen(state: ComplaintState): boolean {
  return (OPEN_STATES as readonly ComplaintState[]).includes(state);
}

const except = (...states: ComplaintState[]): ComplaintState[] =>
  STATES.filter((s) => !states.includes(s));

const ALL: readonly ComplaintState[] = STATES;
const NOT_CLOSED = except('closed');
const NOT_WITHDRAWN = except('withdrawn');
/** Anything can still be done for the customer (redress may be offered). */
const LIVE = except('withdrawn', 'closed');

const STAFF: ActorRole[] = ['handler', 'manager', 'administrator'];
const MANAGERS: ActorRole[] = ['manager', 'administrator'];

export interface ActionRule {
  /** States the action may be taken in. */
  from: readonly ComplaintState[];
  /** Who may take it. Administrators may do what managers may; auditors nothing. */
  roles: readonly ActorRole[];
  /** The event it records. */
  event: ComplaintEventType;
  /**
   * Staff named in subjectUserIds are refused: this action investigates or decides the
   * complaint. Clerical actions (acknowledge, notes, assign, transfer, escalate, letters sent,
   * recording a customer's words) are left to them so the complaint can be handed on.
   */
  subjectGuard?: boolean;
  /** department_member only for a complaint currently with their own department. */
  ownDepartment?: boolean;
}

export const RULES: Record<ActionType, ActionRule> = {
  acknowledge: {
    from: ['received'],
    roles: [...STAFF, 'system'],
    event: 'acknowledged',
  },
  // Seeds 000 and 004: settled on the phone or in person. Goes nowhere but closed (or reopened).
  'resolve-on-first-contact': {
    from: ['received'],
    roles: STAFF,
    event: 'resolved_on_first_contact',
    subjectGuard: true,
  },
  'start-investigation': {
    from: ['received', 'acknowledged', 'reopened'],
    roles: STAFF,
    event: 'investigation_started',
    subjectGuard: true,
  },
  'request-information': {
    from: ['investigating'],
    roles: STAFF,
    event: 'information_requested',
    subjectGuard: true,
  },
  // The customer replies through their link, by email (system) or a handler records it.
  'receive-information': {
    from: ['awaiting_customer'],
    roles: ['customer', ...STAFF, 'system'],
    event: 'information_received',
  },
  // Any other message from the customer; never changes the state.
  'customer-reply': {
    from: ALL,
    roles: ['customer', ...STAFF, 'system'],
    event: 'customer_replied',
  },
  // A department may pass the complaint on to another one (seed 004 step 2).
  transfer: {
    from: ['investigating', 'awaiting_department'],
    roles: [...STAFF, 'department_member'],
    event: 'transferred',
    ownDepartment: true,
  },
  'department-respond': {
    from: ['awaiting_department'],
    roles: [...STAFF, 'department_member'],
    event: 'department_responded',
    subjectGuard: true,
    ownDepartment: true,
  },
  // Seed 000: "agree a resolution plan within one week". Records an event only.
  'agree-resolution-plan': {
    from: ['acknowledged', 'investigating', 'awaiting_department', 'reopened'],
    roles: STAFF,
    event: 'resolution_plan_agreed',
    subjectGuard: true,
  },
  // Seed 000: progress reports by the preferred contact method; the scheduler sends them.
  'report-progress': {
    from: OPEN_STATES,
    roles: [...STAFF, 'system'],
    event: 'progress_reported',
  },
  'propose-response': {
    from: ['investigating'],
    roles: STAFF,
    event: 'response_proposed',
    subjectGuard: true,
  },
  // Seed 004 step 3: the top level approves the solution.
  'approve-response': {
    from: ['response_proposed'],
    roles: MANAGERS,
    event: 'response_approved',
    subjectGuard: true,
  },
  'reject-response': {
    from: ['response_proposed'],
    roles: MANAGERS,
    event: 'response_rejected',
    subjectGuard: true,
  },
  respond: {
    from: ['response_proposed'],
    roles: STAFF,
    event: 'responded',
    subjectGuard: true,
  },
  // Seed 000: "not resolved to your satisfaction, please tell us". Also after a first-contact
  // resolution the customer later finds wanting.
  reopen: {
    from: ['responded', 'resolved_on_first_contact'],
    roles: ['customer', ...STAFF],
    event: 'reopened',
  },
  // From escalated too: the next level up.
  escalate: {
    from: OPEN_STATES,
    roles: [...STAFF, 'system'],
    event: 'escalated',
  },
  'request-escalation': {
    from: OPEN_STATES,
    roles: ['customer', ...STAFF],
    event: 'escalation_requested',
  },
  deescalate: {
    from: ['escalated'],
    roles: MANAGERS,
    event: 'deescalated',
    subjectGuard: true,
  },
  // A manager's final position, or the scheduler when the deadlock clock breaches.
  deadlock: {
    from: OPEN_STATES,
    roles: [...MANAGERS, 'system'],
    event: 'deadlocked',
    subjectGuard: true,
  },
  'request-deadlock-letter': {
    from: [...OPEN_STATES, 'deadlocked'],
    roles: ['customer', ...STAFF],
    event: 'deadlock_letter_requested',
  },
  // The letter states the deadlock, so the complaint must be deadlocked first.
  'send-deadlock-letter': {
    from: ['deadlocked'],
    roles: [...STAFF, 'system'],
    event: 'deadlock_letter_sent',
  },
  'refuse-deadlock-letter': {
    from: [...OPEN_STATES, 'deadlocked'],
    roles: [...STAFF, 'system'],
    event: 'deadlock_letter_refused',
    subjectGuard: true,
  },
  'refer-to-adr': {
    from: ['deadlocked'],
    roles: STAFF,
    event: 'referred_to_adr',
  },
  'record-adr-decision': {
    from: ['referred_to_adr'],
    roles: STAFF,
    event: 'adr_decision_recorded',
  },
  'record-adr-compliance': {
    from: ['referred_to_adr'],
    roles: STAFF,
    event: 'adr_complied',
  },
  withdraw: {
    from: OPEN_STATES,
    roles: ['customer', ...STAFF],
    event: 'withdrawn',
  },
  // Not from open states other than responded: answer, deadlock or withdraw first.
  close: {
    from: ['responded', 'resolved_on_first_contact', 'deadlocked', 'referred_to_adr', 'withdrawn'],
    roles: STAFF,
    event: 'closed',
    subjectGuard: true,
  },
  // The scheduler may only flag `urgent` (policy onBreach: flag_urgent); checked in lifecycle.ts.
  flag: {
    from: NOT_CLOSED,
    roles: [...MANAGERS, 'system'],
    event: 'flagged',
    subjectGuard: true,
  },
  unflag: {
    from: NOT_CLOSED,
    roles: MANAGERS,
    event: 'unflagged',
    subjectGuard: true,
  },
  assign: {
    from: NOT_CLOSED,
    roles: STAFF,
    event: 'assigned',
  },
  'add-note': {
    from: ALL,
    roles: [...STAFF, 'department_member', 'system'],
    event: 'note_added',
  },
  'offer-redress': {
    from: LIVE,
    roles: STAFF,
    event: 'redress_offered',
    subjectGuard: true,
  },
  // Redress may be accepted and carried out after closing (the payment follows the letter).
  'record-redress-accepted': {
    from: NOT_WITHDRAWN,
    roles: ['customer', ...STAFF],
    event: 'redress_accepted',
  },
  'record-redress-completed': {
    from: NOT_WITHDRAWN,
    roles: [...STAFF, 'system'],
    event: 'redress_completed',
  },
  'rate-satisfaction': {
    from: ['responded', 'resolved_on_first_contact', 'closed'],
    roles: ['customer'],
    event: 'satisfaction_rated',
  },
  'request-procedure-copy': {
    from: ALL,
    roles: ['customer', ...STAFF],
    event: 'procedure_copy_requested',
  },
  // Classification may be corrected after closing: the returns report on closed complaints.
  classify: {
    from: ALL,
    roles: STAFF,
    event: 'classified',
  },
};

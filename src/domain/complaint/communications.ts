// Which communications the lifecycle sends, and to whom they may go: the action that sends each
// kind, the action that records a communication the sweep sent by itself, the flags that refuse
// the deadlock letter and the ADR notice, and which events the customer sees.
import type { COMMUNICATION_KINDS } from '../policy/schema.ts';
import type { ActionType } from './actions.ts';
import type { ComplaintSnapshot } from './snapshot.ts';
import type { ComplaintEventType, ComplaintFlag, ComplaintState } from './states.ts';

export type CommunicationKind = (typeof COMMUNICATION_KINDS)[number];

/** The communication an action sends the customer (when the policy has one of that kind). */
const COMMUNICATION_OF_ACTION: Partial<Record<ActionType, CommunicationKind>> = {
  acknowledge: 'acknowledgement',
  'request-information': 'request_for_information',
  transfer: 'transfer_notice',
  'agree-resolution-plan': 'resolution_plan',
  'report-progress': 'progress_report',
  respond: 'final_response',
  'send-deadlock-letter': 'deadlock_letter',
  'refuse-deadlock-letter': 'deadlock_refusal',
  'resolve-on-first-contact': 'summary_resolution',
  'request-procedure-copy': 'procedure_copy',
};

export function communicationOfAction(type: ActionType): CommunicationKind | null {
  return COMMUNICATION_OF_ACTION[type] ?? null;
}

/**
 * The reverse, for a communication the sweep sent by itself: the lifecycle action that records
 * it (a progress report; the deadlock letter of a deadlocked complaint), or null when the
 * communication changes nothing in the lifecycle (an ADR notice, say).
 */
export function actionRecording(kind: CommunicationKind, state: ComplaintState): ActionType | null {
  if (kind === 'progress_report') return 'report-progress';
  if (kind === 'deadlock_letter' && state === 'deadlocked') return 'send-deadlock-letter';
  return null;
}

/** What of a policy decides which flags refuse the deadlock letter. */
type RefusalPolicy = { deadlock: { refuseWhenFlagged: readonly ComplaintFlag[] } };

/** Flags set on the complaint that stop the deadlock letter (and ADR notice) under this policy. */
export function refusingFlags(
  complaint: Pick<ComplaintSnapshot, 'flags'>,
  policy: RefusalPolicy,
): ComplaintFlag[] {
  const refuse: readonly ComplaintFlag[] = policy.deadlock.refuseWhenFlagged;
  return complaint.flags.filter((f) => refuse.includes(f));
}

/** The flags that keep this communication from the customer; empty when it may be sent. */
export function flagsRefusing(
  kind: CommunicationKind,
  complaint: Pick<ComplaintSnapshot, 'flags'>,
  policy: RefusalPolicy,
): ComplaintFlag[] {
  return kind === 'deadlock_letter' || kind === 'adr_notice'
    ? refusingFlags(complaint, policy)
    : [];
}

/** Events the customer sees on their tracking page; the rest are internal. */
const PUBLIC_EVENTS: ReadonlySet<ComplaintEventType> = new Set<ComplaintEventType>([
  'received',
  'acknowledged',
  'resolved_on_first_contact',
  'investigation_started',
  'information_requested',
  'information_received',
  'customer_replied',
  'resolution_plan_agreed',
  'progress_reported',
  'responded',
  'reopened',
  'escalated',
  'escalation_requested',
  'deadlocked',
  'deadlock_letter_requested',
  'deadlock_letter_sent',
  'deadlock_letter_refused',
  'referred_to_adr',
  'adr_decision_recorded',
  'withdrawn',
  'closed',
  'redress_offered',
  'redress_accepted',
  'redress_completed',
  'satisfaction_rated',
  'procedure_copy_requested',
]);

export function isPublicEvent(type: ComplaintEventType): boolean {
  return PUBLIC_EVENTS.has(type);
}

/** Why a communication asked for by post cannot go by post, or null when it can. */
export function notByPost(
  kind: CommunicationKind,
  policy: { procedureCopy?: { byPost: boolean } | undefined },
  customer: { address: readonly string[] },
): 'no_address' | 'policy_does_not_post' | null {
  if (kind === 'procedure_copy' && policy.procedureCopy && !policy.procedureCopy.byPost) {
    return 'policy_does_not_post';
  }
  return customer.address.length ? null : 'no_address';
}

// The complaint lifecycle's vocabulary (SPEC §2). The transition rules live in lifecycle.ts;
// policies refer to these names (a clock stops on an event, pauses in a state).

export const STATES = [
  'received',
  'acknowledged',
  'investigating',
  'awaiting_customer',
  'awaiting_department',
  'response_proposed',
  'responded',
  'reopened',
  'escalated',
  'resolved_on_first_contact',
  'deadlocked',
  'referred_to_adr',
  'withdrawn',
  'closed',
] as const;
export type ComplaintState = (typeof STATES)[number];

/** Events a complaint's timeline records; a policy's clocks start and stop on them. */
export const EVENT_TYPES = [
  'received',
  'acknowledged',
  'resolved_on_first_contact',
  'investigation_started',
  'information_requested',
  'information_received',
  'transferred',
  'department_responded',
  'resolution_plan_agreed',
  'response_proposed',
  'response_approved',
  'response_rejected',
  'responded',
  'reopened',
  'escalated',
  'deescalated',
  'escalation_requested',
  'deadlocked',
  'deadlock_letter_requested',
  'deadlock_letter_sent',
  'deadlock_letter_refused',
  'referred_to_adr',
  'adr_decision_recorded',
  'adr_complied',
  'withdrawn',
  'closed',
  'flagged',
  'unflagged',
  'assigned',
  'note_added',
  'attachment_added',
  'customer_replied',
  'progress_reported',
  'redress_offered',
  'redress_accepted',
  'redress_completed',
  'satisfaction_rated',
  'procedure_copy_requested',
  'classified',
  // Recorded by the scheduler and the outbox, never by a person's action.
  'clock_warning',
  'clock_breached',
  /** A running clock's due instant moved because the policy's calendar was corrected. */
  'clock_retimed',
  'communication_queued',
  'letter_posted',
  'task_created',
] as const;
export type ComplaintEventType = (typeof EVENT_TYPES)[number];

export const FLAGS = [
  'urgent',
  'vexatious',
  'outside_jurisdiction',
  'vulnerable_customer',
] as const;
export type ComplaintFlag = (typeof FLAGS)[number];

export const CHANNELS = ['web', 'email', 'phone', 'post', 'in_person', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ROLES = [
  'handler',
  'department_member',
  'manager',
  'administrator',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const OUTCOMES = [
  'upheld',
  'partly_upheld',
  'not_upheld',
  'resolved_on_first_contact',
  'withdrawn',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

// What counts as personal data in a complaint's record, and what replaces it when the record is
// anonymised or erased. Counts and clocks stay: channel, dates, status, outcome, category, root
// cause, lessons learned, redress amounts, ADR outcome and clock instances are kept, so reports
// and filed returns do not change.

/** What an anonymised complaint's subject becomes. */
export const ANONYMISED_SUBJECT = '[anonymised]';
/** What an anonymised text (description, message body) becomes. */
export const ANONYMISED_TEXT = '[anonymised]';
/** What an anonymised customer's name becomes. */
export const ANONYMISED_NAME = '[anonymised]';
/** What a removed attachment's file name becomes. */
export const REMOVED_FILENAME = 'removed';

/**
 * Keys of event data that carry no personal data: lifecycle states, clock names and instants,
 * levels, outcomes and flags. An event whose data has any other key has its data erased (its
 * digest stays, so the chain still verifies).
 */
export const NON_PERSONAL_EVENT_KEYS: readonly string[] = [
  'fromState',
  'toState',
  'clock',
  'clocks',
  'dueAt',
  'failed',
  'level',
  'outcome',
  'flag',
  'flags',
  'refusingFlags',
  'letterDue',
  'free',
  'scheme',
  'kind',
  'channel',
  'messageId',
  'policyVersion',
  'rootCause',
  'retention',
  'endedAt',
  'basis',
  'reason',
];

/** Why a record was anonymised, as its audit event says. */
export type AnonymisationCause = 'retention_ended' | 'erasure_request';

// Which fields each lifecycle action's form asks for: the payload of its route (the zod
// schemas of POST /complaints/{reference}/actions/{action}, in the generated client's types).
// Which actions are shown comes from the API's allowedActions; nothing here decides that.
import type { paths } from '../../api/schema.js';
import type { ActionName } from './api.ts';

export type FieldKind =
  | 'text'
  | 'textarea'
  /** One entry per line, sent as an array of strings. */
  | 'lines'
  | 'date'
  | 'number'
  | 'select'
  | 'department'
  | 'assignee';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required?: boolean;
  /** For a select: its values (labels are `case.options.<name>.<value>`). */
  options?: readonly string[];
  /** Shown to the customer (said beside the label), or for staff only. */
  audience?: 'customer' | 'staff';
}

const OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld'] as const;
const METHODS = ['email', 'post', 'phone', 'in_person', 'portal'] as const;
const FLAGS = ['urgent', 'vexatious', 'outside_jurisdiction', 'vulnerable_customer'] as const;

const reason = (required = false) => ({
  name: 'reason' as const,
  kind: 'textarea' as const,
  required,
  audience: 'staff' as const,
});
const customerMessage = {
  name: 'customerMessage' as const,
  kind: 'textarea' as const,
  audience: 'customer' as const,
};
const method = { name: 'method' as const, kind: 'select' as const, options: METHODS };

type ActionPath<A extends string> = `/api/v1/complaints/{reference}/actions/${A}`;
type BodyOf<A extends ActionName> =
  ActionPath<A> extends keyof paths
    ? NonNullable<
        NonNullable<paths[ActionPath<A>]['post']['requestBody']>['content']['application/json']
      >
    : never;
/** Each form's field names are the route's payload's (a typo fails the typecheck). */
type Forms = { [A in ActionName]: (FieldSpec & { name: keyof BodyOf<A> & string })[] };

export const ACTION_FORMS: Forms = {
  acknowledge: [],
  'resolve-on-first-contact': [
    {
      name: 'outcome',
      kind: 'select',
      options: ['resolved_on_first_contact', ...OUTCOMES],
    },
    { name: 'resolution', kind: 'textarea', required: true, audience: 'customer' },
  ],
  'start-investigation': [],
  'request-information': [
    { name: 'questions', kind: 'lines', required: true, audience: 'customer' },
  ],
  'receive-information': [{ name: 'information', kind: 'textarea', required: true }],
  'customer-reply': [{ name: 'message', kind: 'textarea', required: true }],
  transfer: [{ name: 'departmentId', kind: 'department', required: true }, reason()],
  'department-respond': [
    { name: 'findings', kind: 'textarea', required: true, audience: 'staff' },
    { name: 'rootCause', kind: 'text', audience: 'staff' },
    { name: 'proposedFix', kind: 'textarea', audience: 'staff' },
    { name: 'customerSummary', kind: 'textarea', audience: 'customer' },
  ],
  'agree-resolution-plan': [
    { name: 'plan', kind: 'textarea', required: true, audience: 'customer' },
    { name: 'targetDate', kind: 'date' },
  ],
  'report-progress': [
    { name: 'message', kind: 'textarea', audience: 'customer' },
    method,
    { name: 'nextReportBy', kind: 'date' },
  ],
  'propose-response': [
    { name: 'response', kind: 'textarea', required: true, audience: 'customer' },
    { name: 'outcome', kind: 'select', options: OUTCOMES },
    { name: 'cause', kind: 'textarea', audience: 'customer' },
    { name: 'remedy', kind: 'textarea', audience: 'customer' },
    { name: 'rootCause', kind: 'text', audience: 'staff' },
  ],
  'approve-response': [{ name: 'note', kind: 'textarea', audience: 'staff' }],
  'reject-response': [reason(true)],
  respond: [method],
  reopen: [reason(true)],
  escalate: [reason(true)],
  'request-escalation': [reason()],
  deescalate: [reason()],
  deadlock: [reason(true), customerMessage],
  'request-deadlock-letter': [],
  'send-deadlock-letter': [method, customerMessage],
  'refuse-deadlock-letter': [reason(true), customerMessage],
  'refer-to-adr': [
    { name: 'scheme', kind: 'text' },
    { name: 'referredAt', kind: 'date', required: true },
    { name: 'caseReference', kind: 'text' },
  ],
  'record-adr-decision': [
    { name: 'decision', kind: 'select', options: OUTCOMES, required: true },
    { name: 'award', kind: 'text' },
    { name: 'caseReference', kind: 'text' },
  ],
  'record-adr-compliance': [{ name: 'note', kind: 'textarea', audience: 'staff' }],
  withdraw: [reason()],
  close: [
    {
      name: 'outcome',
      kind: 'select',
      options: [...OUTCOMES, 'resolved_on_first_contact', 'withdrawn'],
    },
    { name: 'rootCause', kind: 'text', audience: 'staff' },
    { name: 'summary', kind: 'textarea', audience: 'staff' },
    { name: 'lessonsLearned', kind: 'textarea', audience: 'staff' },
  ],
  flag: [{ name: 'flag', kind: 'select', options: FLAGS, required: true }, reason(true)],
  unflag: [{ name: 'flag', kind: 'select', options: FLAGS, required: true }, reason(true)],
  assign: [{ name: 'assigneeId', kind: 'assignee' }, reason()],
  'add-note': [{ name: 'text', kind: 'textarea', required: true, audience: 'staff' }],
  'offer-redress': [
    { name: 'kind', kind: 'select', options: ['money', 'action'], required: true },
    { name: 'description', kind: 'textarea', required: true, audience: 'customer' },
    { name: 'amount', kind: 'number' },
    { name: 'currency', kind: 'text' },
  ],
  'record-redress-accepted': [],
  'record-redress-completed': [{ name: 'note', kind: 'textarea', audience: 'staff' }],
  'rate-satisfaction': [
    { name: 'score', kind: 'select', options: ['1', '2', '3', '4', '5'], required: true },
    { name: 'comment', kind: 'textarea' },
  ],
  'request-procedure-copy': [
    { name: 'method', kind: 'select', options: ['post', 'email', 'portal'] },
  ],
  classify: [
    { name: 'productCode', kind: 'text', audience: 'staff' },
    { name: 'causeCode', kind: 'text', audience: 'staff' },
    { name: 'legalEntity', kind: 'text', audience: 'staff' },
  ],
};

/** Actions with a section of their own on the page, not a button in the action list. */
export const OWN_SECTION: ReadonlySet<ActionName> = new Set<ActionName>(['add-note']);

export type FormValues = Record<string, string>;

/** The payload from what was typed: trimmed, blanks left out, lines split, numbers parsed. */
export function payloadOf(fields: readonly FieldSpec[], values: FormValues, me: string) {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = (values[f.name] ?? '').trim();
    if (f.kind === 'assignee') {
      body[f.name] = raw === 'me' ? me : null;
      continue;
    }
    if (raw === '') continue;
    if (f.kind === 'lines') {
      body[f.name] = raw
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    } else if (f.kind === 'number' || f.name === 'score') body[f.name] = Number(raw);
    else body[f.name] = raw;
  }
  return body;
}

/** The required fields left empty. */
export function missingFields(fields: readonly FieldSpec[], values: FormValues): string[] {
  return fields.filter((f) => f.required && !(values[f.name] ?? '').trim()).map((f) => f.name);
}

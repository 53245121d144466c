// Which events need a person: the notifications and tasks an event creates, so that nothing a
// customer asks for (or an ADR scheme decides) falls into silence. Pure: the caller writes them.
import type { Policy } from '../policy/schema.ts';
import type { ComplaintSnapshot, DomainEvent } from './snapshot.ts';
import type { Role } from './states.ts';

export interface StaffNotice {
  /** One user (the assignee), or everyone with a role when there is none. */
  userId: string | null;
  role: Role | null;
  kind: string;
  message: string;
}

export interface StaffTask {
  kind: string;
  title: string;
  note: string | null;
}

export interface Attention {
  notices: StaffNotice[];
  tasks: StaffTask[];
}

const FOLLOW_UP_TITLES: Record<string, string> = {
  'offer-redress': 'Put things right as the ADR scheme decided: offer and record the redress',
  'record-adr-compliance': 'Record that the organisation has complied with the ADR decision',
};

/** Whoever handles the complaint: its assignee, else every handler. */
function handling(c: ComplaintSnapshot, kind: string, message: string): StaffNotice {
  return c.assigneeId
    ? { userId: c.assigneeId, role: null, kind, message }
    : { userId: null, role: 'handler', kind, message };
}

const role = (r: Role, kind: string, message: string): StaffNotice => ({
  userId: null,
  role: r,
  kind,
  message,
});

/**
 * What one event asks of staff. `after` is the complaint once the event is applied. Only events
 * the customer (or mail from them, as the system) caused notify the handler; staff know what
 * they did themselves.
 */
export function attentionFor(
  event: DomainEvent,
  after: ComplaintSnapshot,
  policy: Policy,
  reference: string,
): Attention {
  const fromCustomer = event.actorRole === 'customer' || event.actorRole === 'system';
  const none: Attention = { notices: [], tasks: [] };
  const takes = policy.escalation?.role ?? 'manager';
  switch (event.type) {
    case 'information_received':
      return fromCustomer
        ? {
            notices: [
              handling(
                after,
                'information_received',
                `${reference}: the customer answered the request for information; the complaint is back under investigation`,
              ),
            ],
            tasks: [],
          }
        : none;
    case 'customer_replied':
      return fromCustomer
        ? {
            notices: [
              handling(after, 'customer_replied', `${reference}: the customer sent a message`),
            ],
            tasks: [],
          }
        : none;
    case 'withdrawn':
      return event.actorRole === 'customer'
        ? {
            notices: [
              handling(after, 'withdrawn', `${reference}: the customer withdrew the complaint`),
            ],
            tasks: [],
          }
        : none;
    case 'escalation_requested':
      return {
        notices: [
          role(takes, 'escalation_requested', `${reference}: the customer asks for escalation`),
          ...(after.assigneeId
            ? [handling(after, 'escalation_requested', `${reference}: escalation requested`)]
            : []),
        ],
        tasks: [
          {
            kind: 'review_escalation_request',
            title: "Decide on the customer's request for escalation",
            note: event.reason ?? null,
          },
        ],
      };
    case 'response_proposed':
      // A proposed response waits for a manager's approval (unless the policy waives it):
      // every manager hears of it.
      if ((policy as { approval?: { required?: boolean } }).approval?.required === false) {
        return none;
      }
      return {
        notices: [
          role(
            'manager',
            'approval_needed',
            `${reference}: a response was proposed and needs approval`,
          ),
        ],
        tasks: [],
      };
    case 'deadlock_letter_requested':
      return deadlockLetterRequested(event, after, reference);
    case 'adr_decision_recorded': {
      const actions = (event.data['followUpActions'] as string[] | undefined) ?? [];
      if (!actions.length) return none;
      const award = event.data['award'] as string | undefined;
      return {
        notices: [
          role(
            'manager',
            'adr_decision_against',
            `${reference}: the ADR scheme decided ${String(event.data['decision'])}; follow-up tasks were created`,
          ),
        ],
        tasks: actions.map((a) => ({
          kind: `adr_${a.replace(/-/g, '_')}`,
          title: FOLLOW_UP_TITLES[a] ?? a,
          note: award ? `award: ${award}` : null,
        })),
      };
    }
    default:
      return none;
  }
}

/** The tasks a customer's request for escalation creates (the managers' escalations inbox). */
export const ESCALATION_TASKS = ['review_escalation_request'] as const;
/** The tasks a request for a deadlock letter creates (the deadlock and refusal decisions). */
export const DEADLOCK_TASKS = [
  'decide_deadlock',
  'send_deadlock_letter',
  'refuse_deadlock_letter',
  'answer_deadlock_letter_request',
] as const;

/**
 * The open tasks an event settles: the request they stand for has been answered (escalated;
 * the deadlock letter sent or refused) or is moot (withdrawn, closed). They are marked done with
 * the event, so the inbox that lists them empties as the manager acts.
 */
export function settledTaskKinds(event: Pick<DomainEvent, 'type'>): readonly string[] {
  switch (event.type) {
    case 'escalated':
      return ESCALATION_TASKS;
    case 'deadlock_letter_sent':
    case 'deadlock_letter_refused':
      return DEADLOCK_TASKS;
    case 'withdrawn':
    case 'closed':
      return [...ESCALATION_TASKS, ...DEADLOCK_TASKS];
    default:
      return [];
  }
}

/** A request for a deadlock letter: send it, decide the deadlock, or offer the refusal. */
function deadlockLetterRequested(
  event: DomainEvent,
  after: ComplaintSnapshot,
  reference: string,
): Attention {
  const flags = (event.data['refusingFlags'] as string[] | undefined) ?? [];
  const due = event.data['letterDue'] === true;
  const notice = role(
    'manager',
    'deadlock_letter_requested',
    `${reference}: the customer asks for a deadlock letter`,
  );
  if (flags.length) {
    return {
      notices: [notice],
      tasks: [
        {
          kind: 'refuse_deadlock_letter',
          title: `Refuse the deadlock letter with the reason, or unflag the complaint: it is flagged ${flags.join(', ')}`,
          note: `the policy refuses the deadlock letter for a complaint flagged ${flags.join(', ')}`,
        },
      ],
    };
  }
  if (!due) {
    return {
      notices: [notice],
      tasks: [
        {
          kind: 'answer_deadlock_letter_request',
          title:
            'Answer the request for a deadlock letter: the policy sends none on request (refuse it with the reason)',
          note: null,
        },
      ],
    };
  }
  return {
    notices: [notice],
    tasks: [
      after.state === 'deadlocked'
        ? {
            kind: 'send_deadlock_letter',
            title: 'Send the deadlock letter the customer asked for',
            note: null,
          }
        : {
            kind: 'decide_deadlock',
            title:
              'The customer asks for a deadlock letter: deadlock the complaint and send it, or refuse it with the reason',
            note: null,
          },
    ],
  };
}

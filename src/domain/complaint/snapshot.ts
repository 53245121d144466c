// The shape of a complaint as the lifecycle rules see it, the actor, and the events recorded.
import type { Classification } from '../policy/taxonomy.ts';
import type { ActorRole } from './rules.ts';
import type {
  Channel,
  ComplaintEventType,
  ComplaintFlag,
  ComplaintState,
  Outcome,
} from './states.ts';

export type AdrDecision = 'upheld' | 'partly_upheld' | 'not_upheld';

export interface AdrRecord {
  scheme?: string;
  referredAt?: string;
  caseReference?: string;
  decision?: AdrDecision | null;
  award?: string | null;
  decidedAt?: string | null;
  /** When the organisation did what the decision asked ("put things right", seed 000). */
  compliedAt?: string | null;
}

export interface RedressRecord {
  kind: 'money' | 'action';
  description: string;
  amount?: number;
  currency?: string;
  offeredAt: string;
  acceptedAt?: string | null;
  completedAt?: string | null;
}

/** What the rules need to know of a complaint. */
export interface ComplaintSnapshot {
  state: ComplaintState;
  /** The state before the last change of state (set by applyAction). */
  previousState?: ComplaintState;
  /** 0 = never escalated; only ever goes up. */
  escalationLevel: number;
  flags: ComplaintFlag[];
  channel: Channel;
  /** Staff the complaint is about: they cannot investigate or decide it. */
  subjectUserIds: string[];
  assigneeId?: string | null;
  departmentId?: string | null;
  /** A manager approved the proposed response; only ever true in response_proposed. */
  responseApproved: boolean;
  outcome?: Outcome | null;
  rootCause?: string | null;
  summary?: string | null;
  lessonsLearned?: string | null;
  adr?: AdrRecord | null;
  redress?: RedressRecord | null;
  /** Taxonomy codes, legal entity and vulnerability (the `classify` action). */
  classification?: Classification | null;
}

/** Who does something: a staff member, a customer (through their link), or the system. */
export interface Actor {
  id: string;
  role: ActorRole;
  departmentId?: string | null;
  /** How the actor is named on what they write (a note, a reply). */
  name?: string;
}

export interface DomainEvent {
  type: ComplaintEventType;
  /** ISO-8601 UTC. */
  at: string;
  actorId: string;
  actorRole: string;
  reason?: string;
  data: Record<string, unknown>;
  fromState: ComplaintState;
  toState: ComplaintState;
}

/** Someone without an account: the web form's sender, or whoever holds a tracking link. */
export const VISITOR: Actor = { id: 'public', role: 'customer' };

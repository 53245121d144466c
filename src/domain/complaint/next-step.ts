// The next step the procedure expects of the organisation: the running clock that falls due
// first, and the action that would stop it (its policy's `stopsOn` events, in their order) —
// unless the complaint is waiting on someone (the customer's answer, a department's findings,
// a manager's approval): then that is the step, and the clock is what runs meanwhile.
import type { ClockConfig } from '../policy/schema.ts';
import type { ActionType } from './actions.ts';
import { RULES } from './rules.ts';
import type { ComplaintState } from './states.ts';

export type WaitingFor = 'customer' | 'department' | 'approval';

/** States in which the organisation waits, and the action that records what it waits for. */
const WAITING: Partial<Record<ComplaintState, { for: WaitingFor; action: ActionType }>> = {
  awaiting_customer: { for: 'customer', action: 'receive-information' },
  awaiting_department: { for: 'department', action: 'department-respond' },
  response_proposed: { for: 'approval', action: 'approve-response' },
};

export interface RunningClock {
  name: string;
  status: string;
  dueAt: Date | null;
  stoppedAt: Date | null;
}

export interface NextStep {
  /** The action that meets the clock (null when no action records its stopping event). */
  action: ActionType | null;
  /** Whether the caller may take that action now. */
  allowed: boolean;
  /** The complaint waits on this; `action` records it when it comes, the clock runs meanwhile. */
  waitingFor: WaitingFor | null;
  clock: string;
  label: string;
  dueAt: Date;
}

const eventsOf = (stopsOn: ClockConfig['stopsOn']): string[] =>
  stopsOn === undefined ? [] : Array.isArray(stopsOn) ? [...stopsOn] : [stopsOn];

/** Actions that record this event, in the lifecycle's order. */
const actionsRecording = (event: string): ActionType[] =>
  (Object.keys(RULES) as ActionType[]).filter((a) => RULES[a].event === event);

/**
 * The earliest due running clock and the action its first stopping event names (acknowledged →
 * acknowledge); the clock's other stopping events (closed, withdrawn…) are ways out, not the
 * step it asks for. Null when no clock is running.
 */
export function nextStep(
  clocks: readonly RunningClock[],
  config: Readonly<Record<string, Pick<ClockConfig, 'stopsOn' | 'label'>>>,
  allowed: readonly ActionType[],
  state?: ComplaintState,
): NextStep | null {
  const running = clocks
    .filter((c) => c.status === 'running' && !c.stoppedAt && c.dueAt && config[c.name])
    .sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime());
  const first = running[0];
  if (!first) return null;
  const waiting = state ? WAITING[state] : undefined;
  if (waiting) {
    return {
      action: waiting.action,
      allowed: allowed.includes(waiting.action),
      waitingFor: waiting.for,
      clock: first.name,
      label: config[first.name]!.label ?? first.name,
      dueAt: first.dueAt!,
    };
  }
  const candidates = eventsOf(config[first.name]!.stopsOn).flatMap(actionsRecording);
  const action = candidates[0] ?? null;
  return {
    action,
    allowed: action !== null && allowed.includes(action),
    waitingFor: null,
    clock: first.name,
    label: config[first.name]!.label ?? first.name,
    dueAt: first.dueAt!,
  };
}

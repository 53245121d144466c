// A policy's clocks applied to a complaint: which clocks an event starts, stops or pauses
// (all read from the policy, none hard-coded), and each clock's due instant and state when the
// complaint's events are replayed.
import { BusinessCalendar } from '../calendar/business-calendar.ts';
import type { Channel, ComplaintEventType, ComplaintState } from '../complaint/states.ts';
import type { ClockConfig, Policy } from '../policy/schema.ts';
import { dueInstant, warningInstants, type Pause } from './deadline.ts';

const calendars = new Map<string, BusinessCalendar>();

/** The business calendar of a policy (shared by every policy with the same calendar). */
export function calendarFor(policy: Pick<Policy, 'timezone' | 'calendar'>): BusinessCalendar {
  const key = `${policy.timezone}|${JSON.stringify(policy.calendar)}`;
  let cal = calendars.get(key);
  if (!cal) {
    cal = new BusinessCalendar(policy.timezone, policy.calendar);
    calendars.set(key, cal);
  }
  return cal;
}

export class UnknownClockError extends Error {
  readonly code = 'POLICY.UNKNOWN_CLOCK';
  constructor(policy: Policy, name: string) {
    super(
      `policy ${policy.id} has no clock "${name}"; its clocks are ${Object.keys(policy.clocks).join(', ')}`,
    );
  }
}

function asList<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export function clockNamed(policy: Policy, name: string): ClockConfig {
  const clock = policy.clocks[name];
  if (!clock) throw new UnknownClockError(policy, name);
  return clock;
}

export function isPausable(clock: ClockConfig): boolean {
  return clock.pausable ?? !clock.regulatory;
}

export function appliesToChannel(clock: ClockConfig, channel: Channel): boolean {
  return !clock.channels || clock.channels.includes(channel);
}

export function startsOn(clock: ClockConfig): ComplaintEventType[] {
  return asList(clock.startsOn);
}

export function stopsOn(clock: ClockConfig): ComplaintEventType[] {
  return asList(clock.stopsOn);
}

export function clocksStartedBy(
  policy: Policy,
  event: ComplaintEventType,
  channel: Channel,
): string[] {
  return Object.entries(policy.clocks)
    .filter(([, c]) => appliesToChannel(c, channel) && startsOn(c).includes(event))
    .map(([name]) => name);
}

export function clocksStoppedBy(policy: Policy, event: ComplaintEventType): string[] {
  return Object.entries(policy.clocks)
    .filter(([, c]) => stopsOn(c).includes(event))
    .map(([name]) => name);
}

export function pausesIn(clock: ClockConfig, state: ComplaintState): boolean {
  return isPausable(clock) && clock.pausedIn.includes(state);
}

export function warnFractions(clock: ClockConfig): number[] {
  return asList(clock.warnAt);
}

/** Due instant of a named clock started at `startedAt`, honouring pauses if it may pause. */
export function clockDue(
  policy: Policy,
  name: string,
  startedAt: Date,
  pauses: Pause[] = [],
): Date | null {
  const clock = clockNamed(policy, name);
  const due = dueInstant(
    calendarFor(policy),
    clock,
    startedAt.getTime(),
    isPausable(clock) ? pauses : [],
  );
  return due === null ? null : new Date(due);
}

export interface TimelineEvent {
  type: ComplaintEventType;
  at: Date;
  /** The complaint's state after the event. */
  toState: ComplaintState;
}

export type ClockStatus = 'running' | 'paused' | 'met' | 'breached';

export interface ClockInstance {
  name: string;
  startedAt: Date;
  dueAt: Date | null;
  warnAt: Date[];
  pauses: Pause[];
  stoppedAt: Date | null;
  /** met: stopped before due; breached: due passed (stopped late or still running at `now`). */
  status: ClockStatus;
}

/**
 * Replays a complaint's events (oldest first) through the policy's clocks. A clock starts on its
 * first start event (for the complaint's channel), stops on its first stop event after that, and
 * pauses while the complaint is in one of its pause states.
 */
export function replayClocks(
  policy: Policy,
  channel: Channel,
  events: readonly TimelineEvent[],
  now: Date,
): ClockInstance[] {
  const cal = calendarFor(policy);
  const out: ClockInstance[] = [];
  for (const [name, clock] of Object.entries(policy.clocks)) {
    if (!appliesToChannel(clock, channel)) continue;
    const starts = startsOn(clock);
    const stops = stopsOn(clock);
    let startedAt: Date | null = null;
    let stoppedAt: Date | null = null;
    const pauses: Pause[] = [];
    let openPause: number | null = null;
    for (const e of events) {
      if (!startedAt) {
        if (starts.includes(e.type)) startedAt = e.at;
        else continue;
      }
      if (stoppedAt) break;
      const t = e.at.getTime();
      if (
        stops.includes(e.type) &&
        e.at.getTime() >= startedAt.getTime() &&
        !starts.includes(e.type)
      ) {
        stoppedAt = e.at;
      }
      const paused = pausesIn(clock, e.toState) && !stoppedAt;
      if (paused && openPause === null) openPause = t;
      if (!paused && openPause !== null) {
        pauses.push({ from: openPause, to: t });
        openPause = null;
      }
    }
    if (!startedAt) continue;
    if (openPause !== null) pauses.push({ from: openPause, to: null });
    const start = startedAt.getTime();
    const due = dueInstant(cal, clock, start, pauses);
    const warnAt =
      due === null ? [] : warningInstants(cal, clock, start, due, warnFractions(clock), pauses);
    let status: ClockStatus;
    if (stoppedAt) status = due !== null && stoppedAt.getTime() > due ? 'breached' : 'met';
    else if (due === null) status = 'paused';
    else status = now.getTime() >= due ? 'breached' : 'running';
    out.push({
      name,
      startedAt,
      dueAt: due === null ? null : new Date(due),
      warnAt: warnAt.map((w) => new Date(w)),
      pauses,
      stoppedAt,
      status,
    });
  }
  return out;
}

/** The queue's order for a complaint: the earliest due among its clocks still running. */
export function earliestOpenDue(clocks: readonly ClockInstance[]): Date | null {
  let next: Date | null = null;
  for (const c of clocks) {
    if (c.stoppedAt || !c.dueAt) continue;
    if (!next || c.dueAt < next) next = c.dueAt;
  }
  return next;
}

export interface DueWork {
  clock: string;
  kind: 'warn' | 'breach';
  seq: number;
  due: Date;
}

/** What the sweep must do for running clocks: each warning (seq 1…) and the breach (seq 0). */
export function dueWorkOf(clocks: readonly ClockInstance[]): DueWork[] {
  const work: DueWork[] = [];
  for (const c of clocks) {
    if (c.stoppedAt || !c.dueAt) continue;
    work.push({ clock: c.name, kind: 'breach', seq: 0, due: c.dueAt });
    c.warnAt.forEach((w, i) => work.push({ clock: c.name, kind: 'warn', seq: i + 1, due: w }));
  }
  return work;
}

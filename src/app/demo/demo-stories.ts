// The road each demo complaint takes to its target state (which actions, in which order), and
// fitting those steps into real time: before now, staff working office hours.
import type { ComplaintState } from '../../domain/complaint/states.ts';
import type { DecidedOutcome, Script, Step } from './demo-scripts.ts';
import type { DemoPolicy } from './demo-texts.ts';
import type { DemoStaff } from './demo-users.ts';

export type Variant = 'standard' | 'first_contact' | 'withdrawn' | 'reopened' | 'adr' | 'deadlock';

export function writeScript(
  s: Script,
  target: ComplaintState,
  variant: Variant | undefined,
  ageH: number,
  flags: { vulnerable: boolean; urgent: boolean; k: number },
  staff: DemoStaff,
  policy: DemoPolicy,
): void {
  const rng = s.c.rng;
  const ph = s.c.phrases;
  const open = () => {
    s.acknowledge();
    if (flags.vulnerable) s.flag('vulnerable_customer', ph.vulnerableReasons);
    if (flags.urgent && target !== 'closed') s.flag('urgent', ph.urgentReasons);
    if (s.c.handler === 'handler' && !s.c.topic.aboutStaff && rng.chance(0.12)) {
      s.assign(staff.handler2.id);
    }
    return s;
  };
  const deadlockPath = () => {
    open().startInvestigation().investigationExtras();
    s.progressReports(s.c.deadlockDueH ?? ageH / 2);
    if (target === 'deadlocked' && policy === 'uk-comms-ombudsman' && flags.k <= 3) {
      const vexatious = flags.k <= 2;
      s.flag(
        vexatious ? 'vexatious' : 'outside_jurisdiction',
        vexatious ? ph.vexatiousReasons : ph.outsideJurisdictionReasons,
      );
    }
    s.deadlock(rng.chance(0.75)).deadlockLetter();
  };
  switch (target) {
    case 'received':
      if (rng.chance(0.3)) s.note();
      return;
    case 'acknowledged':
      open();
      if (rng.chance(0.3)) s.note();
      return;
    case 'investigating':
      open().startInvestigation().investigationExtras();
      s.progressReports(ageH);
      return;
    case 'awaiting_customer':
      open().startInvestigation();
      if (rng.chance(0.5)) s.resolutionPlan();
      s.requestInformation();
      return;
    case 'awaiting_department':
      open().startInvestigation();
      if (rng.chance(0.5)) s.resolutionPlan();
      s.transfer();
      return;
    case 'response_proposed':
      open().startInvestigation().investigationExtras();
      if (s.c.outcome !== 'not_upheld' && rng.chance(0.5)) s.offerRedress();
      s.propose();
      return;
    case 'responded':
      open();
      s.toResponse();
      if (rng.chance(0.3)) s.rate(s.c.outcome);
      return;
    case 'reopened':
      open();
      s.toResponse().reopen();
      return;
    case 'escalated':
      open().startInvestigation().investigationExtras({ escalation: false });
      if (rng.chance(0.4)) s.requestEscalation();
      s.escalate();
      if (rng.chance(0.3)) s.escalate(s.c.manager);
      return;
    case 'resolved_on_first_contact':
      s.resolveOnFirstContact();
      if (rng.chance(0.15)) s.procedureCopy();
      if (rng.chance(0.4)) s.rate('resolved_on_first_contact');
      return;
    case 'deadlocked':
      deadlockPath();
      return;
    case 'referred_to_adr':
      deadlockPath();
      s.referToAdr();
      if (rng.chance(0.5)) s.adrDecision(rng.pick(['upheld', 'partly_upheld', 'not_upheld']));
      return;
    case 'withdrawn':
      if (rng.chance(0.8)) open();
      if (rng.chance(0.5) && s.steps.length) s.startInvestigation();
      s.withdraw();
      return;
    case 'closed':
      return writeClosed(s, variant ?? 'standard', deadlockPath, open);
    default:
      throw new Error(`no demo script for ${target}`);
  }
}

function writeClosed(s: Script, variant: Variant, deadlockPath: () => void, open: () => Script) {
  const rng = s.c.rng;
  const ph = s.c.phrases;
  let outcome: string = s.c.outcome;
  switch (variant) {
    case 'standard':
      open();
      s.toResponse().close();
      break;
    case 'first_contact':
      outcome = 'resolved_on_first_contact';
      s.resolveOnFirstContact().close();
      break;
    case 'withdrawn':
      open();
      s.withdraw().close({
        rootCause: 'not_determined',
        summary: ph.withdrawnSummary,
        lessonsLearned: ph.withdrawnLessons,
      });
      return;
    case 'reopened':
      open();
      s.toResponse().reopen().startInvestigation().propose().approve().respond().close();
      break;
    case 'adr': {
      deadlockPath();
      const decision = rng.pick<DecidedOutcome>(['upheld', 'partly_upheld', 'not_upheld']);
      outcome = decision;
      s.referToAdr().adrDecision(decision).close({ outcome: decision });
      break;
    }
    case 'deadlock':
      deadlockPath();
      outcome = 'not_upheld';
      s.close({ outcome, summary: ph.deadlockSummary });
      break;
  }
  if (rng.chance(0.55)) s.rate(outcome);
}

/**
 * Squeezes the steps into the time since receipt when they would run past now. The deadlock
 * clock cannot have expired early, so a squeezed clock deadlock becomes the manager's decision.
 */
export function fitInto(s: Script, limitH: number): void {
  const last = s.steps[s.steps.length - 1];
  if (!last || last.h <= limitH) return;
  const scale = (limitH - 0.1) / last.h;
  for (const step of s.steps) {
    step.h = 0.1 + step.h * scale;
    if (step.action === 'deadlock' && step.who === 'system') {
      step.who = s.c.manager;
      step.payload = { reason: s.c.rng.pick(s.c.phrases.deadlockReasons) };
    }
  }
}

const HOUR = 3_600_000;
const WEEKDAY: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formats = new Map<string, Intl.DateTimeFormat>();

/** Local weekday (0 = Sunday) and hour of the day (fractional) of an instant. */
function localTime(ms: number, timeZone: string): { day: number; hour: number } {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(ms).map((p) => [p.type, p.value]));
  return {
    day: WEEKDAY[parts['weekday']!] ?? 1,
    hour: Number(parts['hour']) + Number(parts['minute']) / 60,
  };
}

const isOpen = (day: number, hour: number) => day >= 1 && day <= 5 && hour >= 8.5 && hour < 18;
const weekend = (day: number) => day === 0 || day === 6;

/** Hours to wait from an instant until the office opens (Mon–Fri, 08:30–18:00 local). */
function hoursUntilOpen(ms: number, timeZone: string): number {
  const { day, hour } = localTime(ms, timeZone);
  if (isOpen(day, hour)) return 0;
  let daysAhead = hour < 8.5 ? 0 : 1;
  while (weekend((day + daysAhead) % 7)) daysAhead++;
  return daysAhead * 24 + 8.5 - hour;
}

/** Hours since the office last closed (0 while it is open). */
function hoursSinceClose(ms: number, timeZone: string): number {
  const { day, hour } = localTime(ms, timeZone);
  if (isOpen(day, hour)) return 0;
  let daysBack = hour >= 18 ? 0 : 1;
  while (weekend((day - daysBack + 7) % 7)) daysBack++;
  return daysBack * 24 + hour - 18;
}

/**
 * Staff act in office hours, customers and the scheduler at any time: a staff step outside them
 * moves to the next opening (plus a little), as long as that is still before `limitH`.
 */
export function officeHours(
  steps: Step[],
  receivedAt: Date,
  timeZone: string,
  limitH: number,
  jitter: () => number,
): void {
  let prev = 0.06; // registered three minutes after receipt
  for (const step of steps) {
    let h = Math.max(step.h, prev + 0.02);
    if (step.who !== 'customer' && step.who !== 'system') {
      // The next opening; for the last few steps, which cannot wait, the last closing.
      const at = receivedAt.getTime() + h * HOUR;
      const wait = hoursUntilOpen(at, timeZone);
      const back = wait > 0 ? hoursSinceClose(at, timeZone) + jitter() : 0;
      if (wait > 0 && h + wait + 1 <= limitH) h += wait + jitter();
      else if (wait > 0 && h - back >= prev + 0.02) h -= back;
    }
    step.h = Math.min(h, Math.max(limitH, prev));
    prev = step.h;
  }
}

// The actions that take one demo complaint to its target state, with when (hours after receipt)
// and who takes each. Only legal paths are written here; the real lifecycle checks them again
// when the loader applies them.
import type { ActionType } from '../../domain/complaint/actions.ts';
import type { Channel, ComplaintFlag } from '../../domain/complaint/states.ts';
import type { Lang, Phrases, Topic, Vars } from './demo-texts.ts';
import type { DemoDepartment, StaffKey } from './demo-users.ts';

export type Who = StaffKey | 'customer' | 'system';
export type Payload = Record<string, unknown> | ((at: Date) => Record<string, unknown>);

export interface Step {
  action: ActionType;
  who: Who;
  payload: Payload;
  /** Hours after receipt. */
  h: number;
}

/** A seeded generator (mulberry32): the same demo every time. */
export class Rng {
  constructor(private s: number) {}
  next(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  int(min: number, max: number): number {
    return Math.floor(this.between(min, max + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

export type DecidedOutcome = 'upheld' | 'partly_upheld' | 'not_upheld';

const MEMBER: Record<DemoDepartment, StaffKey | null> = {
  'customer-success': null,
  billing: 'billing',
  network: 'noc',
  'datacentre-operations': 'dcops',
};

export interface ScriptContext {
  rng: Rng;
  topic: Topic;
  vars: Vars;
  phrases: Phrases;
  lang: Lang;
  channel: Channel;
  handler: StaffKey;
  manager: StaffKey;
  currency: 'GBP' | 'VND';
  amount: number;
  outcome: DecidedOutcome;
  preferredMethod: 'email' | 'post' | 'phone';
  /** Hours after receipt at which the policy's deadlock clock falls due, if it has one. */
  deadlockDueH: number | null;
  letterAutomatic: boolean;
  letterRefusedFlags: readonly ComplaintFlag[];
  adrScheme: string | null;
}

/** Builds one complaint's steps; `t` is the time of the last step, in hours after receipt. */
export class Script {
  readonly steps: Step[] = [];
  t = 0;
  flags: ComplaintFlag[] = [];
  redressOffered = false;

  constructor(readonly c: ScriptContext) {}

  private add(action: ActionType, who: Who, payload: Payload, gap: number): this {
    this.t += gap;
    this.steps.push({ action, who, payload, h: this.t });
    return this;
  }
  private gap(min: number, max: number) {
    return this.c.rng.between(min, max);
  }
  private pick<T>(items: readonly T[]): T {
    return this.c.rng.pick(items);
  }

  acknowledge(): this {
    // One in seven is acknowledged late, so the acknowledgement clock is breached.
    const late = this.c.rng.chance(0.15);
    return this.add('acknowledge', this.c.handler, {}, late ? this.gap(30, 80) : this.gap(0.3, 16));
  }

  flag(flag: ComplaintFlag, reasons: string[]): this {
    if (this.flags.includes(flag)) return this;
    this.flags.push(flag);
    return this.add('flag', this.c.manager, { flag, reason: this.pick(reasons) }, this.gap(0.5, 8));
  }

  startInvestigation(): this {
    return this.add('start-investigation', this.c.handler, {}, this.gap(0.5, 24));
  }

  note(): this {
    const who = this.c.rng.chance(0.8) ? this.c.handler : this.c.manager;
    return this.add('add-note', who, { text: this.pick(this.c.phrases.notes) }, this.gap(1, 30));
  }

  customerReply(): this {
    const message = this.pick(this.c.phrases.customerReplies);
    return this.add('customer-reply', 'customer', { message }, this.gap(4, 72));
  }

  resolutionPlan(): this {
    const plan = this.c.topic.plan;
    return this.add('agree-resolution-plan', this.c.handler, { plan }, this.gap(4, 100));
  }

  requestInformation(): this {
    const questions = [this.c.topic.question];
    return this.add('request-information', this.c.handler, { questions }, this.gap(2, 48));
  }

  receiveInformation(): this {
    const information = this.c.topic.answer(this.c.vars);
    const who = this.c.rng.chance(0.6) ? 'customer' : this.c.handler;
    return this.add('receive-information', who, { information }, this.gap(20, 120));
  }

  /** Transfer to the topic's department; false when the team that has it owns it already. */
  transfer(): boolean {
    const dept = this.c.topic.department;
    if (dept === 'customer-success') return false;
    const reason = this.c.phrases.transferReasons[dept];
    this.add('transfer', this.c.handler, { departmentId: dept, reason }, this.gap(1, 24));
    if (this.c.lang === 'vi' || this.c.topic.policy === 'vn-datacentre') {
      // Seed 004: feedback to the customer within 24 hours of the transfer (one in ten late).
      const message = this.pick(this.c.phrases.progress);
      const gap = this.c.rng.chance(0.1) ? this.gap(30, 60) : this.gap(1, 20);
      this.add('report-progress', this.c.handler, { message, method: this.c.preferredMethod }, gap);
    }
    return true;
  }

  departmentRespond(): this {
    const member = MEMBER[this.c.topic.department]!;
    const payload = {
      findings: this.c.topic.findings(this.c.vars),
      rootCause: this.c.topic.rootCause,
      // The demo's findings are written so a customer can read them: the response states them.
      customerSummary: this.c.topic.findings(this.c.vars),
    };
    return this.add('department-respond', member, payload, this.gap(20, 150));
  }

  progress(): this {
    const message = this.pick(this.c.phrases.progress);
    const payload = { message, method: this.c.preferredMethod };
    return this.add('report-progress', this.c.handler, payload, this.gap(24, 200));
  }

  escalate(who: Who = this.c.handler): this {
    const reason = this.pick(this.c.phrases.escalateReasons);
    return this.add('escalate', who, { reason }, this.gap(2, 72));
  }

  requestEscalation(): this {
    const reason = this.pick(this.c.phrases.customerEscalation);
    return this.add('request-escalation', 'customer', { reason }, this.gap(24, 120));
  }

  deescalate(): this {
    const reason = this.pick(this.c.phrases.deescalateReasons);
    return this.add('deescalate', this.c.manager, { reason }, this.gap(4, 72));
  }

  /** Hands the complaint to another member of the team. */
  assign(assigneeId: string): this {
    const reason = this.c.lang === 'vi' ? 'Cân đối khối lượng công việc' : 'Workload balancing';
    return this.add('assign', this.c.handler, { assigneeId, reason }, this.gap(1, 48));
  }

  /** Optional work while investigating: a plan, questions, a department, notes. */
  investigationExtras(opts: { escalation?: boolean } = {}): this {
    const rng = this.c.rng;
    if (rng.chance(0.45)) this.resolutionPlan();
    if (rng.chance(0.2)) this.requestInformation().receiveInformation();
    if (rng.chance(0.4) && this.transfer()) this.departmentRespond();
    if (rng.chance(0.2)) this.note();
    if (rng.chance(0.15)) this.customerReply();
    if (opts.escalation !== false && rng.chance(0.08)) this.escalate().deescalate();
    return this;
  }

  offerRedress(): this {
    const { redress } = this.c.topic;
    this.redressOffered = true;
    const payload =
      redress.kind === 'money'
        ? {
            kind: 'money',
            description: redress.description,
            amount: this.c.amount,
            currency: this.c.currency,
          }
        : { kind: 'action', description: redress.description };
    return this.add('offer-redress', this.c.handler, payload, this.gap(1, 24));
  }

  redressAccepted(completed: boolean): this {
    this.add('record-redress-accepted', 'customer', {}, this.gap(2, 96));
    if (completed) {
      const note = this.c.phrases.redressDone;
      this.add('record-redress-completed', this.c.handler, { note }, this.gap(24, 200));
    }
    return this;
  }

  propose(): this {
    const payload = {
      response: this.c.topic.response(this.c.vars),
      outcome: this.c.outcome,
      rootCause: this.c.topic.rootCause,
      // What went wrong, for the customer (a seed-004 response must state the cause).
      cause: this.c.topic.findings(this.c.vars),
    };
    return this.add('propose-response', this.c.handler, payload, this.gap(4, 72));
  }

  /** A manager approves (sometimes after sending the draft back once). */
  approve(): this {
    if (this.c.rng.chance(0.12)) {
      const reason = this.pick(this.c.phrases.rejectReasons);
      this.add('reject-response', this.c.manager, { reason }, this.gap(1, 24));
      this.propose();
    }
    const note = this.pick(this.c.phrases.approveNotes);
    return this.add('approve-response', this.c.manager, { note }, this.gap(0.5, 24));
  }

  /**
   * Sends the response. The letter states the remedy: the redress offered, else (passed with
   * the action, as the communication reads its details from it) what is done or that none is due.
   */
  respond(): this {
    const remedy = this.redressOffered
      ? {}
      : {
          remedy:
            this.c.outcome === 'not_upheld'
              ? this.c.phrases.noRemedy
              : this.c.topic.redress.description,
        };
    const payload = { method: this.c.preferredMethod, ...remedy };
    return this.add('respond', this.c.handler, payload, this.gap(0.2, 8));
  }

  /** From acknowledged to a response sent; redress offered when the complaint is upheld. */
  toResponse(): this {
    this.startInvestigation().investigationExtras();
    const redress = this.c.outcome !== 'not_upheld' && this.c.rng.chance(0.75);
    if (redress) this.offerRedress();
    this.propose().approve().respond();
    if (redress && this.c.rng.chance(0.8)) this.redressAccepted(this.c.rng.chance(0.8));
    return this;
  }

  reopen(): this {
    const reason = this.pick(this.c.phrases.reopenReasons);
    return this.add('reopen', 'customer', { reason }, this.gap(24, 240));
  }

  resolveOnFirstContact(): this {
    const payload = { outcome: 'resolved_on_first_contact', resolution: this.c.topic.firstContact };
    return this.add('resolve-on-first-contact', this.c.handler, payload, this.gap(0.1, 0.5));
  }

  withdraw(): this {
    const reason = this.pick(this.c.phrases.withdrawReasons);
    const who = this.c.rng.chance(0.5) ? 'customer' : this.c.handler;
    return this.add('withdraw', who, { reason }, this.gap(12, 200));
  }

  /** The deadlock clock breaching (the scheduler's act), or the manager's final position. */
  deadlock(byClock: boolean): this {
    const due = this.c.deadlockDueH;
    if (byClock && due !== null && due + 0.1 > this.t) {
      this.add('deadlock', 'system', { reason: 'The deadlock clock expired.' }, due + 0.1 - this.t);
    } else {
      const reason = this.pick(this.c.phrases.deadlockReasons);
      this.add('deadlock', this.c.manager, { reason }, this.gap(24, 200));
    }
    return this;
  }

  /** What follows a deadlock: the letter sent (unprompted or on request), or refused. */
  deadlockLetter(): this {
    if (!this.c.adrScheme || this.c.topic.policy !== 'uk-comms-ombudsman') return this;
    const refused = this.flags.some((f) => this.c.letterRefusedFlags.includes(f));
    if (refused) {
      this.add('request-deadlock-letter', 'customer', {}, this.gap(24, 120));
      const reason = this.pick(this.c.phrases.refuseLetterReasons);
      return this.add('refuse-deadlock-letter', this.c.handler, { reason }, this.gap(1, 24));
    }
    if (this.c.letterAutomatic) {
      return this.add('send-deadlock-letter', 'system', { method: this.c.preferredMethod }, 0.05);
    }
    this.add('request-deadlock-letter', 'customer', {}, this.gap(24, 200));
    return this.add('send-deadlock-letter', this.c.handler, { method: 'post' }, this.gap(2, 24));
  }

  referToAdr(): this {
    const prefix = this.c.topic.policy === 'uk-fca-disp' ? 'PNX' : 'CO';
    const number = this.c.rng.int(100000, 999999);
    // The customer went to the scheme a day or two before it told us.
    const payload = (at: Date) => ({
      referredAt: new Date(at.getTime() - 36 * 3_600_000).toISOString().slice(0, 10),
      caseReference: `${prefix}-${at.getUTCFullYear()}-${number}`,
    });
    return this.add('refer-to-adr', this.c.handler, payload, this.gap(72, 400));
  }

  adrDecision(decision: DecidedOutcome): this {
    const payload =
      decision === 'not_upheld'
        ? { decision }
        : { decision, award: `${this.c.vars.amount} and a written apology` };
    this.add('record-adr-decision', this.c.handler, payload, this.gap(300, 900));
    if (decision !== 'not_upheld') {
      this.offerRedress().redressAccepted(true);
      const note = this.c.phrases.adrCompliance;
      this.add('record-adr-compliance', this.c.handler, { note }, this.gap(1, 24));
    }
    return this;
  }

  close(
    fields: {
      outcome?: string;
      rootCause?: string;
      summary?: string;
      lessonsLearned?: string;
    } = {},
  ): this {
    const payload = {
      rootCause: fields.rootCause ?? this.c.topic.rootCause,
      summary: fields.summary ?? this.c.topic.summary,
      lessonsLearned: fields.lessonsLearned ?? this.c.topic.lessons,
      ...(fields.outcome ? { outcome: fields.outcome } : {}),
    };
    return this.add('close', this.c.handler, payload, this.gap(24, 240));
  }

  /** The customer's rating, roughly in line with the outcome. */
  rate(outcome: string): this {
    const good = outcome === 'upheld' || outcome === 'resolved_on_first_contact';
    const base = good ? 4 : outcome === 'partly_upheld' ? 3 : 1;
    const raw = base + this.c.rng.int(0, 1) - (this.c.rng.chance(0.15) ? 1 : 0);
    const score = Math.min(5, Math.max(1, raw)) as 1 | 2 | 3 | 4 | 5;
    const comment = this.pick(this.c.phrases.ratings[score]);
    return this.add('rate-satisfaction', 'customer', { score, comment }, this.gap(1, 96));
  }

  procedureCopy(): this {
    return this.add('request-procedure-copy', 'customer', { method: 'post' }, this.gap(1, 48));
  }

  /** Progress reports every two weeks from a month after receipt, up to `until` hours. */
  progressReports(until: number): this {
    for (let at = 31 * 24; at + 8 < until && at < 31 * 24 + 2 * 14 * 24; at += 14 * 24) {
      if (at <= this.t) continue;
      const payload = {
        message: this.pick(this.c.phrases.progress),
        method: this.c.preferredMethod,
      };
      this.add('report-progress', this.c.handler, payload, at - this.t + this.gap(0, 8));
    }
    return this;
  }
}

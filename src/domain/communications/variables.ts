// The variables a message template may use, and their values for one complaint: the policy's
// organisation, promises and ADR scheme, the complaint and its customer, its running clocks as
// dates in the customer's language and the policy's time zone, and the per-kind details a
// handler supplies (questions asked, plan, response, reason …). Pure: time is passed in.
import { calendarFor } from '../clocks/policy-clocks.ts';
import { OUTCOMES, type Channel, type Outcome } from '../complaint/states.ts';
import { formatDay, localParts, promisedDay } from '../policy/dates.ts';
import { renderProcedure, withinPhrase } from '../policy/render.ts';
import {
  COMMUNICATION_KINDS,
  type ClockConfig,
  type Duration,
  type Language,
  type Policy,
} from '../policy/schema.ts';
import {
  dueDate,
  formatDate,
  formatDue,
  formatIsoDate,
  SENTENCES,
  spanWords,
  theName,
} from './phrases.ts';
import { NOTHING_NEW, progressLines, type ProgressEvent } from './progress.ts';
import { addSpan, isTimeLimitPosition, referralSentences } from './rights.ts';
import {
  escapeMarkup,
  Markup,
  type TemplateVars,
  type VariableSpec,
  type VariableType,
} from './template.ts';

export type Kind = (typeof COMMUNICATION_KINDS)[number];

interface VariableDoc {
  type: VariableType;
  description: string;
}

/** Available to every kind. */
export const COMMON_VARIABLES: Record<string, VariableDoc> = {
  reference: { type: 'text', description: 'the complaint reference, e.g. RD-2026-000123' },
  tracking_url: {
    type: 'text',
    description:
      "the customer's tracking link (/track/{reference}?token=…), to follow the complaint and act on it; absent for a complaint registered before links were kept",
  },
  customer_name: { type: 'text', description: "the customer's name" },
  complaint_subject: { type: 'text', description: "the complaint's subject" },
  received_date: { type: 'text', description: 'the date the complaint was received' },
  letter_date: { type: 'text', description: "today's date" },
  organisation_name: {
    type: 'text',
    description: 'the organisation\'s name (policy), or "The complaints team" when it names none',
  },
  organisation_address: { type: 'text', description: "the organisation's address on one line" },
  organisation_phone: { type: 'text', description: "the organisation's phone number" },
  organisation_email: { type: 'text', description: "the organisation's e-mail address" },
  organisation_website: { type: 'text', description: "the organisation's website" },
  procedure_title: { type: 'text', description: 'the title of the published procedure' },
  promises: {
    type: 'list',
    description: "every promise of the procedure for this complaint's channel, as sentences",
  },
  deadlines: {
    type: { list: ['clock', 'label', 'promise', 'due', 'due_date'] },
    description:
      'the running clocks: clock (name), label, promise (sentence), due ("by 17:00 on …"), due_date',
  },
  response_promise: { type: 'text', description: 'the promise of the response clock' },
  response_due: { type: 'text', description: 'when the response is due ("by … on …")' },
  feedback_due: { type: 'text', description: 'when feedback after a transfer is due' },
  has_adr: { type: 'flag', description: 'the policy names an ADR scheme' },
  scheme_name: { type: 'text', description: "the ADR scheme's name" },
  the_scheme: {
    type: 'text',
    description: 'the scheme\'s name as a sentence uses it ("the Financial Ombudsman Service")',
  },
  scheme_address: { type: 'list', description: "the ADR scheme's address lines" },
  scheme_phone: { type: 'text', description: "the ADR scheme's phone number" },
  scheme_email: { type: 'text', description: "the ADR scheme's e-mail address" },
  scheme_website: { type: 'text', description: "the ADR scheme's website" },
  scheme_url: { type: 'text', description: "the ADR scheme's website as a link (https://…)" },
  adr_after: { type: 'text', description: 'how long before the customer may go to ADR' },
  adr_time_limit: {
    type: 'text',
    description: 'how long the customer has to refer, e.g. "six months"',
  },
  adr_right: {
    type: 'text',
    description:
      'sentence: the right to refer to the ADR scheme as it stands on the day of the letter (now, or from when)',
  },
  adr_free_text: { type: 'text', description: 'sentence: referring is free of charge' },
  adr_time_limit_text: {
    type: 'text',
    description: 'sentence: the time limit to refer, and the letter it runs from',
  },
  adr_now: { type: 'flag', description: 'the customer may refer to the scheme now' },
  adr_leaflet: {
    type: 'text',
    description:
      "sentence: the scheme's leaflet is enclosed (when the policy requires fos_leaflet)",
  },
  time_limit_waiver: {
    type: 'text',
    description:
      'the standard wording on the time limit, FCA DISP 1 Annex 3R (when the policy requires time_limit_waiver_wording)',
  },
  review_right: {
    type: 'text',
    description: 'sentence: how to ask for a review (as the policy promises), or to get in touch',
  },
  resolved_statement: { type: 'text', description: 'sentence: the complaint is resolved' },
  enclosures: {
    type: 'list',
    description: 'what is sent with the message (the scheme leaflet), by title',
  },
  outcome_text: { type: 'text', description: 'sentence: the outcome of the complaint' },
};

type ExtraType = 'text' | 'date' | 'list' | 'outcome';

/** What a handler supplies per kind (or what is taken from the complaint's history). */
export const EXTRA_FIELDS: Record<
  Kind,
  Record<string, { type: ExtraType; description: string }>
> = {
  acknowledgement: {},
  request_for_information: {
    questions: { type: 'list', description: 'the questions asked' },
    reply_by: { type: 'date', description: 'the date a reply is asked for' },
  },
  transfer_notice: {
    department_name: { type: 'text', description: 'the department the complaint went to' },
  },
  progress_report: {
    progress_note: {
      type: 'text',
      description: 'what has happened so far, in words for the customer',
    },
    next_report_date: { type: 'date', description: 'when the next report will come' },
  },
  resolution_plan: {
    plan: { type: 'text', description: 'the resolution plan' },
    target_date: { type: 'date', description: 'the date the plan should be carried out by' },
  },
  final_response: {
    response_text: { type: 'text', description: 'the response' },
    outcome: { type: 'outcome', description: `the outcome (${OUTCOMES.join(', ')})` },
    cause: { type: 'text', description: 'the cause found' },
    remedy: { type: 'text', description: 'what will be done to put things right' },
    time_limit_position: {
      type: 'text',
      description: 'the time-limit wording to use: no_consent, consent or out_of_time',
    },
  },
  adr_notice: {
    reason: { type: 'text', description: 'why no final response can be given yet' },
    expected_date: { type: 'date', description: 'when the final response is expected' },
  },
  deadlock_letter: {
    reason: { type: 'text', description: 'why the complaint is deadlocked' },
  },
  deadlock_refusal: {
    reason: { type: 'text', description: 'why the deadlock letter is refused' },
  },
  summary_resolution: {
    resolution: { type: 'text', description: 'how the complaint was resolved' },
    outcome: { type: 'outcome', description: `the outcome (${OUTCOMES.join(', ')})` },
    time_limit_position: {
      type: 'text',
      description: 'the time-limit wording to use: no_consent, consent or out_of_time',
    },
  },
  procedure_copy: {},
  receipt: {},
  satisfaction_survey: {},
};

/** Variables made for one kind only (not supplied by the caller). */
const KIND_VARIABLES: Partial<Record<Kind, Record<string, VariableDoc>>> = {
  progress_report: {
    progress_events: {
      type: 'list',
      description: 'what has happened since the last report, one dated sentence per step',
    },
  },
  deadlock_letter: {
    final_position: {
      type: 'flag',
      description:
        'a person decided the complaint is deadlocked (else the letter is sent at the time limit, while work goes on)',
    },
  },
  procedure_copy: {
    procedure_text: {
      type: 'text',
      description: 'the published procedure, generated from the policy',
    },
  },
};

const EXTRA_VARIABLE: Record<ExtraType, VariableType> = {
  text: 'text',
  date: 'text',
  list: 'list',
  outcome: 'text',
};

/** Every variable a template of this kind may use. */
export function variableSpec(kind: Kind): VariableSpec {
  const spec: VariableSpec = {};
  for (const [k, v] of Object.entries(COMMON_VARIABLES)) spec[k] = v.type;
  for (const [k, v] of Object.entries(EXTRA_FIELDS[kind])) spec[k] = EXTRA_VARIABLE[v.type];
  for (const [k, v] of Object.entries(KIND_VARIABLES[kind] ?? {})) spec[k] = v.type;
  return spec;
}

/** The variables of a kind with their descriptions (for the template editor). */
export function variableDocs(kind: Kind): { name: string; type: string; description: string }[] {
  const docs = { ...COMMON_VARIABLES, ...KIND_VARIABLES[kind] };
  for (const [k, v] of Object.entries(EXTRA_FIELDS[kind])) {
    docs[k] = { type: EXTRA_VARIABLE[v.type], description: v.description };
  }
  return Object.entries(docs).map(([name, d]) => ({
    name,
    type: typeof d.type === 'object' ? `list of {${d.type.list.join(', ')}}` : d.type,
    description: d.description,
  }));
}

export type Extra = Record<string, string | string[]>;

/** Checks a caller's per-kind details; returns one message per problem. */
export function checkExtra(kind: Kind, extra: Record<string, unknown>): string[] {
  const fields = EXTRA_FIELDS[kind];
  const problems: string[] = [];
  for (const [k, v] of Object.entries(extra)) {
    const f = fields[k];
    if (!f) {
      const known = Object.keys(fields);
      problems.push(
        `extra.${k}: not a field of a ${kind}${known.length ? `; expected ${known.join(', ')}` : ' (it takes none)'}`,
      );
      continue;
    }
    if (v === undefined || v === null) continue;
    if (f.type === 'list') {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
        problems.push(`extra.${k}: expected a list of texts`);
      }
    } else if (typeof v !== 'string') {
      problems.push(`extra.${k}: expected a text`);
    } else if (f.type === 'date' && !/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(v)) {
      problems.push(`extra.${k}: expected a date as YYYY-MM-DD or an ISO-8601 instant`);
    } else if (f.type === 'outcome' && !(OUTCOMES as readonly string[]).includes(v)) {
      problems.push(`extra.${k}: expected one of ${OUTCOMES.join(', ')}`);
    } else if (k === 'time_limit_position' && !isTimeLimitPosition(v)) {
      problems.push(`extra.${k}: expected no_consent, consent or out_of_time`);
    }
  }
  return problems;
}

export interface ClockState {
  name: string;
  dueAt: Date | null;
  stoppedAt: Date | null;
}

export interface CommunicationContext {
  policy: Policy;
  lang: Language;
  kind: Kind;
  now: Date;
  complaint: {
    reference: string;
    subject: string;
    receivedAt: Date;
    channel: Channel;
    outcome: Outcome | null;
    /** The customer's tracking link, when the server can rebuild it. */
    trackingUrl?: string | null;
  };
  customer: { name: string };
  clocks: readonly ClockState[];
  /** Per-kind details (checked with checkExtra). */
  extra: Record<string, unknown>;
  /** The policy's mustInclude tokens for this message: wording only some regulators ask for
   *  (the FOS leaflet, the DISP time-limit wording) is offered only when required. */
  mustInclude?: readonly string[];
  /** What is sent with the message, by title (checked by the required-content rules). */
  enclosures?: readonly { id: string; title: string }[];
  /** What the complaint's history says, for a progress report and a deadlock letter. */
  facts?: {
    /** Steps of the complaint, oldest first. */
    events?: readonly ProgressEvent[];
    /** When the last progress report was sent (null: none yet). */
    lastReportAt?: Date | null;
    /** A person decided the complaint is deadlocked (not the time limit). */
    finalPosition?: boolean;
  };
}

/** A clock's promise in the customer's language: the policy's own wording, filled in. */
export function promiseOf(clock: ClockConfig, name: string, policy: Policy, lang: Language) {
  const within = withinPhrase(clock, policy, lang);
  const own = clock.promise?.[lang];
  if (own) {
    return own.includes('{within}')
      ? own.replaceAll('{within}', within)
      : `${own.replace(/[.\s]+$/, '')} ${within}.`;
  }
  const label = clock.label ?? name.replaceAll('_', ' ');
  return `${label}: ${within}.`;
}

function approxMs(d: Duration): number {
  const unit: Record<Duration['unit'], number> = {
    calendar_hours: 1,
    working_hours: 1.4,
    business_hours: 3,
    working_days: 33.6,
    calendar_days: 24,
    calendar_weeks: 168,
    calendar_months: 730,
  };
  return d.amount * unit[d.unit];
}

const list = <T>(v: T | T[] | undefined): T[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/** The clock that times the response: started at receipt, stopped by it, not the deadlock
 *  clock; regulatory before internal, then the longest. */
export function responseClock(policy: Policy, channel: Channel): [string, ClockConfig] | null {
  const candidates = Object.entries(policy.clocks).filter(
    ([name, c]) =>
      (!c.channels || c.channels.includes(channel)) &&
      list(c.startsOn).includes('received') &&
      list(c.stopsOn).includes('responded') &&
      name !== 'deadlock' &&
      !c.onBreach.some((a) => a.do === 'deadlock'),
  );
  candidates.sort(
    ([, a], [, b]) => Number(b.regulatory) - Number(a.regulatory) || approxMs(b) - approxMs(a),
  );
  return candidates[0] ?? null;
}

/** A date a person gave (reply by, target date …): a calendar date as it is, an instant as its
 *  local date; a date already past is not promised. */
function dateValue(v: unknown, lang: Language, tz: string, now: Date): string | undefined {
  if (typeof v !== 'string' || !v) return undefined;
  const today = localParts(now, tz).date;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v < today ? undefined : formatIsoDate(v, lang);
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return undefined;
  return localParts(d, tz).date < today ? undefined : formatDate(d, lang, tz);
}

/** The procedure text (underlined headings, indented lists) as Markdown-light: headings bold,
 *  lists as lists, everything else escaped. */
export function procedureMarkup(text: string): Markup {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1] ?? '';
    if (line.trim() && /^(=+|-{3,})$/.test(next)) {
      out.push('', `**${escapeMarkup(line.trim())}**`);
      i++;
      continue;
    }
    const bullet = /^\s*- (.*)$/.exec(line);
    if (bullet) out.push(`- ${escapeMarkup(bullet[1]!)}`);
    else out.push(escapeMarkup(line.trim()));
  }
  return new Markup(
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  );
}

/** Every variable's value for one message. Promised dates are computed from the clocks at
 *  the moment of writing (`now`): none already past, none on a day the calendar does not work. */
export function buildVariables(ctx: CommunicationContext): TemplateVars {
  const { policy, lang, complaint, now } = ctx;
  const tz = policy.timezone;
  const calendar = calendarFor(policy);
  const promise = { calendar, now };
  const s = SENTENCES[lang];
  const org = policy.organisation;
  const orgName = org?.name ?? s.ourTeam;
  const adr = policy.adr;
  const scheme = adr?.scheme;
  const vars: TemplateVars = {
    reference: complaint.reference,
    tracking_url: complaint.trackingUrl ?? undefined,
    customer_name: ctx.customer.name,
    complaint_subject: complaint.subject,
    received_date: formatDate(complaint.receivedAt, lang, tz),
    letter_date: formatDate(now, lang, tz),
    organisation_name: orgName,
    organisation_address: org?.address.join(', ') ?? '',
    organisation_phone: org?.phone,
    organisation_email: org?.email,
    organisation_website: org?.website,
    procedure_title: policy.title?.[lang] ?? policy.title?.en ?? policy.name,
    // The review is offered only where the procedure promises it (render.ts words it the same).
    review_right: policy.escalation?.onRequest ? s.reviewRight(org?.name ?? null) : s.questions,
    resolved_statement: s.resolved,
    has_adr: Boolean(adr),
    enclosures: (ctx.enclosures ?? []).map((e) => e.title),
  };

  vars.promises = Object.entries(policy.clocks)
    .filter(([, c]) => !c.channels || c.channels.includes(complaint.channel))
    .map(([name, c]) => promiseOf(c, name, policy, lang));
  const running = ctx.clocks.filter(
    (c) => !c.stoppedAt && c.dueAt && c.dueAt > now && policy.clocks[c.name],
  );
  vars.deadlines = running.map((c) => {
    const config = policy.clocks[c.name]!;
    return {
      clock: c.name,
      label: config.label ?? c.name,
      promise: promiseOf(config, c.name, policy, lang),
      due: formatDue(c.dueAt!, lang, tz, promise),
      due_date: dueDate(c.dueAt!, lang, tz, promise),
    };
  });
  const rc = responseClock(policy, complaint.channel);
  if (rc) {
    vars.response_promise = promiseOf(rc[1], rc[0], policy, lang);
    const inst = ctx.clocks.find((c) => c.name === rc[0] && !c.stoppedAt);
    if (inst?.dueAt) vars.response_due = formatDue(inst.dueAt, lang, tz, promise);
  }
  const transfer = running.find((c) =>
    list(policy.clocks[c.name]!.startsOn).includes('transferred'),
  );
  if (transfer?.dueAt) vars.feedback_due = formatDue(transfer.dueAt, lang, tz, promise);

  if (adr && scheme) {
    Object.assign(vars, {
      scheme_name: scheme.name,
      the_scheme: lang === 'en' ? theName(scheme.name) : scheme.name,
      scheme_address: scheme.address,
      scheme_phone: scheme.phone,
      scheme_email: scheme.email,
      scheme_website: scheme.website,
      scheme_url: scheme.website
        ? /^https?:\/\//.test(scheme.website)
          ? scheme.website
          : `https://${scheme.website}`
        : undefined,
    });
    const position = ctx.extra.time_limit_position;
    const rights = referralSentences(
      policy,
      ctx.kind,
      complaint.receivedAt,
      now,
      lang,
      isTimeLimitPosition(position) ? position : undefined,
    );
    if (rights) {
      vars.adr_right = rights.referral;
      vars.adr_time_limit_text = rights.timeLimit;
      vars.time_limit_waiver = rights.waiver;
    }
    vars.adr_now = referralNow(ctx);
    const enclosed = (ctx.enclosures ?? []).find((e) => e.id === 'scheme_leaflet');
    if (enclosed) vars.adr_leaflet = s.adrLeaflet(enclosed.title, scheme.website);
    if (adr.free) vars.adr_free_text = s.adrFree(scheme.name);
    if (adr.after) vars.adr_after = spanWords(adr.after, lang);
    if (adr.timeLimit) vars.adr_time_limit = spanWords(adr.timeLimit, lang);
  }

  const fields = EXTRA_FIELDS[ctx.kind];
  for (const [k, f] of Object.entries(fields)) {
    const v = ctx.extra[k];
    if (f.type === 'date') vars[k] = dateValue(v, lang, tz, now);
    else if (f.type === 'list') vars[k] = Array.isArray(v) ? (v as string[]) : undefined;
    else if (f.type === 'outcome') vars[k] = typeof v === 'string' ? v : undefined;
    else vars[k] = typeof v === 'string' ? v : undefined;
  }
  const outcome =
    (typeof ctx.extra.outcome === 'string' ? ctx.extra.outcome : null) ?? complaint.outcome;
  if (outcome && (OUTCOMES as readonly string[]).includes(outcome)) {
    vars.outcome_text = s.outcome[outcome as Outcome];
  }
  // A complaint not upheld has nothing to put right, and its response says so.
  if (ctx.kind === 'final_response' && !vars.remedy && outcome === 'not_upheld') {
    vars.remedy = s.noRemedy;
  }
  if (ctx.kind === 'progress_report') progressVariables(ctx, vars);
  if (ctx.kind === 'deadlock_letter') vars.final_position = Boolean(ctx.facts?.finalPosition);
  if (ctx.kind === 'procedure_copy') {
    vars.procedure_text = procedureMarkup(renderProcedure(policy, lang, { asOf: now }));
  }
  return vars;
}

function referralNow(ctx: CommunicationContext): boolean {
  const adr = ctx.policy.adr;
  if (!adr) return false;
  if (adr.openedBy.includes(ctx.kind)) return true;
  const r = referralSentences(ctx.policy, ctx.kind, ctx.complaint.receivedAt, ctx.now, 'en');
  return Boolean(r && /^You can now/.test(r.referral));
}

/** A progress report says what has happened since the last one and when the next will come. */
function progressVariables(ctx: CommunicationContext, vars: TemplateVars): void {
  const { policy, lang, now } = ctx;
  const tz = policy.timezone;
  const lines = progressLines(ctx.facts?.events ?? [], ctx.facts?.lastReportAt ?? null, lang, tz);
  vars.progress_events = lines.length > 0 || vars.progress_note ? lines : [NOTHING_NEW[lang]];
  if (!vars.next_report_date) {
    const every =
      policy.progressReports?.every ??
      Object.values(policy.clocks)
        .flatMap((c) => c.onBreach)
        .find((a) => a.do === 'send' && a.repeat && /progress/.test(a.communication ?? ''))?.repeat;
    if (every) {
      const p = promisedDay(addSpan(now, every, policy), tz, {
        calendar: calendarFor(policy),
        now,
      });
      if (p) vars.next_report_date = formatDay(p.date, lang);
    }
  }
}

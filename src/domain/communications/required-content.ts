// Required content: what a message must say before it may be sent. The rules are the policy's
// data: `requiredContent.<kind>` (defaults in schema.ts: a deadlock letter or ADR notice names the
// scheme, its website, the time limit and that the customer may refer now; a progress report says
// what happened since the last one) plus `communications.<name>.mustInclude`. Each token maps to a
// value or a sentence made from the policy and the complaint (./variables.ts, ./rights.ts) that
// must appear in the rendered text, or to an enclosure that must be sent with it; a token ending
// in "?" applies only when the policy holds what it needs. An unknown token is a policy error.
// Pure.
import type { Language, Policy } from '../policy/schema.ts';
import { spanForms, spanWords, theName } from './phrases.ts';
import type { TemplateVars } from './template.ts';
import type { Kind } from './variables.ts';

export const MISSING_REQUIRED_CONTENT = 'COMMUNICATION.MISSING_REQUIRED_CONTENT';
export const UNKNOWN_REQUIRED_CONTENT = 'POLICY.UNKNOWN_REQUIRED_CONTENT';

/** One thing the text must contain: any one of `anyOf` (e.g. "six months" or "6 months"). */
export interface Requirement {
  token: string;
  what: string;
  anyOf: string[];
}

/** Something required that the text lacks, or that cannot be given at all (`why`). */
export interface MissingContent {
  token: string;
  what: string;
  why?: string;
}

interface RuleContext {
  policy: Policy;
  vars: TemplateVars;
  lang: Language;
  enclosures: readonly string[];
}

type RuleResult = Requirement[] | MissingContent;
type Rule = (c: RuleContext, token: string) => RuleResult;

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined;

/** The text of a variable must appear; without a value, the message cannot carry it. */
function variable(name: string, what: string, why: string): Rule {
  return (c, token) => {
    const v = c.vars[name];
    if (Array.isArray(v)) {
      const items = (v as unknown[]).map(str).filter((x): x is string => Boolean(x));
      if (items.length === 0) return { token, what, why };
      return items.map((x) => ({ token, what: `${what}: "${x}"`, anyOf: [x] }));
    }
    const s = str(v);
    return s ? [{ token, what, anyOf: [s] }] : { token, what, why };
  };
}

const NO_SCHEME = 'the policy names no ADR scheme (adr.scheme)';

const schemeName: Rule = (c, token) => {
  const s = c.policy.adr?.scheme;
  return s
    ? [{ token, what: `the ADR scheme's name (${s.name})`, anyOf: [s.name] }]
    : { token, what: "the ADR scheme's name", why: NO_SCHEME };
};

const schemeWebsite: Rule = (c, token) => {
  const s = c.policy.adr?.scheme;
  if (!s) return { token, what: "the ADR scheme's website", why: NO_SCHEME };
  if (!s.website) {
    return {
      token,
      what: `the website of ${theName(s.name)}`,
      why: 'the policy gives no adr.scheme.website',
    };
  }
  const bare = s.website.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return [{ token, what: `the website of ${theName(s.name)} (${s.website})`, anyOf: [bare] }];
};

const schemeContact: Rule = (c, token) => {
  const s = c.policy.adr?.scheme;
  if (!s) return { token, what: "the ADR scheme's contact details", why: NO_SCHEME };
  const out: Requirement[] = [
    { token, what: `the ADR scheme's name (${s.name})`, anyOf: [s.name] },
  ];
  for (const line of s.address) {
    out.push({ token, what: `the address of ${theName(s.name)} ("${line}")`, anyOf: [line] });
  }
  if (s.phone) {
    out.push({
      token,
      what: `the phone number of ${theName(s.name)} (${s.phone})`,
      anyOf: [s.phone],
    });
  }
  if (s.email) {
    out.push({
      token,
      what: `the e-mail address of ${theName(s.name)} (${s.email})`,
      anyOf: [s.email],
    });
  }
  if (s.website) {
    const bare = s.website.replace(/^https?:\/\//, '').replace(/\/$/, '');
    out.push({ token, what: `the website of ${theName(s.name)} (${s.website})`, anyOf: [bare] });
  }
  return out;
};

const timeLimit =
  (sixMonths: boolean): Rule =>
  (c, token) => {
    const adr = c.policy.adr;
    const what = 'the time limit for referring to the ADR scheme';
    if (!adr) return { token, what, why: NO_SCHEME };
    const tl = adr.timeLimit;
    if (!tl) return { token, what, why: 'the policy gives no adr.timeLimit' };
    if (sixMonths && !(tl.amount === 6 && tl.unit === 'calendar_months')) {
      return {
        token,
        what: 'the six-month time limit',
        why: `the policy's adr.timeLimit is ${tl.amount} ${tl.unit}, not six months`,
      };
    }
    return [{ token, what: `${what} (${spanWords(tl, c.lang)})`, anyOf: spanForms(tl, c.lang) }];
  };

const adrFree: Rule = (c, token) => {
  const adr = c.policy.adr;
  const what = 'that referring to the ADR scheme is free of charge';
  if (!adr) return { token, what, why: NO_SCHEME };
  if (!adr.free) return { token, what, why: 'the policy says the scheme is not free (adr.free)' };
  const sentence = str(c.vars.adr_free_text);
  return [
    {
      token,
      what,
      anyOf: [c.lang === 'en' ? 'free of charge' : 'miễn phí', ...(sentence ? [sentence] : [])],
    },
  ];
};

const needsScheme =
  (rule: Rule): Rule =>
  (c, token) =>
    c.policy.adr ? rule(c, token) : { token, what: 'the ADR scheme', why: NO_SCHEME };

const referralNow: Rule = (c, token) => {
  const what = 'that the customer may now refer the complaint to the ADR scheme';
  if (!c.policy.adr) return { token, what, why: NO_SCHEME };
  if (c.vars.adr_now !== true) {
    return {
      token,
      what,
      why: 'the customer may not refer yet (adr.after has not passed and adr.openedBy does not list this kind)',
    };
  }
  return variable('adr_right', what, NO_SCHEME)(c, token);
};

const leaflet: Rule = (c, token) => {
  const what = "the scheme's explanatory leaflet, enclosed";
  if (!c.policy.adr) return { token, what, why: NO_SCHEME };
  if (!c.enclosures.includes('scheme_leaflet')) {
    return {
      token,
      what,
      why: c.policy.adr.leaflet
        ? 'the communication does not enclose it (add scheme_leaflet to its `enclose`)'
        : 'the policy has no adr.leaflet to enclose',
    };
  }
  return variable('adr_leaflet', what, NO_SCHEME)(c, token);
};

const progressSinceLast: Rule = (c, token) => {
  const note = str(c.vars.progress_note);
  if (note) return [{ token, what: 'what has happened since the last report', anyOf: [note] }];
  return variable(
    'progress_events',
    'what has happened since the last report',
    'no steps and no note were given',
  )(c, token);
};

/** Every token a policy may list under mustInclude, and what it requires. */
export const REQUIRED_CONTENT_RULES: Record<string, Rule> = {
  // the complaint and its answer
  outcome: variable(
    'outcome_text',
    'the outcome of the complaint',
    'no outcome is recorded on the complaint or given (extra.outcome)',
  ),
  cause: variable('cause', 'the cause of the complaint', 'no cause was given (extra.cause)'),
  remedy: variable(
    'remedy',
    'what will be done to put things right',
    'no remedy was given (extra.remedy)',
  ),
  reason: variable('reason', 'the reason', 'no reason was given (extra.reason)'),
  reason_not_final: variable(
    'reason',
    'why a final response cannot be given yet',
    'no reason was given (extra.reason)',
  ),
  expected_final_response_date: variable(
    'expected_date',
    'when the final response is expected',
    'no date was given (extra.expected_date)',
  ),
  complaint_resolved: variable(
    'resolved_statement',
    'a statement that the complaint is resolved',
    'not available',
  ),
  how_to_ask_for_review: variable(
    'review_right',
    'how to ask for a review if not satisfied',
    'not available',
  ),
  // the procedure
  written_response_within_8_weeks: variable(
    'response_promise',
    'when the written response will be sent',
    'the policy has no clock stopped by the response',
  ),
  procedure_summary: variable(
    'promises',
    'a summary of the complaints procedure',
    'the policy has no clocks for this channel',
  ),
  // the ADR scheme
  right_to_adr: needsScheme(
    variable('adr_right', 'the right to refer to the ADR scheme', NO_SCHEME),
  ),
  adr_referral_condition: needsScheme(
    variable('adr_right', 'whether and when the customer may refer to the ADR scheme', NO_SCHEME),
  ),
  adr_referral_now: referralNow,
  progress_since_last: progressSinceLast,
  next_report: variable(
    'next_report_date',
    'when the next progress report will come',
    'no date was given and the policy sets no interval (progressReports.every)',
  ),
  fos_referral_right: needsScheme(
    variable('adr_right', 'the right to refer to the Financial Ombudsman Service', NO_SCHEME),
  ),
  adr_scheme_name: schemeName,
  adr_scheme_website: schemeWebsite,
  fos_website: schemeWebsite,
  adr_scheme_contact: schemeContact,
  adr_free_of_charge: adrFree,
  adr_time_limit: timeLimit(false),
  six_month_time_limit: timeLimit(true),
  time_limit_waiver_wording: (c, token) =>
    c.policy.adr?.timeLimit
      ? variable(
          'time_limit_waiver',
          'the standard wording on the time limit',
          'the policy gives no adr.timeLimitWording for this complaint, or this letter does not start the time limit (adr.timeLimitFrom)',
        )(c, token)
      : {
          token,
          what: 'the standard wording on the time limit',
          why: c.policy.adr ? 'the policy gives no adr.timeLimit' : NO_SCHEME,
        },
  fos_leaflet: leaflet,
  scheme_leaflet: leaflet,
};

export const REQUIRED_CONTENT_TOKENS: readonly string[] = Object.keys(REQUIRED_CONTENT_RULES);

/** Tokens listed by a policy that Redress does not know: a policy error. */
const bare = (token: string) => token.replace(/\?$/, '');

export function unknownRequiredContent(policy: Policy): { communication: string; token: string }[] {
  const out: { communication: string; token: string }[] = [];
  for (const [name, c] of Object.entries(policy.communications)) {
    for (const token of c.mustInclude) {
      if (!(bare(token) in REQUIRED_CONTENT_RULES)) out.push({ communication: name, token });
    }
  }
  for (const [kind, tokens] of Object.entries(policy.requiredContent)) {
    for (const token of tokens ?? []) {
      if (!(bare(token) in REQUIRED_CONTENT_RULES)) {
        out.push({ communication: `requiredContent.${kind}`, token });
      }
    }
  }
  return out;
}

/** The rules the policy sets for every message of a kind, as tokens ("?" = where it applies). */
export function kindTokens(kind: Kind, policy: Policy): string[] {
  return [...(policy.requiredContent[kind] ?? [])];
}

export class UnknownRequiredContentError extends Error {
  readonly code = UNKNOWN_REQUIRED_CONTENT;
  constructor(readonly unknown: { communication: string; token: string }[]) {
    super(
      unknown
        .map(
          (u) =>
            `communications.${u.communication}.mustInclude: unknown token "${u.token}"; known tokens: ${REQUIRED_CONTENT_TOKENS.join(', ')}`,
        )
        .join('; '),
    );
  }
}

export interface RequiredContentInput {
  policy: Policy;
  kind: Kind;
  /** The policy's name for the communication (for messages). */
  communicationName?: string;
  /** The policy's communication (its mustInclude), if the message is one the policy lists. */
  mustInclude?: readonly string[];
  vars: TemplateVars;
  lang: Language;
  /** What is sent with the message (ids of ENCLOSURES). */
  enclosures?: readonly string[];
}

/** Everything the message must contain, and what cannot be given at all. Throws
 *  UnknownRequiredContentError for a token Redress does not know. */
export function requiredContent(input: RequiredContentInput): {
  requirements: Requirement[];
  unavailable: MissingContent[];
} {
  const required = new Set((input.mustInclude ?? []).map(bare));
  const tokens = [...new Set([...kindTokens(input.kind, input.policy), ...required])].filter(
    // A token the communication requires outright is not also optional.
    (t) => !(t.endsWith('?') && required.has(bare(t))),
  );
  const unknown = tokens.filter((t) => !(bare(t) in REQUIRED_CONTENT_RULES));
  if (unknown.length > 0) {
    throw new UnknownRequiredContentError(
      unknown.map((token) => ({ communication: input.communicationName ?? input.kind, token })),
    );
  }
  const requirements: Requirement[] = [];
  const unavailable: MissingContent[] = [];
  const ctx: RuleContext = {
    policy: input.policy,
    vars: input.vars,
    lang: input.lang,
    enclosures: input.enclosures ?? [],
  };
  for (const token of tokens) {
    const optional = token.endsWith('?');
    const r = REQUIRED_CONTENT_RULES[bare(token)]!(ctx, bare(token));
    if (Array.isArray(r)) requirements.push(...r);
    else if (!optional) unavailable.push(r);
  }
  return { requirements, unavailable };
}

function normalise(s: string): string {
  return s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** What the rendered text lacks (empty when it may be sent). */
export function checkRequiredContent(
  input: RequiredContentInput & { text: string },
): MissingContent[] {
  const { requirements, unavailable } = requiredContent(input);
  const text = normalise(input.text);
  const missing = [...unavailable];
  const seen = new Set<string>();
  for (const r of requirements) {
    const key = `${r.token}|${r.what}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!r.anyOf.some((s) => text.includes(normalise(s))))
      missing.push({ token: r.token, what: r.what });
  }
  // One thing required by two tokens is reported once.
  const byWhat = new Map<string, MissingContent>();
  for (const m of missing) if (!byWhat.has(m.what)) byWhat.set(m.what, m);
  return [...byWhat.values()];
}

const KIND_NAMES: Record<Kind, string> = {
  acknowledgement: 'acknowledgement',
  request_for_information: 'request for information',
  transfer_notice: 'transfer notice',
  progress_report: 'progress report',
  resolution_plan: 'resolution plan',
  final_response: 'final response',
  adr_notice: 'ADR notice',
  deadlock_letter: 'deadlock letter',
  deadlock_refusal: 'refusal of a deadlock letter',
  summary_resolution: 'summary resolution communication',
  procedure_copy: 'copy of the procedure',
  receipt: 'receipt',
  satisfaction_survey: 'satisfaction survey',
};

/** "the deadlock letter is missing required content: the website of … (…)". */
export function describeMissing(kind: Kind, missing: readonly MissingContent[]): string {
  return `the ${KIND_NAMES[kind]} is missing required content: ${missing
    .map((m) => (m.why ? `${m.what} (${m.why})` : m.what))
    .join('; ')}`;
}

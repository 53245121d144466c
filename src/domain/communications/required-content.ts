// Required content: what a message must say before it may be sent. Built-in rules (a deadlock
// letter or ADR notice names the scheme, its website and the time limit; a final response gives
// the referral rights the policy lists) plus the tokens a policy lists under
// `communications.<name>.mustInclude`. Each token maps to a value or a sentence made from the
// policy and the complaint (./variables.ts, ./phrases.ts) that must appear in the rendered text;
// an unknown token is a policy error. Pure.
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
  return variable('adr_free_text', what, NO_SCHEME)(c, token);
};

const needsScheme =
  (rule: Rule): Rule =>
  (c, token) =>
    c.policy.adr ? rule(c, token) : { token, what: 'the ADR scheme', why: NO_SCHEME };

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
      ? variable('time_limit_waiver', 'the standard wording on the time limit', '')(c, token)
      : {
          token,
          what: 'the standard wording on the time limit',
          why: c.policy.adr ? 'the policy gives no adr.timeLimit' : NO_SCHEME,
        },
  fos_leaflet: needsScheme(variable('adr_leaflet', "the scheme's explanatory leaflet", NO_SCHEME)),
};

export const REQUIRED_CONTENT_TOKENS: readonly string[] = Object.keys(REQUIRED_CONTENT_RULES);

/** Tokens listed by a policy that Redress does not know: a policy error. */
export function unknownRequiredContent(policy: Policy): { communication: string; token: string }[] {
  const out: { communication: string; token: string }[] = [];
  for (const [name, c] of Object.entries(policy.communications)) {
    for (const token of c.mustInclude) {
      if (!(token in REQUIRED_CONTENT_RULES)) out.push({ communication: name, token });
    }
  }
  return out;
}

/** The built-in rules of a kind, as tokens. */
export function builtInTokens(kind: Kind, policy: Policy): string[] {
  if (kind === 'deadlock_letter' || kind === 'adr_notice') {
    const tokens = ['adr_scheme_name', 'adr_scheme_website'];
    if (!policy.adr || policy.adr.timeLimit) tokens.push('adr_time_limit');
    if (policy.adr && !policy.adr.scheme.website) tokens.splice(1, 1);
    return tokens;
  }
  if (kind === 'final_response' && policy.adr) {
    const tokens = ['adr_scheme_name'];
    if (policy.adr.scheme.website) tokens.push('adr_scheme_website');
    if (policy.adr.timeLimit) tokens.push('adr_time_limit');
    return tokens;
  }
  return [];
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
}

/** Everything the message must contain, and what cannot be given at all. Throws
 *  UnknownRequiredContentError for a token Redress does not know. */
export function requiredContent(input: RequiredContentInput): {
  requirements: Requirement[];
  unavailable: MissingContent[];
} {
  const tokens = [
    ...new Set([...builtInTokens(input.kind, input.policy), ...(input.mustInclude ?? [])]),
  ];
  const unknown = tokens.filter((t) => !(t in REQUIRED_CONTENT_RULES));
  if (unknown.length > 0) {
    throw new UnknownRequiredContentError(
      unknown.map((token) => ({ communication: input.communicationName ?? input.kind, token })),
    );
  }
  const requirements: Requirement[] = [];
  const unavailable: MissingContent[] = [];
  const ctx: RuleContext = { policy: input.policy, vars: input.vars, lang: input.lang };
  for (const token of tokens) {
    const r = REQUIRED_CONTENT_RULES[token]!(ctx, token);
    if (Array.isArray(r)) requirements.push(...r);
    else unavailable.push(r);
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
};

/** "the deadlock letter is missing required content: the website of … (…)". */
export function describeMissing(kind: Kind, missing: readonly MissingContent[]): string {
  return `the ${KIND_NAMES[kind]} is missing required content: ${missing
    .map((m) => (m.why ? `${m.what} (${m.why})` : m.what))
    .join('; ')}`;
}

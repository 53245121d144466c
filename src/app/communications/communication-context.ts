// What composing and previewing a message share: the template in use, the customer's language,
// the complaint's context (its clocks as they stand at the moment of writing, its history, its
// enclosures) and rendering with the domain's errors mapped to stable codes.
import type { Queryable } from '../../db/client.ts';
import type { ComplaintRow } from '../../db/repositories/complaints.ts';
import { findCustomer, type CustomerRow } from '../../db/repositories/customers.ts';
import { timelineOf } from '../../db/repositories/events.ts';
import { latestMessageTemplate } from '../../db/repositories/message-templates.ts';
import { replayClocks } from '../../domain/clocks/policy-clocks.ts';
import type { ComplaintEventType } from '../../domain/complaint/states.ts';
import {
  enclosuresFor,
  findCommunication,
  renderCommunication,
  type RenderedCommunication,
  type TemplateSource,
} from '../../domain/communications/render-communication.ts';
import {
  describeMissing,
  MISSING_REQUIRED_CONTENT,
  UnknownRequiredContentError,
  type MissingContent,
} from '../../domain/communications/required-content.ts';
import { addSpan } from '../../domain/communications/rights.ts';
import { TemplateError } from '../../domain/communications/template.ts';
import {
  checkExtra,
  EXTRA_FIELDS,
  type CommunicationContext,
} from '../../domain/communications/variables.ts';
import type { Language, Policy } from '../../domain/policy/schema.ts';
import { trackingUrlOf } from '../complaints/tracking-link.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { complaintDetails } from './complaint-details.ts';
import { defaultTemplate } from './default-templates.ts';
import type { CommunicationKind } from './types.ts';

export interface TemplateInUse extends TemplateSource {
  source: 'default' | 'custom';
  /** The stored version of a custom template; null for the shipped default. */
  version: number | null;
}

/** The template a message of this kind in this language uses now. */
export async function currentTemplate(
  db: Queryable,
  policyId: string,
  kind: CommunicationKind,
  lang: Language,
): Promise<TemplateInUse> {
  const row = await latestMessageTemplate(db, policyId, kind, lang);
  if (row) return { source: 'custom', version: row.version, subject: row.subject, body: row.body };
  return { source: 'default', version: null, ...defaultTemplate(kind, lang) };
}

/** The customer's language if the policy speaks it, else the policy's first language. */
export function languageFor(
  policy: Policy,
  customer: Pick<CustomerRow, 'language'> | null,
  complaint: Pick<ComplaintRow, 'language'>,
): Language {
  for (const l of [customer?.language, complaint.language]) {
    if (l && (policy.languages as readonly string[]).includes(l)) return l as Language;
  }
  return policy.languages[0]!;
}

/** An action's payload names some details differently (POST …/actions/report-progress sends
 *  `message`); they are read under the template's names. An action's `reason` is for staff and
 *  is never read: the customer's words are `customerMessage`. */
const ACTION_FIELDS: Record<string, string> = {
  message: 'progress_note',
  nextReportBy: 'next_report_date',
  targetDate: 'target_date',
  response: 'response_text',
  customerMessage: 'reason',
  timeLimitPosition: 'time_limit_position',
};
const INTERNAL_FIELDS = new Set(['reason', 'findings', 'note', 'rootCause', 'proposedFix']);

/** Composing from code takes an action's payload as it is: its details are read under the
 *  template's names and what is not a detail of the kind (method, departmentId …) is ignored.
 *  A preview is strict, so a typo in an editor's request is reported. */
export function lenientExtra(kind: CommunicationKind, extra: Record<string, unknown> | undefined) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(extra ?? {})) {
    if (INTERNAL_FIELDS.has(k)) continue;
    const name = ACTION_FIELDS[k] ?? k;
    if (name in EXTRA_FIELDS[kind] && v !== undefined && v !== null) out[name] = v;
  }
  return checkedExtra(kind, out);
}

export function checkedExtra(kind: CommunicationKind, extra: Record<string, unknown> | undefined) {
  const given = extra ?? {};
  const problems = checkExtra(kind, given);
  if (problems.length > 0) {
    throw new AppError('COMMUNICATION.INVALID_EXTRA', problems.join('; '), { problems });
  }
  return given;
}

export function mustIncludeFor(policy: Policy, kind: CommunicationKind, name?: string) {
  const comm = findCommunication(policy, kind, name);
  if (name !== undefined) {
    if (!comm) {
      throw new AppError(
        'COMMUNICATION.UNKNOWN',
        `policy ${policy.id} v${policy.version} has no communication "${name}"; it has ${Object.keys(policy.communications).join(', ') || 'none'}`,
      );
    }
    const declared = policy.communications[name]!.kind ?? name;
    if (declared !== kind) {
      throw new AppError(
        'COMMUNICATION.KIND_MISMATCH',
        `communication "${name}" of policy ${policy.id} is a ${declared}, not a ${kind}`,
      );
    }
  }
  return comm;
}

/** Renders, mapping the domain's errors to AppErrors with stable codes: a broken template is
 *  the caller's mistake (400) when it is a draft, a stored problem (422) otherwise. */
export function render(
  template: TemplateSource,
  ctx: CommunicationContext,
  communicationName?: string,
  draft = false,
): RenderedCommunication {
  try {
    return renderCommunication({
      template,
      ctx,
      ...(communicationName ? { communicationName } : {}),
    });
  } catch (err) {
    if (err instanceof TemplateError) {
      if (draft)
        throw new AppError(err.code, err.message, { problems: err.problems, part: err.part });
      throw new AppError('TEMPLATE.INVALID', `the template is broken: ${err.message}`, {
        problems: err.problems,
        part: err.part,
      });
    }
    if (err instanceof UnknownRequiredContentError) {
      throw new AppError(err.code, err.message, { unknown: err.unknown });
    }
    throw err;
  }
}

export function missingContentError(kind: CommunicationKind, missing: MissingContent[]): AppError {
  return new AppError(MISSING_REQUIRED_CONTENT, describeMissing(kind, missing), {
    missing,
  });
}

/** The policy's standard wording for what no person wrote (the FCA eight-week letter). */
function standardDetails(
  policy: Policy,
  comm: { name: string } | null,
  lang: Language,
  now: Date,
): Record<string, unknown> {
  const std = comm ? policy.communications[comm.name]?.standard : undefined;
  const out: Record<string, unknown> = {};
  const reason = std?.reason?.[lang] ?? std?.reason?.en;
  if (reason) out.reason = reason;
  if (std?.expectedWithin)
    out.expected_date = addSpan(now, std.expectedWithin, policy).toISOString();
  return out;
}

/** The complaint's context at `now`: its clocks replayed from its events (so a promise made in
 *  the transaction of an action counts that action), its history and its enclosures. */
export async function complaintContext(
  db: Queryable,
  policies: PolicyRegistry,
  row: ComplaintRow,
  kind: CommunicationKind,
  opts: {
    lang?: Language;
    communicationName?: string;
    extra?: Record<string, unknown>;
    strict: boolean;
    now: Date;
  },
) {
  const policy = policies.version(row.policy_id, row.policy_version);
  const extra = opts.strict ? checkedExtra(kind, opts.extra) : lenientExtra(kind, opts.extra);
  const comm = mustIncludeFor(policy, kind, opts.communicationName);
  // One after another: `db` may be a transaction's single connection.
  const customer = await findCustomer(db, row.customer_id);
  const timeline = (await timelineOf(db, row.id)).map((e) => ({
    ...e,
    type: e.type as ComplaintEventType,
  }));
  const clocks = replayClocks(policy, row.channel, timeline, opts.now);
  const lang = opts.lang ?? languageFor(policy, customer, row);
  const details = await complaintDetails(db, row, policy, kind, lang);
  const ctx: CommunicationContext = {
    policy,
    lang,
    kind,
    now: opts.now,
    complaint: {
      reference: row.reference,
      subject: row.subject,
      receivedAt: row.received_at,
      channel: row.channel,
      outcome: row.outcome,
      trackingUrl: trackingUrlOf(row),
    },
    customer: { name: customer?.name ?? '' },
    clocks: clocks.map((c) => ({ name: c.name, dueAt: c.dueAt, stoppedAt: c.stoppedAt })),
    extra: {
      ...standardDetails(policy, comm, lang, opts.now),
      ...details.extra,
      ...extra,
    },
    mustInclude: comm?.mustInclude ?? [],
    enclosures: enclosuresFor(policy, comm, lang),
    facts: details.facts,
  };
  return { policy, ctx, comm, customer };
}

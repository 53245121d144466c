// Composing a message to a customer: the complaint, its customer, clocks and policy version, the
// latest template for (policy, kind, customer language) — an administrator's edit or the shipped
// default — rendered as text and HTML, and refused if it lacks the content the policy requires.
import type { Queryable } from '../../db/client.ts';
import {
  clocksOf,
  findComplaint,
  findCustomer,
  type ComplaintRow,
  type CustomerRow,
} from '../../db/repositories/complaints.ts';
import { latestMessageTemplate } from '../../db/repositories/message-templates.ts';
import {
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
import { TemplateError } from '../../domain/communications/template.ts';
import { SAMPLE_ADDRESS, sampleContext } from '../../domain/communications/sample.ts';
import {
  checkExtra,
  EXTRA_FIELDS,
  type CommunicationContext,
} from '../../domain/communications/variables.ts';
import { LANGUAGES, type Language, type Policy } from '../../domain/policy/schema.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { defaultTemplate } from './default-templates.ts';
import type { CommunicationKind, ComposedMessage } from './types.ts';

export interface ComposeInput {
  complaintId: number;
  kind: CommunicationKind;
  /** The policy's name for the communication (its `communications` key); by default the first
   *  of this kind. Its `mustInclude` is checked. */
  communicationName?: string;
  /** Per-kind details: questions, plan, response_text, outcome, reason … (see EXTRA_FIELDS);
   *  an action's payload may be passed as it is (message, targetDate and response are read as
   *  progress_note, target_date and response_text; other fields are ignored). What is not
   *  given is taken from the complaint's history where it can be. */
  extra?: Record<string, unknown>;
  now: Date;
}

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

interface EventRow {
  type: string;
  reason: string | null;
  data: Record<string, unknown>;
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined;

const sentence = (s: string) => {
  const t = s.trim();
  return `${t[0]!.toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
};

/** Details recorded on the complaint's history, for what the caller did not give. */
async function detailsFromHistory(
  db: Queryable,
  row: ComplaintRow,
  kind: CommunicationKind,
): Promise<Record<string, unknown>> {
  const r = await db.query<EventRow>(
    `select type, reason, data from events where complaint_id = $1 order by stream_seq desc`,
    [row.id],
  );
  const latest = (type: string) => r.rows.find((e) => e.type === type);
  const out: Record<string, unknown> = {};
  const set = (k: string, v: unknown) => {
    if (v !== undefined && v !== null && k in EXTRA_FIELDS[kind]) out[k] = v;
  };
  switch (kind) {
    case 'request_for_information': {
      const q = latest('information_requested')?.data.questions;
      if (Array.isArray(q))
        set(
          'questions',
          q.filter((x) => typeof x === 'string'),
        );
      break;
    }
    case 'transfer_notice': {
      const dept = str(latest('transferred')?.data.departmentId) ?? row.department_id;
      if (dept) {
        const d = await db.query<{ name: string }>('select name from departments where id = $1', [
          dept,
        ]);
        set('department_name', d.rows[0]?.name ?? dept);
      }
      break;
    }
    case 'progress_report':
      set('progress_note', str(latest('progress_reported')?.data.message));
      break;
    case 'resolution_plan': {
      const e = latest('resolution_plan_agreed');
      set('plan', str(e?.data.plan));
      set('target_date', str(e?.data.targetDate));
      break;
    }
    case 'final_response': {
      set('response_text', str(latest('response_proposed')?.data.response));
      // The cause: the department's findings, else the root cause recorded with the proposal.
      const rootCause =
        str(latest('response_proposed')?.data.rootCause) ?? str(row.root_cause ?? undefined);
      set(
        'cause',
        str(latest('department_responded')?.data.findings) ??
          (rootCause ? sentence(rootCause.replaceAll('_', ' ')) : undefined),
      );
      set('remedy', str(row.redress?.description) ?? str(latest('response_proposed')?.data.remedy));
      break;
    }
    case 'summary_resolution':
      set('resolution', str(latest('resolved_on_first_contact')?.data.resolution));
      break;
    case 'deadlock_refusal':
      set('reason', str(latest('deadlock_letter_refused')?.reason));
      break;
    case 'deadlock_letter':
      set('reason', str(latest('deadlocked')?.reason));
      break;
    default:
      break;
  }
  return out;
}

/** An action's payload names some details differently (POST …/actions/report-progress sends
 *  `message`); they are read under the template's names. */
const ACTION_FIELDS: Record<string, string> = {
  message: 'progress_note',
  targetDate: 'target_date',
  response: 'response_text',
};

/** Composing from code takes an action's payload as it is: its details are read under the
 *  template's names and what is not a detail of the kind (method, departmentId …) is ignored.
 *  A preview is strict, so a typo in an editor's request is reported. */
function lenientExtra(kind: CommunicationKind, extra: Record<string, unknown> | undefined) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(extra ?? {})) {
    const name = ACTION_FIELDS[k] ?? k;
    if (name in EXTRA_FIELDS[kind] && v !== undefined && v !== null) out[name] = v;
  }
  return checkedExtra(kind, out);
}

function checkedExtra(kind: CommunicationKind, extra: Record<string, unknown> | undefined) {
  const given = extra ?? {};
  const problems = checkExtra(kind, given);
  if (problems.length > 0) {
    throw new AppError('COMMUNICATION.INVALID_EXTRA', problems.join('; '), { problems });
  }
  return given;
}

function mustIncludeFor(policy: Policy, kind: CommunicationKind, name?: string) {
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

async function complaintContext(
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
  const clocks = await clocksOf(db, row.id);
  const history = await detailsFromHistory(db, row, kind);
  const lang = opts.lang ?? languageFor(policy, customer, row);
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
    },
    customer: { name: customer?.name ?? '' },
    clocks: clocks.map((c) => ({ name: c.name, dueAt: c.due_at, stoppedAt: c.stopped_at })),
    extra: { ...history, ...extra },
    mustInclude: comm?.mustInclude ?? [],
  };
  return { policy, ctx, comm, customer };
}

/**
 * The message of `kind` for a complaint, in its customer's language, ready to queue. Throws
 * COMMUNICATION.MISSING_REQUIRED_CONTENT (422) naming what is missing, when the policy's rules
 * or its `mustInclude` are not met.
 */
export async function composeCommunication(
  db: Queryable,
  policies: PolicyRegistry,
  input: ComposeInput,
): Promise<ComposedMessage> {
  const r = await db.query<ComplaintRow>('select * from complaints where id = $1', [
    input.complaintId,
  ]);
  const row = r.rows[0];
  if (!row) throw new AppError('COMPLAINT.NOT_FOUND', `no complaint with id ${input.complaintId}`);
  const { ctx, comm } = await complaintContext(db, policies, row, input.kind, {
    ...(input.communicationName ? { communicationName: input.communicationName } : {}),
    ...(input.extra ? { extra: input.extra } : {}),
    strict: false,
    now: input.now,
  });
  const template = await currentTemplate(db, row.policy_id, input.kind, ctx.lang);
  const rendered = render(template, ctx, comm?.name);
  if (rendered.missing.length > 0) throw missingContentError(input.kind, rendered.missing);
  return {
    kind: rendered.kind,
    language: rendered.language,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
  };
}

export interface PreviewInput {
  policyId: string;
  kind: CommunicationKind;
  lang: Language;
  /** Render against this complaint; without it, against a sample complaint. */
  reference?: string;
  /** An unsaved template to try; without it, the current one. */
  template?: TemplateSource;
  communicationName?: string;
  extra?: Record<string, unknown>;
  now: Date;
}

export interface Preview extends RenderedCommunication {
  template: { source: 'default' | 'custom' | 'draft'; version: number | null };
  sample: boolean;
  reference: string;
  /** Who a letter would go to. */
  recipient: { name: string; address: string[] };
}

/** What a message would look like, with what it lacks listed rather than refused. */
export async function previewCommunication(
  db: Queryable,
  policies: PolicyRegistry,
  input: PreviewInput,
): Promise<Preview> {
  if (!(LANGUAGES as readonly string[]).includes(input.lang)) {
    throw new AppError('COMMUNICATION.LANGUAGE', `no templates in language "${input.lang}"`);
  }
  let ctx: CommunicationContext;
  let commName: string | undefined;
  let address: string[];
  if (input.reference) {
    const row = await findComplaint(db, input.reference);
    if (!row || row.policy_id !== input.policyId) {
      throw new AppError(
        'COMPLAINT.NOT_FOUND',
        `no complaint ${input.reference} under policy ${input.policyId}`,
      );
    }
    const c = await complaintContext(db, policies, row, input.kind, {
      lang: input.lang,
      ...(input.communicationName ? { communicationName: input.communicationName } : {}),
      ...(input.extra ? { extra: input.extra } : {}),
      strict: true,
      now: input.now,
    });
    ctx = c.ctx;
    commName = c.comm?.name;
    address = c.customer?.address ?? [];
  } else {
    const policy = policies.at(input.policyId, input.now);
    const extra = checkedExtra(input.kind, input.extra);
    const comm = mustIncludeFor(policy, input.kind, input.communicationName);
    commName = comm?.name;
    ctx = sampleContext(policy, input.lang, input.kind, input.now, comm?.mustInclude ?? []);
    ctx.extra = { ...ctx.extra, ...extra };
    address = SAMPLE_ADDRESS[input.lang];
  }
  const current = input.template
    ? null
    : await currentTemplate(db, input.policyId, input.kind, input.lang);
  const template = input.template ?? current!;
  const rendered = render(template, ctx, commName, true);
  return {
    ...rendered,
    template: current
      ? { source: current.source, version: current.version }
      : { source: 'draft', version: null },
    sample: !input.reference,
    reference: ctx.complaint.reference,
    recipient: { name: ctx.customer.name, address },
  };
}

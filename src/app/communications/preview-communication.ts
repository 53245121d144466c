// What a message would look like, against a complaint or a sample one, with what it lacks
// listed rather than refused (the template editor's preview).
import type { Queryable } from '../../db/client.ts';
import { findComplaint } from '../../db/repositories/complaints.ts';
import {
  enclosuresFor,
  type RenderedCommunication,
  type TemplateSource,
} from '../../domain/communications/render-communication.ts';
import { SAMPLE_ADDRESS, sampleContext } from '../../domain/communications/sample.ts';
import type { CommunicationContext } from '../../domain/communications/variables.ts';
import { LANGUAGES, type Language } from '../../domain/policy/schema.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import {
  checkedExtra,
  complaintContext,
  currentTemplate,
  mustIncludeFor,
  render,
} from './communication-context.ts';
import type { CommunicationKind } from './types.ts';

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
    ctx.enclosures = enclosuresFor(policy, comm, input.lang);
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

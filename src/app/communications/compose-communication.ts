// Composing a message to a customer: the complaint, its customer, clocks and policy version, the
// latest template for (policy, kind, customer language) — an administrator's edit or the shipped
// default — rendered as text and HTML, and refused if it lacks the content the policy requires.
import type { Queryable } from '../../db/client.ts';
import { complaintById } from '../../db/repositories/communication-history.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import {
  complaintContext,
  currentTemplate,
  missingContentError,
  render,
} from './communication-context.ts';
import type { CommunicationKind, ComposedMessage } from './types.ts';

export {
  currentTemplate,
  languageFor,
  missingContentError,
  type TemplateInUse,
} from './communication-context.ts';
export { previewCommunication, type Preview, type PreviewInput } from './preview-communication.ts';

export interface ComposeInput {
  complaintId: number;
  kind: CommunicationKind;
  /** The policy's name for the communication (its `communications` key); by default the first
   *  of this kind. Its `mustInclude` is checked. */
  communicationName?: string;
  /** Per-kind details: questions, plan, response_text, outcome, reason … (see EXTRA_FIELDS);
   *  an action's payload may be passed as it is (message, targetDate, response and
   *  customerMessage are read as progress_note, target_date, response_text and reason; the
   *  action's own `reason` and other fields are ignored). What is not given is taken from the
   *  complaint's history where it can be. */
  extra?: Record<string, unknown>;
  now: Date;
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
  const row = await complaintById(db, input.complaintId);
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
    enclosures: (ctx.enclosures ?? []).map((e) => e.id),
  };
}

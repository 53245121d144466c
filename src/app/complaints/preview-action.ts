// What an action will send the customer, before it is taken: the same communication, template
// and language that taking it would compose, rendered with the payload as it stands, listing
// the required content it still lacks (the form checks this before it sends).
import { findComplaint } from '../../db/repositories/complaints.ts';
import { findCustomer } from '../../db/repositories/customers.ts';
import { communicationOfAction } from '../../domain/complaint/communications.ts';
import type { ActionType } from '../../domain/complaint/lifecycle.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import type { RenderedCommunication } from '../../domain/communications/render-communication.ts';
import {
  complaintContext,
  currentTemplate,
  render,
} from '../communications/communication-context.ts';
import { deliveryMethod, type DeliveryMethod } from '../communications/queue-communication.ts';
import { AppError } from '../errors.ts';
import { canSee, type ActionDeps } from './apply-complaint-action.ts';

export interface ActionPreview extends RenderedCommunication {
  /** The policy's communication that would be sent. */
  communication: string;
  /** How it would go: email, letter, portal or phone. */
  method: DeliveryMethod;
}

/** Null when the action sends nothing (no communication of its kind, or said in person). */
export async function previewActionCommunication(
  deps: Omit<ActionDeps, 'config'>,
  user: Actor,
  input: { reference: string; action: ActionType; payload: Record<string, unknown> },
): Promise<ActionPreview | null> {
  const row = await findComplaint(deps.db, input.reference);
  if (!row || !canSee(user, row)) {
    throw new AppError('COMPLAINT.NOT_FOUND', `no complaint ${input.reference}`);
  }
  const kind = communicationOfAction(input.action);
  if (!kind) return null;
  const policy = deps.policies.version(row.policy_id, row.policy_version);
  const entry = Object.entries(policy.communications).find(([n, c]) => (c.kind ?? n) === kind);
  const asked = input.payload['method'] as string | undefined;
  if (!entry || asked === 'in_person') return null;
  const [name, comm] = entry;
  const customer = await findCustomer(deps.db, row.customer_id);
  if (!customer) return null;
  const { ctx } = await complaintContext(deps.db, deps.policies, row, kind, {
    communicationName: name,
    extra: input.payload,
    strict: false,
    now: deps.now(),
  });
  const template = await currentTemplate(deps.db, row.policy_id, kind, ctx.lang);
  const via =
    asked === 'post' ? 'post' : ((asked as 'email' | 'portal' | 'phone' | undefined) ?? comm.via);
  return {
    ...render(template, ctx, name),
    communication: name,
    method: deliveryMethod(via, customer),
  };
}

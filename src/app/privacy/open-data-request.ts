// Records a data-subject request (access, erasure or restriction) as a case of its own, on the
// clocks of the policy the customer's complaints are handled under (or the one named).
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { findCustomer } from '../../db/repositories/customers.ts';
import { appendSystemEvent } from '../../db/repositories/events.ts';
import {
  findDataRequest,
  insertDataRequest,
  latestPolicyOfCustomer,
} from '../../db/repositories/privacy-requests.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import {
  DATA_REQUEST_KINDS,
  dataRequestDeadlines,
  dataRequestRules,
} from '../../domain/privacy/data-requests.ts';
import { newId } from '../crypto.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { toDataRequest, type DataRequest } from './data-request.ts';

export const openDataRequestInput = z.strictObject({
  customerId: z.string().min(1).max(64),
  kind: z.enum(DATA_REQUEST_KINDS),
  /** The policy whose clocks apply; by default that of the customer's latest complaint. */
  policy: z.string().min(1).max(64).optional(),
  /** When the request arrived (default: now). */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  withProcessors: z.boolean().default(false),
});
export type OpenDataRequestInput = z.input<typeof openDataRequestInput>;

export async function openDataRequest(
  deps: { db: Db; policies: PolicyRegistry; now: () => Date },
  actor: Actor,
  raw: OpenDataRequestInput,
): Promise<DataRequest> {
  const input = openDataRequestInput.parse(raw);
  const now = deps.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  return deps.db.transaction(async (tx) => {
    const customer = await findCustomer(tx, input.customerId);
    if (!customer) throw new AppError('CUSTOMER.NOT_FOUND', `no customer ${input.customerId}`);
    const policyId = input.policy ?? (await latestPolicyOfCustomer(tx, customer.id));
    if (!policyId || !deps.policies.ids().includes(policyId)) {
      throw new AppError(
        'POLICY.NOT_FOUND',
        `no policy ${policyId ?? '(the customer has no complaint)'}`,
      );
    }
    const policy = deps.policies.at(policyId, receivedAt);
    const id = newId();
    const base = {
      receivedAt,
      pauses: [],
      extension: null,
      withProcessors: input.withProcessors,
    };
    const due = dataRequestDeadlines(policy, base);
    await insertDataRequest(tx, {
      id,
      customer_id: customer.id,
      policy_id: policy.id,
      regime: dataRequestRules(policy).regime,
      kind: input.kind,
      status: 'received',
      received_at: receivedAt,
      acknowledge_due_at: due.acknowledgeDueAt,
      due_at: due.dueAt,
      pauses: [],
      extension: null,
      with_processors: input.withProcessors,
      outcome: null,
      answer: null,
      answered_at: null,
      acknowledged_at: null,
      created_by: actor.id,
    });
    await appendSystemEvent(tx, {
      type: 'data_request_received',
      actor: { id: actor.id, role: actor.role },
      at: now,
      data: {
        requestId: id,
        customerId: customer.id,
        kind: input.kind,
        dueAt: due.dueAt?.toISOString() ?? null,
      },
    });
    return toDataRequest((await findDataRequest(tx, id))!, policy, actor);
  });
}

// A customer's action through their tracking link: the link must match, the public route names
// what they do, and the lifecycle action it takes is the one the complaint allows now (a reply
// to a request for information resumes the complaint).
import { lockComplaint, snapshotOf } from '../../db/repositories/complaints.ts';
import {
  actionOfRoute,
  payloadOfRoute,
  type CustomerRoute,
} from '../../domain/complaint/customer-actions.ts';
import { AppError } from '../errors.ts';
import { applyActionToRow, type ActionDeps, type ActionDone } from './apply-complaint-action.ts';
import { findTracked } from './get-complaint.ts';

export interface CustomerActionInput {
  reference: string;
  token: string;
  route: CustomerRoute;
  body: Record<string, unknown>;
}

export async function applyCustomerAction(
  deps: ActionDeps,
  input: CustomerActionInput,
): Promise<ActionDone> {
  return deps.db.transaction(async (tx) => {
    const found = await findTracked(tx, input.reference, input.token);
    const row = await lockComplaint(tx, found.reference);
    if (!row) throw new AppError('TRACKING.NOT_FOUND', 'no complaint matches this tracking link');
    const policy = deps.policies.version(row.policy_id, row.policy_version);
    const action = actionOfRoute(input.route, snapshotOf(row), policy);
    const customer = { id: `customer:${row.customer_id}`, role: 'customer' as const };
    return applyActionToRow(
      tx,
      { policies: deps.policies, mailDomain: deps.config.mailDomain },
      customer,
      { row, action, payload: payloadOfRoute(action, input.body), now: deps.now() },
    );
  });
}

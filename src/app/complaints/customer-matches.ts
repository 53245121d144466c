// "Possibly the same customer": the other customers with this complaint's email or phone, for
// staff to look at, and linking the complaint to one of them once a person has confirmed who is
// who (intake never does it for the public web form). The link and its audit event are one
// transaction; the customer record the form made is kept as it was (it is what they wrote).
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { customerMatches, type CustomerMatchRecord } from '../../db/queries/customer-matches.ts';
import {
  findComplaint,
  lockComplaint,
  setComplaintCustomer,
  type ComplaintRow,
} from '../../db/repositories/complaints.ts';
import { findCustomer } from '../../db/repositories/customers.ts';
import { appendEvents } from '../../db/repositories/events.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';
import { canSee } from './apply-complaint-action.ts';

export const linkCustomerInput = z.strictObject({
  customerId: z.string().trim().min(1).max(64),
  reason: z
    .string()
    .trim()
    .min(1, 'say how you confirmed it is the same person')
    .max(2000)
    .describe('how it was confirmed that both are the same person (internal)'),
});
export type LinkCustomerInput = z.infer<typeof linkCustomerInput>;

function reachable(actor: Actor, row: ComplaintRow | null, reference: string): ComplaintRow {
  if (!row || !canSee(actor, row) || row.subject_user_ids.includes(actor.id)) {
    throw new AppError('COMPLAINT.NOT_FOUND', `no complaint ${reference}`);
  }
  return row;
}

export async function listCustomerMatches(
  deps: { db: Db },
  actor: Actor,
  reference: string,
): Promise<CustomerMatchRecord[]> {
  const row = reachable(actor, await findComplaint(deps.db, reference), reference);
  const customer = row.customer_id ? await findCustomer(deps.db, row.customer_id) : null;
  if (!customer || customer.anonymised_at) return [];
  return customerMatches(deps.db, customer);
}

export async function linkComplaintToCustomer(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  reference: string,
  input: LinkCustomerInput,
): Promise<{ reference: string; customerId: string }> {
  return deps.db.transaction(async (tx) => {
    const row = reachable(actor, await lockComplaint(tx, reference), reference);
    const current = row.customer_id ? await findCustomer(tx, row.customer_id) : null;
    // Only a customer the complaint matches may be linked: a typo in an id cannot move a
    // complaint onto a stranger's record.
    const candidates = current && !current.anonymised_at ? await customerMatches(tx, current) : [];
    if (!candidates.some((c) => c.id === input.customerId)) {
      throw new AppError(
        'CUSTOMER.NOT_A_MATCH',
        `customer ${input.customerId} shares neither email nor phone with this complaint's customer`,
      );
    }
    await setComplaintCustomer(tx, row.id, input.customerId);
    await appendEvents(tx, row.reference, row.id, [
      {
        type: 'customer_linked',
        actor: { id: actor.id, role: actor.role },
        at: deps.now(),
        reason: input.reason,
        data: { fromCustomerId: row.customer_id, toCustomerId: input.customerId },
      },
    ]);
    return { reference: row.reference, customerId: input.customerId };
  });
}

// Writing a batch of prepared registrations, through the same repository statements every other
// change uses: the customers (matched by email, or created), the complaints, their `received`
// events (new streams, hash-chained from GENESIS), their clocks, and their Idempotency-Key
// answers — as one statement (write parts), so the batch commits or fails whole in one round
// trip. Only what must be durable at intake is written: the sweep's work list is planned later,
// in batches (deferredPlanningPart).
import type { Queryable } from '../../db/client.ts';
import { clocksPart } from '../../db/repositories/clocks.ts';
import { complaintsPart, type NewComplaint } from '../../db/repositories/complaints.ts';
import {
  customersByEmail,
  customersPart,
  type CustomerCandidate,
} from '../../db/repositories/customers.ts';
import { chainOnto, eventWriteParts } from '../../db/repositories/events.ts';
import { storedAnswersPart } from '../../db/repositories/idempotency-keys.ts';
import { deferredPlanningPart, receiptWorkPart } from '../../db/repositories/scheduled-actions.ts';
import { runWrites } from '../../db/write-parts.ts';
import { earliestOpenDue } from '../../domain/clocks/policy-clocks.ts';
import { newId, sha256 } from '../crypto.ts';
import { sealTrackingToken } from '../sealed.ts';
import {
  requestHash,
  sealAnswer,
  type PreparedRegistration,
  type Registered,
} from './registration.ts';

/** A new complaint's keys, taken ahead from the database's sequences. */
export interface ComplaintKeys {
  number: string;
  id: number;
}

function referenceOf(receivedAt: Date, n: string): string {
  return `RD-${receivedAt.getUTCFullYear()}-${n.padStart(6, '0')}`;
}

function customerOf(p: PreparedRegistration): CustomerCandidate {
  const c = p.input.customer;
  return {
    id: newId(),
    name: c.name,
    email: c.email ?? null,
    phone: c.phone ?? null,
    address: c.address ?? [],
    preferredContact:
      c.preferredContact ?? (c.email ? 'email' : c.address?.length ? 'post' : 'phone'),
    language: c.language ?? p.policy.languages[0]!,
    needs: c.needs ?? null,
    vulnerable: c.vulnerable ?? false,
  };
}

/**
 * Which customer each registration is of: for staff and integrations, the one its email already
 * belongs to, else a new one — shared by the registrations of the batch with the same new email
 * (the first one's). The public web form never joins an existing customer: anyone can type
 * anyone's email, so its complaint gets a customer of its own, made only of what the form said,
 * and nothing stored about another customer is shown or mailed through it (staff may link the
 * two once they have confirmed who is who).
 */
async function customersFor(
  q: Queryable,
  batch: readonly PreparedRegistration[],
  candidates: readonly CustomerCandidate[],
) {
  const matchable = (i: number) => batch[i]!.route === 'staff';
  const known = await customersByEmail(
    q,
    candidates.flatMap((c, i) => (c.email && matchable(i) ? [c.email] : [])),
  );
  const fresh: CustomerCandidate[] = [];
  const ids = candidates.map((c, i) => {
    const key = matchable(i) ? c.email?.toLowerCase() : undefined;
    const id = key ? known.get(key) : undefined;
    if (id) return id;
    if (key) known.set(key, c.id);
    fresh.push(c);
    return c.id;
  });
  return { ids, fresh };
}

function complaintOf(
  p: PreparedRegistration,
  keys: ComplaintKeys,
  reference: string,
  customer: CustomerCandidate,
  customerId: string,
): NewComplaint {
  return {
    id: keys.id,
    reference,
    policyId: p.policy.id,
    policyVersion: p.policy.version,
    channel: p.channel,
    receivedAt: p.receivedAt,
    customerId,
    language: customer.language,
    subject: p.input.subject,
    description: p.input.description,
    product: p.input.product ?? null,
    category: p.input.category ?? null,
    remedySought: p.input.remedySought ?? null,
    immediateAction: p.input.immediateAction ?? null,
    peopleInvolved: p.input.peopleInvolved ?? [],
    departmentsInvolved: p.input.departmentsInvolved ?? [],
    subjectUserIds: p.input.subjectUserIds ?? [],
    assigneeId: p.input.assigneeId ?? null,
    departmentId: p.input.departmentId ?? null,
    trackingTokenHash: sha256(p.token),
    trackingTokenSealed: sealTrackingToken(p.token),
    // Only a staff member is a user; a system actor (mail intake) registers as no one.
    createdBy: p.route === 'staff' && p.actor.role !== 'system' ? p.actor.id : null,
    nextDueAt: earliestOpenDue(p.clocks),
  };
}

/** Whether the policy sends this complaint an automatic receipt: by its channel, to the email
 *  address its customer gave (a phone or in-person complaint, so a first-contact resolution,
 *  gets none). */
function wantsReceipt(p: PreparedRegistration): boolean {
  const r = p.policy.receipt;
  return r.send && r.channels.includes(p.channel) && Boolean(p.input.customer.email);
}

/** Writes the batch (one set of keys per registration); resolves in the batch's order. */
export async function writeRegistrations(
  db: Queryable,
  batch: readonly PreparedRegistration[],
  keys: readonly ComplaintKeys[],
): Promise<Registered[]> {
  const references = batch.map((p, i) => referenceOf(p.receivedAt, keys[i]!.number));
  const ids = keys.map((k) => k.id);
  const candidates = batch.map(customerOf);
  const customers = await customersFor(db, batch, candidates);
  const results = batch.map((p, i): Registered => ({
    reference: references[i]!,
    status: 'received',
    policy: { id: p.policy.id, version: p.policy.version },
    receivedAt: p.receivedAt.toISOString(),
    deadlines: p.clocks.map((k) => ({ clock: k.name, dueAt: k.dueAt?.toISOString() ?? null })),
    trackingToken: p.token,
  }));
  const events = chainOnto(
    batch.map((p, i) => ({
      stream: references[i]!,
      complaintId: ids[i]!,
      events: [
        {
          type: 'received',
          actor: p.actor,
          at: p.receivedAt,
          public: true,
          data: {
            channel: p.channel,
            policy: p.policy.id,
            policyVersion: p.policy.version,
            fromState: 'received',
            toState: 'received',
            route: p.route,
            registeredAt: p.now.toISOString(),
          },
        },
      ],
    })),
    new Map(), // new streams: their references were never used
  );
  await runWrites(db, [
    customersPart(customers.fresh),
    complaintsPart(
      batch.map((p, i) =>
        complaintOf(p, keys[i]!, references[i]!, candidates[i]!, customers.ids[i]!),
      ),
    ),
    ...eventWriteParts(events),
    clocksPart(batch.map((p, i) => ({ complaintId: ids[i]!, clocks: p.clocks }))),
    deferredPlanningPart(ids),
    receiptWorkPart(
      batch.flatMap((p, i) => (wantsReceipt(p) ? [{ complaintId: ids[i]!, due: p.now }] : [])),
    ),
    storedAnswersPart(
      batch.flatMap((p, i) =>
        p.idempotencyKey
          ? [
              {
                actorId: p.actor.id,
                key: p.idempotencyKey,
                requestHash: requestHash(p.route, p.input),
                body: sealAnswer(results[i]!),
              },
            ]
          : [],
      ),
    ),
  ]);
  return results;
}

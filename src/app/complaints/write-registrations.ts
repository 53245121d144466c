// Writing a batch of prepared registrations in one transaction, through the same repository
// functions every other change uses: the customers (matched by email or created), the
// complaints, their `received` events (new streams, hash-chained from GENESIS), their clocks,
// and their Idempotency-Key answers. Only what must be durable at intake is written: the sweep's
// work list is planned later, in batches (deferPlanning).
import type { Db } from '../../db/client.ts';
import { writeClocks } from '../../db/repositories/clocks.ts';
import { insertComplaints, type NewComplaint } from '../../db/repositories/complaints.ts';
import { resolveCustomers, type CustomerCandidate } from '../../db/repositories/customers.ts';
import { appendEventsToStreams } from '../../db/repositories/events.ts';
import { insertStoredAnswers } from '../../db/repositories/idempotency-keys.ts';
import { deferPlanning } from '../../db/repositories/scheduled-actions.ts';
import { earliestOpenDue } from '../../domain/clocks/policy-clocks.ts';
import { newId, sha256 } from '../crypto.ts';
import { requestHash, type PreparedRegistration, type Registered } from './registration.ts';

export function referenceOf(receivedAt: Date, n: string): string {
  return `RD-${receivedAt.getUTCFullYear()}-${n.padStart(6, '0')}`;
}

function customerOf(p: PreparedRegistration): CustomerCandidate {
  const c = p.input.customer;
  return {
    id: newId(), // used if no customer has this email yet
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

function complaintOf(
  p: PreparedRegistration,
  reference: string,
  customer: CustomerCandidate,
  customerId: string,
): NewComplaint {
  return {
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
    // Only a staff member is a user; a system actor (mail intake) registers as no one.
    createdBy: p.route === 'staff' && p.actor.role !== 'system' ? p.actor.id : null,
    nextDueAt: earliestOpenDue(p.clocks),
  };
}

/** Writes the batch (numbers: one per registration, from the complaint_number sequence). */
export async function writeRegistrations(
  db: Db,
  batch: readonly PreparedRegistration[],
  numbers: readonly string[],
): Promise<Registered[]> {
  const references = batch.map((p, i) => referenceOf(p.receivedAt, numbers[i]!));
  const candidates = batch.map(customerOf);
  const results = batch.map((p, i): Registered => ({
    reference: references[i]!,
    status: 'received',
    policy: { id: p.policy.id, version: p.policy.version },
    receivedAt: p.receivedAt.toISOString(),
    deadlines: p.clocks.map((k) => ({ clock: k.name, dueAt: k.dueAt?.toISOString() ?? null })),
    trackingToken: p.token,
  }));
  await db.transaction(async (tx) => {
    const customerIds = await resolveCustomers(tx, candidates);
    const ids = await insertComplaints(
      tx,
      batch.map((p, i) => complaintOf(p, references[i]!, candidates[i]!, customerIds[i]!)),
    );
    await appendEventsToStreams(
      tx,
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
      { newStreams: true },
    );
    await writeClocks(
      tx,
      batch.map((p, i) => ({ complaintId: ids[i]!, clocks: p.clocks })),
    );
    await deferPlanning(tx, ids);
    await insertStoredAnswers(
      tx,
      batch.flatMap((p, i) =>
        p.idempotencyKey
          ? [
              {
                actorId: p.actor.id,
                key: p.idempotencyKey,
                requestHash: requestHash(p.route, p.input),
                body: results[i]!,
              },
            ]
          : [],
      ),
    );
  });
  return results;
}

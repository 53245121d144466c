// Erasure on request (right to erasure, with its exceptions): the customer's personal data
// removed from every complaint, message, attachment (files deleted), inbound mail, event (digests
// kept, so the chain verifies) and their customer record — unless the law requires it kept.
// Refused, with the reason and the date the duty ends, while a complaint is open, a legal hold
// applies or a complaint's retention period has not ended; restriction is offered instead.
import type { Db } from '../../db/client.ts';
import { appendSystemEvent } from '../../db/repositories/events.ts';
import {
  anonymiseCustomerRow,
  lockCustomerComplaints,
  lockCustomerForErasure,
} from '../../db/repositories/privacy-retention.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { ANONYMISED_NAME } from '../../domain/privacy/personal-data.ts';
import { retentionEndsAt } from '../../domain/privacy/retention.ts';
import { AppError } from '../errors.ts';
import type { FileStore } from '../files/file-store.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { anonymiseLocked, removeFiles } from './sweep-retention.ts';

export interface ErasureResult {
  customerId: string;
  erasedAt: string;
  complaints: string[];
}

export async function eraseCustomerData(
  deps: { db: Db; policies: PolicyRegistry; files: FileStore; now: () => Date },
  actor: Actor,
  input: { customerId: string; reason?: string | undefined },
): Promise<ErasureResult> {
  const now = deps.now();
  const done = await deps.db.transaction(async (tx) => {
    const customer = await lockCustomerForErasure(tx, input.customerId);
    if (!customer) throw new AppError('CUSTOMER.NOT_FOUND', `no customer ${input.customerId}`);
    const complaints = await lockCustomerComplaints(tx, input.customerId);
    const live = complaints.filter((c) => !c.anonymised_at);
    /** `duty` names what keeps the data, for a client to say it in its own language. */
    const refuse = (
      duty: 'customer_hold' | 'complaint_hold' | 'open_complaint' | 'retention',
      why: string,
      until: Date | null,
      references: string[],
    ): never => {
      throw new AppError('ERASURE.REFUSED', `erasure refused: ${why}`, {
        duty,
        reason: why,
        until: until?.toISOString() ?? null,
        complaints: references,
        restrictionOffered: true,
      });
    };
    if (customer.held) refuse('customer_hold', 'a legal hold is placed on this customer', null, []);
    const held = live.filter((c) => c.held);
    if (held.length)
      refuse(
        'complaint_hold',
        'a legal hold applies to a complaint',
        null,
        held.map((c) => c.reference),
      );
    const open = live.filter((c) => c.status !== 'closed');
    if (open.length)
      refuse(
        'open_complaint',
        'a complaint is still being handled',
        null,
        open.map((c) => c.reference),
      );
    const kept = live
      .map((c) => ({
        c,
        end: retentionEndsAt(deps.policies.version(c.policy_id, c.policy_version), {
          outcome: c.outcome,
          product: c.product,
          receivedAt: c.received_at,
          closedAt: c.closed_at,
          isOpen: false,
        })!,
      }))
      .filter((k) => k.end.getTime() > now.getTime());
    if (kept.length) {
      const until = new Date(Math.max(...kept.map((k) => k.end.getTime())));
      refuse(
        'retention',
        'the complaint records must be kept for their retention period',
        until,
        kept.map((k) => k.c.reference),
      );
    }
    const batch = await anonymiseLocked(
      tx,
      deps.policies,
      live.map((c) => ({ ...c, retention_due_at: c.retention_due_at })),
      actor,
      now,
      'erasure_request',
      input.reason ?? null,
    );
    await anonymiseCustomerRow(tx, input.customerId, now, ANONYMISED_NAME);
    await appendSystemEvent(tx, {
      type: 'customer_data_erased',
      actor: { id: actor.id, role: actor.role },
      at: now,
      reason: input.reason ?? null,
      data: { customerId: input.customerId, complaints: batch.complaints.length },
    });
    return batch;
  });
  await removeFiles(deps.files, done.files);
  return { customerId: input.customerId, erasedAt: now.toISOString(), complaints: done.complaints };
}

// Queuing a communication to a customer, in the transaction that caused it: an email goes to the
// outbox (the dispatcher sends it), a letter to the print list, a portal message straight onto
// the tracking page, and a phone contact becomes a call task for a handler.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/client.ts';
import type { ComplaintRow, CustomerRow } from '../../db/repositories/complaints.ts';
import { appendEvents } from '../audit.ts';
import type { ComposedMessage } from './types.ts';

export type DeliveryMethod = 'email' | 'letter' | 'portal' | 'phone';

/** How a communication reaches this customer: `via` from the policy, or their preference. */
export function deliveryMethod(
  via: 'preferred' | 'email' | 'post' | 'portal' | 'phone' | undefined,
  customer: Pick<CustomerRow, 'preferred_contact' | 'email' | 'address'>,
): DeliveryMethod {
  const wanted = !via || via === 'preferred' ? customer.preferred_contact : via;
  const method: DeliveryMethod = wanted === 'post' ? 'letter' : wanted;
  if (method === 'email' && !customer.email) return customer.address.length ? 'letter' : 'phone';
  if (method === 'letter' && !customer.address.length) return customer.email ? 'email' : 'phone';
  return method;
}

/** A Message-ID that identifies the complaint, stable from queuing to sending and retries. */
export function newMessageId(reference: string, domain: string): string {
  return `<${reference}.${Date.now().toString(36)}.${randomBytes(6).toString('hex')}@${domain}>`;
}

export interface QueuedCommunication {
  messageId: number;
  method: DeliveryMethod;
  taskId?: number;
}

export async function queueCommunication(
  tx: Queryable,
  input: {
    complaint: Pick<ComplaintRow, 'id' | 'reference'>;
    customer: Pick<CustomerRow, 'name' | 'email' | 'address' | 'phone' | 'preferred_contact'>;
    composed: ComposedMessage;
    method: DeliveryMethod;
    actor: { id: string; role: string };
    mailDomain: string;
    /** When the message was written (the scheduler passes the instant it acted for). */
    at: Date;
  },
): Promise<QueuedCommunication> {
  const { complaint, customer, composed, method } = input;
  const status =
    method === 'email'
      ? 'queued'
      : method === 'letter'
        ? 'awaiting_print'
        : method === 'portal'
          ? 'sent'
          : 'task';
  const channel = method === 'phone' ? 'phone' : method;
  const messageId = method === 'email' ? newMessageId(complaint.reference, input.mailDomain) : null;
  const r = await tx.query<{ id: number }>(
    `insert into messages (complaint_id, direction, channel, public, author_id, author_name, subject, body_text,
       body_html, message_id, status, kind, to_address, next_attempt_at, created_at, sent_at)
     values ($1, 'out', $2, true, $3, null, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id`,
    [
      complaint.id,
      channel,
      input.actor.id,
      composed.subject,
      composed.text,
      composed.html,
      messageId,
      status,
      composed.kind,
      method === 'email'
        ? customer.email
        : method === 'letter'
          ? customer.address.join('\n')
          : (customer.phone ?? null),
      method === 'email' ? input.at : null,
      input.at,
      method === 'portal' ? input.at : null,
    ],
  );
  const id = r.rows[0]!.id;
  await tx.query(`update complaints set messages_text = messages_text || ' ' || $2 where id = $1`, [
    complaint.id,
    composed.text,
  ]);
  let taskId: number | undefined;
  if (method === 'phone') {
    const t = await tx.query<{ id: number }>(
      `insert into tasks (complaint_id, kind, title, due_at, note, created_at)
       values ($1, 'call_customer', $2, $3, $4, $3) returning id`,
      [complaint.id, `Call ${customer.name}: ${composed.subject}`, input.at, composed.text],
    );
    taskId = t.rows[0]!.id;
  }
  await appendEvents(tx, complaint.reference, complaint.id, [
    {
      type: 'communication_queued',
      actor: input.actor,
      at: input.at,
      public: true,
      data: {
        kind: composed.kind,
        method,
        messageId: id,
        language: composed.language,
        ...(taskId ? { taskId } : {}),
      },
    },
  ]);
  return { messageId: id, method, ...(taskId ? { taskId } : {}) };
}

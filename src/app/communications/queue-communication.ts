// Queuing a communication to a customer, in the transaction that caused it: an email goes to the
// outbox (the dispatcher sends it), a letter to the print list, a portal message straight onto
// the tracking page, and a phone contact becomes a call task for a handler.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/client.ts';
import { appendSearchText, type ComplaintRow } from '../../db/repositories/complaints.ts';
import type { CustomerRow } from '../../db/repositories/customers.ts';
import { appendEvents } from '../../db/repositories/events.ts';
import { insertMessage } from '../../db/repositories/messages.ts';
import { insertTask } from '../../db/repositories/tasks.ts';
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
    /** Where the caller gathers the text the complaint's search is to cover, when it writes
     *  the complaint row itself at the end of its change; else it is written now. */
    searchText?: string[];
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
  const id = (await insertMessage(tx, {
    complaintId: complaint.id,
    direction: 'out',
    channel,
    public: true,
    authorId: input.actor.id,
    subject: composed.subject,
    bodyText: composed.text,
    bodyHtml: composed.html,
    messageId,
    status,
    kind: composed.kind,
    toAddress:
      method === 'email'
        ? customer.email
        : method === 'letter'
          ? customer.address.join('\n')
          : (customer.phone ?? null),
    nextAttemptAt: method === 'email' ? input.at : null,
    createdAt: input.at,
    sentAt: method === 'portal' ? input.at : null,
  }))!;
  if (input.searchText) input.searchText.push(composed.text);
  else await appendSearchText(tx, complaint.id, composed.text);
  const taskId =
    method === 'phone'
      ? await insertTask(tx, {
          complaintId: complaint.id,
          kind: 'call_customer',
          title: `Call ${customer.name}: ${composed.subject}`,
          dueAt: input.at,
          note: composed.text,
          createdAt: input.at,
        })
      : undefined;
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

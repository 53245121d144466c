// Everything held about one customer, read for their data export and for erasure: the customer,
// their complaints, the messages, attachments and events of those complaints, the system events
// that name them, their legal holds and their data requests.
import type { Queryable } from '../client.ts';
import type { ComplaintRow } from '../repositories/complaints.ts';
import type { CustomerRow } from '../repositories/customers.ts';

export interface RecordMessage {
  id: number;
  complaint_id: number;
  direction: 'in' | 'out' | 'internal';
  channel: string;
  public: boolean;
  author_name: string | null;
  subject: string | null;
  body_text: string;
  body_html: string | null;
  message_id: string | null;
  in_reply_to: string | null;
  status: string;
  kind: string | null;
  to_address: string | null;
  created_at: Date;
  sent_at: Date | null;
  posted_at: Date | null;
  anonymised_at: Date | null;
}

export interface RecordAttachment {
  id: number;
  complaint_id: number;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  created_at: Date;
}

export interface RecordEvent {
  id: number;
  stream: string;
  stream_seq: number;
  complaint_id: number | null;
  type: string;
  actor_id: string;
  actor_role: string;
  at: Date;
  reason: string | null;
  public: boolean;
  data: unknown;
  redacted_at: Date | null;
}

export interface DataRequestRow {
  id: string;
  customer_id: string;
  policy_id: string;
  regime: 'uk' | 'vn';
  kind: 'access' | 'erasure' | 'restriction';
  status: 'received' | 'identity_check' | 'in_progress' | 'answered';
  received_at: Date;
  acknowledge_due_at: Date | null;
  due_at: Date | null;
  pauses: { from: string; to: string | null }[];
  extension: { reason: string; at: string } | null;
  with_processors: boolean;
  outcome: string | null;
  answer: string | null;
  answered_at: Date | null;
  acknowledged_at: Date | null;
  created_by: string;
  created_at: Date;
  /** The customer's name (read with the request; absent where not joined). */
  customer_name?: string | null;
}

export interface CustomerRecords {
  customer: CustomerRow;
  complaints: (ComplaintRow & { anonymised_at: Date | null })[];
  messages: RecordMessage[];
  attachments: RecordAttachment[];
  events: RecordEvent[];
  dataRequests: DataRequestRow[];
}

export async function customerRecords(
  q: Queryable,
  customerId: string,
): Promise<CustomerRecords | null> {
  const customer = (
    await q.query<CustomerRow>('select * from customers where id = $1', [customerId])
  ).rows[0];
  if (!customer) return null;
  const complaints = (
    await q.query<ComplaintRow & { anonymised_at: Date | null }>(
      'select * from complaints where customer_id = $1 order by received_at, id',
      [customerId],
    )
  ).rows;
  const ids = complaints.map((c) => c.id);
  const messages = (
    await q.query<RecordMessage>(
      `select id, complaint_id, direction, channel, public, author_name, subject, body_text,
         body_html, message_id, in_reply_to, status, kind, to_address, created_at, sent_at,
         posted_at, anonymised_at
       from messages where complaint_id = any($1::bigint[]) order by complaint_id, id`,
      [ids],
    )
  ).rows;
  const attachments = (
    await q.query<RecordAttachment>(
      `select id, complaint_id, filename, content_type, size, sha256, created_at from attachments
       where complaint_id = any($1::bigint[]) and removed_at is null order by complaint_id, id`,
      [ids],
    )
  ).rows;
  const events = (
    await q.query<RecordEvent>(
      `select id, stream, stream_seq, complaint_id, type, actor_id, actor_role, at, reason, public,
         data, redacted_at
       from events
       where complaint_id = any($1::bigint[]) or (stream = 'system' and data->>'customerId' = $2)
       order by stream, stream_seq`,
      [ids, customerId],
    )
  ).rows;
  const dataRequests = (
    await q.query<DataRequestRow>(
      'select * from data_requests where customer_id = $1 order by received_at, id',
      [customerId],
    )
  ).rows;
  return { customer, complaints, messages, attachments, events, dataRequests };
}

/** Ids of the letters (messages sent by post) of a customer's complaints. */
export function letterIds(records: CustomerRecords): number[] {
  return records.messages.filter((m) => m.channel === 'letter').map((m) => m.id);
}

// What the evidence pack of one complaint is made of: the complaint, its customer's name, every
// event of its stream with its actor, and every message with its proof of dispatch.
import type { Queryable } from '../client.ts';
import type { ComplaintRow } from '../repositories/complaints.ts';

export interface EvidenceEvent {
  stream_seq: number;
  type: string;
  actor_id: string;
  actor_role: string;
  actor_name: string | null;
  at: Date;
  reason: string | null;
  data: Record<string, unknown>;
  redacted_at: Date | null;
  hash: string;
}

export interface EvidenceMessage {
  id: number;
  direction: 'in' | 'out' | 'internal';
  channel: string;
  kind: string | null;
  status: string;
  subject: string | null;
  body_text: string;
  to_address: string | null;
  author_name: string | null;
  message_id: string | null;
  created_at: Date;
  sent_at: Date | null;
  posted_at: Date | null;
  last_error: string | null;
  letter_sha256: string | null;
}

export interface EvidenceRecords {
  complaint: ComplaintRow & { anonymised_at: Date | null };
  customerName: string;
  events: EvidenceEvent[];
  messages: EvidenceMessage[];
}

export async function evidenceRecords(
  q: Queryable,
  reference: string,
): Promise<EvidenceRecords | null> {
  const c = (
    await q.query<ComplaintRow & { anonymised_at: Date | null; customer_name: string }>(
      `select c.*, cu.name as customer_name from complaints c
       join customers cu on cu.id = c.customer_id where c.reference = $1`,
      [reference],
    )
  ).rows[0];
  if (!c) return null;
  const events = (
    await q.query<EvidenceEvent>(
      `select e.stream_seq, e.type, e.actor_id, e.actor_role, u.name as actor_name, e.at, e.reason,
         e.data, e.redacted_at, e.hash
       from events e left join users u on u.id = e.actor_id
       where e.stream = $1 order by e.stream_seq`,
      [reference],
    )
  ).rows;
  const messages = (
    await q.query<EvidenceMessage>(
      `select id, direction, channel, kind, status, subject, body_text, to_address, author_name,
         message_id, created_at, sent_at, posted_at, last_error, letter_sha256
       from messages where complaint_id = $1 order by created_at, id`,
      [c.id],
    )
  ).rows;
  const { customer_name, ...complaint } = c;
  return { complaint, customerName: customer_name, events, messages };
}

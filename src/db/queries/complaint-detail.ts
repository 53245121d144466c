// The records a complaint's page shows beside the complaint row: its timeline, messages and
// attachments — every one for staff, the public ones for the customer's tracking link.
import type { Queryable } from '../client.ts';

export interface EventRecord {
  stream_seq: number;
  type: string;
  at: Date;
  actor_id: string;
  actor_role: string;
  reason: string | null;
  public: boolean;
  data: Record<string, unknown>;
}

export interface MessageRecord {
  id: number;
  direction: 'in' | 'out' | 'internal';
  channel: string;
  public: boolean;
  author_id: string | null;
  author_name: string | null;
  subject: string | null;
  body_text: string;
  status: string;
  created_at: Date;
  sent_at: Date | null;
}

export interface AttachmentRecord {
  id: number;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  public: boolean;
  created_at: Date;
}

export interface ComplaintRecords {
  events: EventRecord[];
  messages: MessageRecord[];
  attachments: AttachmentRecord[];
}

export async function complaintRecords(
  db: Queryable,
  complaintId: number,
  opts: { publicOnly: boolean },
): Promise<ComplaintRecords> {
  const only = opts.publicOnly ? ' and public' : '';
  const [events, messages, attachments] = await Promise.all([
    db.query<EventRecord>(
      `select stream_seq, type, at, actor_id, actor_role, reason, public, data
         from events where complaint_id = $1${only} order by stream_seq`,
      [complaintId],
    ),
    db.query<MessageRecord>(
      `select id, direction, channel, public, author_id, author_name, subject, body_text, status,
              created_at, sent_at
         from messages where complaint_id = $1${only} order by id`,
      [complaintId],
    ),
    db.query<AttachmentRecord>(
      `select id, filename, content_type, size, sha256, public, created_at
         from attachments where complaint_id = $1${only} order by id`,
      [complaintId],
    ),
  ]);
  return { events: events.rows, messages: messages.rows, attachments: attachments.rows };
}

// Attachments of a complaint: rows that point at bytes in the file store by their SHA-256.
import type { Queryable } from '../client.ts';

export interface NewAttachment {
  complaintId: number;
  messageId?: number | null;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  public: boolean;
  uploadedBy: string | null;
  createdAt: Date;
}

export async function insertAttachment(tx: Queryable, a: NewAttachment): Promise<number> {
  const r = await tx.query<{ id: number }>(
    `insert into attachments (complaint_id, message_id, filename, content_type, size, sha256, public,
       uploaded_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [
      a.complaintId,
      a.messageId ?? null,
      a.filename,
      a.contentType,
      a.size,
      a.sha256,
      a.public,
      a.uploadedBy,
      a.createdAt,
    ],
  );
  return Number(r.rows[0]!.id);
}

export interface AttachmentRow {
  id: number;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
}

/** One attachment of a complaint (only a public one when `publicOnly`). */
export async function findAttachment(
  q: Queryable,
  complaintId: number,
  id: number,
  publicOnly: boolean,
): Promise<AttachmentRow | null> {
  const r = await q.query<AttachmentRow>(
    `select id, filename, content_type, size, sha256 from attachments
      where id = $1 and complaint_id = $2${publicOnly ? ' and public' : ''}`,
    [id, complaintId],
  );
  return r.rows[0] ?? null;
}

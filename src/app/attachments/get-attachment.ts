// Reading an attachment back: staff who can see the complaint get any of its files; the
// customer, through the tracking link, only the public ones of that one complaint.
import type { Queryable } from '../../db/client.ts';
import { findComplaint } from '../../db/repositories/complaints.ts';
import { canSee, type ActingUser } from '../complaints/apply-complaint-action.ts';
import { findTracked } from '../complaints/get-complaint.ts';
import { AppError } from '../errors.ts';
import type { FileStore } from '../files/file-store.ts';

export interface AttachmentReadDeps {
  db: Queryable;
  files: FileStore;
}

export interface AttachmentContent {
  id: number;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  bytes: Buffer;
}

interface AttachmentRow {
  id: number;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
}

export async function getAttachment(
  deps: AttachmentReadDeps,
  user: ActingUser,
  reference: string,
  id: number,
): Promise<AttachmentContent> {
  const row = await findComplaint(deps.db, reference);
  if (!row || !canSee(user, row))
    throw new AppError('COMPLAINT.NOT_FOUND', `no complaint ${reference}`);
  return read(deps, row.id, id, false);
}

export async function getTrackedAttachment(
  deps: AttachmentReadDeps,
  reference: string,
  token: string,
  id: number,
): Promise<AttachmentContent> {
  const row = await findTracked(deps.db, reference, token);
  return read(deps, row.id, id, true);
}

async function read(
  deps: AttachmentReadDeps,
  complaintId: number,
  id: number,
  publicOnly: boolean,
): Promise<AttachmentContent> {
  const found = await deps.db.query<AttachmentRow>(
    `select id, filename, content_type, size, sha256 from attachments
      where id = $1 and complaint_id = $2${publicOnly ? ' and public' : ''}`,
    [id, complaintId],
  );
  const a = found.rows[0];
  if (!a) throw new AppError('ATTACHMENT.NOT_FOUND', `no attachment ${id} on this complaint`);
  const bytes = await deps.files.get(a.sha256);
  // A row whose file is gone is a fault of ours (a lost disk), not the caller's: a 500, logged.
  if (!bytes) throw new Error(`attachment ${a.id}: the file ${a.sha256} is missing from the store`);
  return {
    id: Number(a.id),
    filename: a.filename,
    contentType: a.content_type,
    size: Number(a.size),
    sha256: a.sha256,
    bytes,
  };
}

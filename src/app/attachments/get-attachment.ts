// Reading an attachment back: staff who can see the complaint get any of its files; the
// customer, through the tracking link, only the public ones of that one complaint.
import type { Queryable } from '../../db/client.ts';
import { findAttachment } from '../../db/repositories/attachments.ts';
import { findComplaint } from '../../db/repositories/complaints.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { canSee } from '../complaints/apply-complaint-action.ts';
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

export interface AttachmentRef {
  reference: string;
  id: number;
}

export async function getAttachment(
  deps: AttachmentReadDeps,
  actor: Actor,
  input: AttachmentRef,
): Promise<AttachmentContent> {
  const row = await findComplaint(deps.db, input.reference);
  if (!row || !canSee(actor, row))
    throw new AppError('COMPLAINT.NOT_FOUND', `no complaint ${input.reference}`);
  return read(deps, row.id, input.id, false);
}

/** The customer's download: the tracking link (reference and token) is their credential. */
export async function getTrackedAttachment(
  deps: AttachmentReadDeps,
  _visitor: Actor,
  input: AttachmentRef & { token: string },
): Promise<AttachmentContent> {
  const row = await findTracked(deps.db, input.reference, input.token);
  return read(deps, row.id, input.id, true);
}

async function read(
  deps: AttachmentReadDeps,
  complaintId: number,
  id: number,
  publicOnly: boolean,
): Promise<AttachmentContent> {
  const a = await findAttachment(deps.db, complaintId, id, publicOnly);
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

// Attaching a file to a complaint: the type is read from the bytes, the name made safe, the
// bytes stored (content-addressed) before the row that points at them, and the row written
// with its `attachment_added` event in one transaction, the complaint row locked like any
// other change to its stream.
import type { Db } from '../../db/client.ts';
import { insertAttachment } from '../../db/repositories/attachments.ts';
import { findComplaint, lockComplaint, touchComplaint } from '../../db/repositories/complaints.ts';
import { appendEvents } from '../../db/repositories/events.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { canSee } from '../complaints/apply-complaint-action.ts';
import { AppError } from '../errors.ts';
import type { FileStore } from '../files/file-store.ts';
import { sanitiseFilename } from './sanitise-filename.ts';
import { sniffContentType } from './sniff-content-type.ts';

export interface AttachmentDeps {
  db: Db;
  files: FileStore;
  now: () => Date;
}

export interface Upload {
  /** The name the client sent (untrusted). */
  filename: string | undefined;
  bytes: Buffer;
  /** Shown on the customer's tracking link. */
  public: boolean;
}

export interface AddedAttachment {
  id: number;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  public: boolean;
}

export async function addAttachment(
  deps: AttachmentDeps,
  actor: Actor,
  upload: Upload & { /** The complaint it is attached to. */ reference: string },
): Promise<AddedAttachment> {
  const { reference } = upload;
  const missing = () => new AppError('COMPLAINT.NOT_FOUND', `no complaint ${reference}`);
  // Whether the caller may reach the complaint comes first: a refusal reveals nothing, and
  // nothing is written to disk for a complaint the caller cannot see.
  const visible = await findComplaint(deps.db, reference);
  if (!visible || !canSee(actor, visible)) throw missing();
  // The subject of a complaint can do nothing to it, adding files included (as every action).
  if (visible.subject_user_ids.includes(actor.id)) {
    throw new AppError(
      'COMPLAINT.SUBJECT_CANNOT_INVESTIGATE',
      `${actor.id} is a subject of this complaint and may add nothing to it`,
    );
  }

  if (upload.bytes.length === 0) {
    throw new AppError('ATTACHMENT.EMPTY', 'the file is empty');
  }
  const sniffed = sniffContentType(upload.bytes);
  if (!sniffed.ok) {
    throw new AppError(
      'ATTACHMENT.TYPE_NOT_ALLOWED',
      sniffed.reason === 'executable'
        ? 'executable files and scripts are not accepted'
        : 'this type of file is not accepted; send PDF, PNG, JPEG, GIF, WebP, ZIP, DOCX, XLSX, plain text (UTF-8) or an email (.eml)',
    );
  }
  const filename = sanitiseFilename(upload.filename, sniffed.type);
  const contentType = sniffed.type.contentType;

  // The bytes first: a crash between the two leaves an unreferenced file, never a row
  // pointing at nothing.
  const stored = await deps.files.put(upload.bytes);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, reference);
    if (!row || !canSee(actor, row)) throw missing();
    const id = await insertAttachment(tx, {
      complaintId: row.id,
      filename,
      contentType,
      size: stored.size,
      sha256: stored.sha256,
      public: upload.public,
      uploadedBy: actor.id,
      createdAt: now,
    });
    const added: AddedAttachment = {
      id,
      filename,
      contentType,
      size: stored.size,
      sha256: stored.sha256,
      public: upload.public,
    };
    await appendEvents(tx, row.reference, row.id, [
      {
        type: 'attachment_added',
        actor: { id: actor.id, role: actor.role },
        at: now,
        public: upload.public,
        data: {
          attachmentId: added.id,
          filename,
          contentType,
          size: added.size,
          sha256: added.sha256,
          public: added.public,
        },
      },
    ]);
    await touchComplaint(tx, row.id, now);
    return added;
  });
}

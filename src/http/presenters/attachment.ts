// A file on a complaint (the bytes are downloaded separately).
import { z } from 'zod';
import type { AttachmentRecord } from '../../db/queries/complaint-detail.ts';
import { instant, iso } from './common.ts';

export const newAttachmentSchema = z
  .object({
    id: z.number().int(),
    filename: z.string().describe('made safe: no path, no control characters'),
    contentType: z.string().describe('detected from the bytes, not taken from the upload'),
    size: z.number().int().describe('bytes'),
    sha256: z.string(),
    public: z.boolean().describe('visible to the customer on the tracking link'),
  })
  .meta({ id: 'NewAttachment' });

export const attachmentSchema = newAttachmentSchema
  .extend({ createdAt: instant() })
  .meta({ id: 'Attachment' });

export const presentAttachment = (a: AttachmentRecord): z.infer<typeof attachmentSchema> => ({
  id: Number(a.id),
  filename: a.filename,
  contentType: a.content_type,
  size: Number(a.size),
  sha256: a.sha256,
  public: a.public,
  createdAt: iso(a.created_at),
});

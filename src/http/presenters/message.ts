// A message on a complaint: to or from the customer, or an internal note.
import { z } from 'zod';
import type { MessageRecord } from '../../db/queries/complaint-detail.ts';
import { instant, iso, isoOrNull } from './common.ts';

export const messageSchema = z
  .object({
    id: z.number().int(),
    direction: z.enum(['in', 'out', 'internal']),
    channel: z.string().describe('email, letter, portal, phone or note'),
    public: z.boolean(),
    authorName: z.string().nullable(),
    subject: z.string().nullable(),
    body: z.string().describe('plain text'),
    status: z
      .string()
      .describe('stored, received, queued, sending, sent, failed, unknown, awaiting_print, posted'),
    createdAt: instant(),
    sentAt: instant().nullable(),
  })
  .meta({ id: 'Message' });

export const presentMessage = (m: MessageRecord): z.infer<typeof messageSchema> => ({
  id: Number(m.id),
  direction: m.direction,
  channel: m.channel,
  public: m.public,
  authorName: m.author_name,
  subject: m.subject,
  body: m.body_text,
  status: m.status,
  createdAt: iso(m.created_at),
  sentAt: isoOrNull(m.sent_at),
});

// Mailboxes complaints come from, and the mail kept but not taken.
import { z } from 'zod';
import type { Mailbox } from '../../db/repositories/mailboxes.ts';
import { instant } from './common.ts';

export const mailboxSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['imap', 'smtp']),
    address: z.string(),
    policyId: z.string(),
    active: z.boolean(),
    trustedAuthservIds: z
      .array(z.string())
      .describe(
        'receiving hosts whose Authentication-Results this mailbox believes (besides REDRESS_MAIL_TRUSTED_AUTHSERV_IDS)',
      ),
    taken: z
      .record(z.string(), z.number().int())
      .describe('how many mails of each status it has taken'),
  })
  .meta({ id: 'Mailbox' });

export const mailboxListSchema = z
  .object({ items: z.array(mailboxSchema) })
  .meta({ id: 'MailboxList' });

export const flaggedMailSchema = z
  .object({
    id: z.number().int(),
    mailbox: z.string(),
    receivedAt: instant(),
    from: z.string().nullable(),
    subject: z.string().nullable(),
    error: z.string().nullable(),
    rawSha256: z.string(),
  })
  .meta({ id: 'FlaggedMail' });

export const flaggedMailListSchema = z
  .object({ items: z.array(flaggedMailSchema) })
  .meta({ id: 'FlaggedMailList' });

const ledgerStatus = z.enum([
  'complaint_created',
  'reply_threaded',
  'ignored_auto',
  'flagged_malformed',
  'duplicate',
]);

export const retakeOutcomeSchema = z
  .union([
    z.object({
      kind: z.enum(['handled']),
      id: z.number().int(),
      status: ledgerStatus,
      complaintId: z.number().int().nullable(),
      reference: z.string().nullable(),
      error: z.string().nullable(),
      repeated: z.boolean(),
    }),
    z.object({ kind: z.enum(['pending']), id: z.number().int(), reason: z.string() }),
  ])
  .meta({ id: 'MailIntakeOutcome' });

export const presentMailbox = (
  m: Mailbox,
  taken: Record<string, number>,
): z.infer<typeof mailboxSchema> => ({
  id: m.id,
  name: m.name,
  kind: m.kind,
  address: m.address,
  policyId: m.policyId,
  active: m.active,
  trustedAuthservIds: m.trustedAuthservIds,
  taken,
});

// Mailboxes complaints come from, and the mail kept but not taken.
import { z } from 'zod';
import type { RecentMail } from '../../db/repositories/inbound-mails.ts';
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
    host: z.string().nullable().describe('imap: the server'),
    port: z.number().int().nullable(),
    secure: z.boolean().describe('imap: TLS from the start (else STARTTLS when offered)'),
    username: z.string().nullable(),
    hasPassword: z.boolean().describe('a password is stored (it is never returned)'),
    folder: z.string(),
    listenHost: z.string().describe('smtp: where the listener binds'),
    listenPort: z.number().int().nullable(),
    pollSeconds: z.number().int(),
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
  host: m.host,
  port: m.port,
  secure: m.secure,
  username: m.username,
  hasPassword: m.passwordSealed !== null,
  folder: m.folder,
  listenHost: m.listenHost,
  listenPort: m.listenPort,
  pollSeconds: m.pollSeconds,
  taken,
});

export const connectionTestSchema = z
  .object({
    ok: z.boolean(),
    outcome: z
      .enum([
        'ok',
        'auth_failed',
        'unknown_host',
        'refused',
        'timeout',
        'tls',
        'no_folder',
        'not_listening',
        'failed',
      ])
      .describe('what happened, in one word'),
    detail: z.string().nullable().describe('what the server or the network said'),
    messages: z.number().int().nullable().describe('imap: messages in the folder'),
    unseen: z.number().int().nullable().describe('imap: unread messages in the folder'),
  })
  .meta({ id: 'MailboxConnectionTest' });

export const recentMailSchema = z
  .object({
    id: z.number().int(),
    receivedAt: instant(),
    from: z.string().nullable(),
    subject: z.string().nullable(),
    status: z.enum([
      'received',
      'complaint_created',
      'reply_threaded',
      'ignored_auto',
      'flagged_malformed',
      'duplicate',
    ]),
    reference: z.string().nullable().describe('the complaint it made or joined'),
    error: z.string().nullable().describe('why it was flagged or ignored'),
  })
  .meta({ id: 'MailboxMail' });

export const recentMailListSchema = z
  .object({ items: z.array(recentMailSchema) })
  .meta({ id: 'MailboxMailList' });

export const presentRecentMail = (m: RecentMail): z.infer<typeof recentMailSchema> => ({
  id: m.id,
  receivedAt: m.received_at.toISOString(),
  from: m.from_address,
  subject: m.subject,
  status: m.status,
  reference: m.reference,
  error: m.error,
});

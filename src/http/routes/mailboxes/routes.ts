// Mailboxes for administrators: what each has taken, the mail kept but not taken, and retaking
// one once its cause is fixed (the CLI's `redress mailbox` offers the same).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addMailbox } from '../../../app/mailboxes/add-mailbox.ts';
import { listMailboxMails } from '../../../app/mailboxes/list-mailbox-mails.ts';
import { testMailboxConnection } from '../../../app/mailboxes/test-mailbox-connection.ts';
import { listFlaggedMail } from '../../../app/mailboxes/list-flagged-mail.ts';
import { listMailboxes } from '../../../app/mailboxes/list-mailboxes.ts';
import { retakeFlaggedMail } from '../../../app/mailboxes/retake-flagged-mail.ts';
import { actorOf } from '../../plugins/auth.ts';
import {
  connectionTestSchema,
  flaggedMailListSchema,
  mailboxListSchema,
  mailboxSchema,
  presentMailbox,
  presentRecentMail,
  recentMailListSchema,
  retakeOutcomeSchema,
} from '../../presenters/mailbox.ts';
import type { RouteContext } from '../../../composition.ts';

const port = z.number().int().min(1).max(65535);
const host = z
  .string()
  .trim()
  .min(1, 'the server is required')
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'expected a host name or an address');
const imapSettings = {
  kind: z.literal('imap'),
  host,
  port: port.default(993).describe('993 with TLS, 143 without'),
  secure: z.boolean().default(true).describe('TLS from the start; false: STARTTLS when offered'),
  username: z.string().trim().min(1, 'the user name is required').max(320),
  password: z.string().min(1, 'the password is required').max(1000).describe('write-only'),
  folder: z.string().trim().min(1).max(200).default('INBOX'),
};
const smtpSettings = {
  kind: z.literal('smtp'),
  listenHost: host.default('127.0.0.1').describe('where the listener binds'),
  listenPort: port,
};
const mailboxOf = {
  name: z.string().trim().min(1).max(100).optional().describe('defaults to the address'),
  address: z.email('expected the email address customers write to').max(320),
  policyId: z.string().min(1).max(100).describe('the policy new complaints from it get'),
};
const newMailbox = z.discriminatedUnion('kind', [
  z.strictObject({
    ...mailboxOf,
    ...imapSettings,
    pollSeconds: z.number().int().min(1).max(86_400).default(60),
  }),
  z.strictObject({ ...mailboxOf, ...smtpSettings }),
]);
const connectionSettings = z.discriminatedUnion('kind', [
  z.strictObject(imapSettings),
  z.strictObject(smtpSettings),
]);
const mailboxId = z.object({ id: z.string().min(1).max(64) });

export async function mailboxRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/mailboxes',
    {
      config: { permission: 'mailbox.read' },
      schema: {
        tags: ['mail'],
        summary: 'Mailboxes and what each has taken',
        response: { 200: mailboxListSchema },
      },
    },
    async (request) => {
      const boxes = await listMailboxes(ctx, actorOf(request));
      return { items: boxes.map((m) => presentMailbox(m, m.taken)) };
    },
  );

  app.get(
    '/mailboxes/flagged',
    {
      config: { permission: 'mailbox.read' },
      schema: {
        tags: ['mail'],
        summary: 'Mail kept raw but not taken (malformed, or failing again and again)',
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
        response: { 200: flaggedMailListSchema },
      },
    },
    async (request) => ({
      items: await listFlaggedMail(ctx, actorOf(request), { limit: request.query.limit }),
    }),
  );

  app.post(
    '/mailboxes/flagged/:id/retake',
    {
      config: { permission: 'mailbox.retake', errors: ['MAIL.NOT_FLAGGED'] },
      schema: {
        tags: ['mail'],
        summary: 'Take a flagged mail again',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: retakeOutcomeSchema },
      },
    },
    async (request) => retakeFlaggedMail(ctx, actorOf(request), { id: request.params.id }),
  );

  app.post(
    '/mailboxes',
    {
      config: {
        permission: 'mailbox.manage',
        errors: ['MAILBOX.ALREADY_EXISTS', 'MAILBOX.UNKNOWN_POLICY'],
      },
      schema: {
        tags: ['mail'],
        summary:
          'Add a mailbox: an IMAP folder to read, or an SMTP listener (read from the next start)',
        body: newMailbox,
        response: { 201: mailboxSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const imap =
        b.kind === 'imap'
          ? {
              host: b.host,
              port: b.port,
              secure: b.secure,
              username: b.username,
              password: b.password,
              folder: b.folder,
              pollSeconds: b.pollSeconds,
              listenPort: null,
            }
          : {
              host: null,
              port: null,
              secure: true,
              username: null,
              password: null,
              folder: 'INBOX',
              listenHost: b.listenHost,
              listenPort: b.listenPort,
            };
      const m = await addMailbox(ctx, actorOf(request), {
        name: b.name ?? b.address.toLowerCase(),
        kind: b.kind,
        address: b.address,
        policyId: b.policyId,
        ...imap,
      });
      return reply.code(201).send(presentMailbox(m, {}));
    },
  );

  app.post(
    '/mailboxes/test',
    {
      config: { permission: 'mailbox.manage' },
      schema: {
        tags: ['mail'],
        summary:
          'Test settings not saved yet: connect and log in to the IMAP server and open the folder, or reach the SMTP listener',
        body: connectionSettings,
        response: { 200: connectionTestSchema },
      },
    },
    async (request) => testMailboxConnection(ctx, actorOf(request), request.body),
  );

  app.post(
    '/mailboxes/:id/test',
    {
      config: {
        permission: 'mailbox.manage',
        errors: ['MAILBOX.NOT_FOUND', 'MAILBOX.CREDENTIALS_UNREADABLE'],
      },
      schema: {
        tags: ['mail'],
        summary: "Test a mailbox's connection with its stored settings (changes nothing)",
        params: mailboxId,
        response: { 200: connectionTestSchema },
      },
    },
    async (request) => testMailboxConnection(ctx, actorOf(request), { id: request.params.id }),
  );

  app.get(
    '/mailboxes/:id/mails',
    {
      config: { permission: 'mailbox.read', errors: ['MAILBOX.NOT_FOUND'] },
      schema: {
        tags: ['mail'],
        summary: "A mailbox's latest mails, each with the complaint it made or joined, or its flag",
        params: mailboxId,
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
        response: { 200: recentMailListSchema },
      },
    },
    async (request) => ({
      items: (
        await listMailboxMails(ctx, actorOf(request), {
          id: request.params.id,
          limit: request.query.limit,
        })
      ).map(presentRecentMail),
    }),
  );
}

// Mailboxes for administrators: what each has taken, the mail kept but not taken, and retaking
// one once its cause is fixed (the CLI's `redress mailbox` offers the same).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { retakeMail } from '../../../mail/inbound/ingest-mail.ts';
import { listFlaggedMail, listMailboxes, mailboxCounts } from '../../../mail/inbound/mailboxes.ts';
import { ingestDeps } from '../../../mail/inbound/service.ts';
import {
  flaggedMailListSchema,
  mailboxListSchema,
  presentMailbox,
  retakeOutcomeSchema,
} from '../../presenters/mailbox.ts';
import type { RouteContext } from '../../server.ts';

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
    async () => {
      const counts = await mailboxCounts(ctx.db);
      const boxes = await listMailboxes(ctx.db);
      return { items: boxes.map((m) => presentMailbox(m, counts.get(String(m.id)) ?? {})) };
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
    async (request) => ({ items: await listFlaggedMail(ctx.db, request.query.limit) }),
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
    async (request) => {
      const deps = ingestDeps({
        config: ctx.config,
        db: ctx.db,
        policies: ctx.policies,
        close: async () => {},
      });
      return retakeMail(deps, request.params.id);
    },
  );
}

// Mailboxes for administrators: what each has taken, the mail kept but not taken, and retaking
// one once its cause is fixed (the CLI's `redress mailbox` offers the same).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listFlaggedMail } from '../../../app/mailboxes/list-flagged-mail.ts';
import { listMailboxes } from '../../../app/mailboxes/list-mailboxes.ts';
import { retakeFlaggedMail } from '../../../app/mailboxes/retake-flagged-mail.ts';
import { actorOf } from '../../plugins/auth.ts';
import {
  flaggedMailListSchema,
  mailboxListSchema,
  presentMailbox,
  retakeOutcomeSchema,
} from '../../presenters/mailbox.ts';
import type { RouteContext } from '../../../composition.ts';

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
}

// A mail that claimed a complaint from an unverified sender became a complaint of its own;
// staff who know it is the same customer confirm it, and the mail joins the claimed complaint.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { confirmMailSender } from '../../../app/complaints/confirm-mail-sender.ts';
import { complaintStateSchema } from '../../presenters/complaint.ts';
import { actorOf } from '../../plugins/auth.ts';
import type { RouteContext } from '../../../composition.ts';
import { referenceParam } from './routes.ts';

export const senderConfirmedSchema = z
  .object({
    reference: z.string().describe('the complaint the mail joined, as its customer’s reply'),
    status: complaintStateSchema.describe('that complaint’s status now'),
    from: z.string().describe('the complaint the mail had become (now withdrawn)'),
  })
  .meta({ id: 'SenderConfirmed' });

export async function senderReviewRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.post(
    '/complaints/:reference/sender-confirmation',
    {
      config: {
        permission: 'mail.confirm-sender',
        errors: [
          'COMPLAINT.NOT_FOUND',
          'MAIL.NO_SENDER_REVIEW',
          'MAIL.SENDER_ALREADY_CONFIRMED',
          'COMPLAINT.SUBJECT_CANNOT_INVESTIGATE',
          'COMPLAINT.ILLEGAL_TRANSITION',
        ],
      },
      schema: {
        tags: ['complaints'],
        summary:
          "Confirm that the mail this complaint was made from is the claimed complaint's customer's: it joins that complaint as their reply, and this one is withdrawn",
        params: referenceParam,
        body: z
          .strictObject({ note: z.string().max(2000).optional().describe('why you are sure') })
          .nullish(),
        response: { 200: senderConfirmedSchema },
      },
    },
    async (request) => {
      const done = await confirmMailSender(ctx, actorOf(request), {
        reference: request.params.reference,
        note: request.body?.note,
      });
      return { reference: done.reference, status: done.status as never, from: done.from };
    },
  );
}

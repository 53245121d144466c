// The customer's side, no account: the web form, and the tracking link (reference + secret
// token) through which they follow their complaint, reply, and ask for escalation or a
// deadlock letter — nothing else, and nothing of any other complaint.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyCustomerAction } from '../../../app/complaints/apply-customer-action.ts';
import { getCustomerLetter } from '../../../app/complaints/get-customer-letter.ts';
import { registerComplaint } from '../../../app/complaints/register-complaint.ts';
import { VISITOR } from '../../../domain/complaint/snapshot.ts';
import { getTrackedComplaint } from '../../../app/complaints/get-complaint.ts';
import { createComplaintInput } from '../../../app/complaints/schemas.ts';
import { actionPayloadSchemas, type ActionType } from '../../../domain/complaint/lifecycle.ts';
import type { CustomerRoute } from '../../../domain/complaint/customer-actions.ts';
import { binaryBody, binaryResponse } from '../../presenters/common.ts';
import type { RouteContext } from '../../../composition.ts';
import { trackedComplaintSchema, presentTracked } from '../../presenters/tracked.ts';
import {
  customerActionResultSchema,
  presentCustomerActionResult,
  presentPublicRegistered,
  publicRegisteredSchema,
} from '../../presenters/registration.ts';
import { ACTION_ERRORS, referenceParam } from '../complaints/routes.ts';

const TRACKING_HEADER = 'x-tracking-token';

const trackingQuery = z.strictObject({ token: z.string().min(1).max(200).optional() });

/** Each customer route and the lifecycle action whose body it takes (a reply's `message` is also
 *  the answer to a request for information: see domain/complaint/customer-actions.ts). */
const CUSTOMER_ACTIONS: Record<CustomerRoute, ActionType> = {
  reply: 'customer-reply',
  'request-escalation': 'request-escalation',
  'request-deadlock-letter': 'request-deadlock-letter',
  'request-procedure-copy': 'request-procedure-copy',
  withdraw: 'withdraw',
  'rate-satisfaction': 'rate-satisfaction',
};

export async function publicRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const token = (request: { headers: Record<string, unknown>; query: { token?: string } }) =>
    (request.headers[TRACKING_HEADER] as string | undefined) ?? request.query.token ?? '';

  app.post(
    '/public/complaints',
    {
      config: {
        permission: 'complaint.submit',
        rateLimit: { max: ctx.config.publicRateLimit, timeWindow: '1 minute' },
        errors: [
          'COMPLAINT.CHANNEL_NOT_ACCEPTED',
          'COMPLAINT.UNKNOWN_REFERENCE',
          'POLICY.NOT_FOUND',
          'POLICY.NOT_IN_FORCE',
        ],
      },
      schema: {
        tags: ['public'],
        summary:
          'The web form: anyone may complain; returns the reference and a private tracking link',
        body: createComplaintInput,
        response: { 201: publicRegisteredSchema },
      },
    },
    async (request, reply) => {
      const r = await registerComplaint(ctx, VISITOR, {
        complaint: request.body,
        route: 'public',
      });
      return reply.code(201).send(presentPublicRegistered(r, ctx.config.publicUrl));
    },
  );

  app.get(
    '/public/complaints/:reference',
    {
      config: { permission: 'tracking.read', errors: ['TRACKING.NOT_FOUND'] },
      schema: {
        tags: ['public'],
        summary: `The customer's view of their complaint (token in ?token= or the ${TRACKING_HEADER} header)`,
        params: referenceParam,
        querystring: trackingQuery,
        response: { 200: trackedComplaintSchema },
      },
    },
    async (request) =>
      presentTracked(
        await getTrackedComplaint(ctx, request.params.reference, token(request)),
        token(request),
      ),
  );

  app.get(
    '/public/complaints/:reference/letters/:id/pdf',
    {
      config: { permission: 'tracking.read', errors: ['TRACKING.NOT_FOUND', 'LETTER.NOT_FOUND'] },
      schema: {
        tags: ['public'],
        summary: 'A letter sent to the customer, as the PDF printed (token as for the view)',
        params: referenceParam.extend({
          id: z.coerce
            .number()
            .int()
            .positive()
            .max(2 ** 31 - 1),
        }),
        querystring: trackingQuery,
        response: { 200: binaryResponse('application/pdf', 'the letter, A4 PDF') },
      },
    },
    async (request, reply) => {
      const { pdf, filename } = await getCustomerLetter(ctx, {
        reference: request.params.reference,
        token: token(request),
        letterId: request.params.id,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .send(binaryBody(pdf));
    },
  );

  for (const [name, action] of Object.entries(CUSTOMER_ACTIONS)) {
    const body = (actionPayloadSchemas[action] as unknown as z.ZodObject).strict();
    app.post(
      `/public/complaints/:reference/${name}`,
      {
        config: {
          permission: 'tracking.act',
          rateLimit: { max: 30, timeWindow: '1 minute' },
          errors: ['TRACKING.NOT_FOUND', ...ACTION_ERRORS],
        },
        schema: {
          tags: ['public'],
          summary: `The customer: ${name.replace(/-/g, ' ')}`,
          params: referenceParam,
          querystring: trackingQuery,
          body: body.nullish(),
          response: { 200: customerActionResultSchema },
        },
      },
      async (request) =>
        presentCustomerActionResult(
          await applyCustomerAction(ctx, {
            reference: request.params.reference,
            token: token(request),
            route: name as CustomerRoute,
            body: (request.body ?? {}) as Record<string, unknown>,
          }),
        ),
    );
  }
}

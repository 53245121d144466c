// /complaints: create (staff and integrations, Idempotency-Key), list, read, and one route per
// lifecycle action, each with its own body schema.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyComplaintAction } from '../../../app/complaints/apply-complaint-action.ts';
import { registerComplaint } from '../../../app/complaints/register-complaint.ts';
import { getTrackingLink } from '../../../app/complaints/get-tracking-link.ts';
import { getComplaint } from '../../../app/complaints/get-complaint.ts';
import { listComplaints, listQuery } from '../../../app/complaints/list-complaints.ts';
import { createComplaintInput } from '../../../app/complaints/schemas.ts';
import { AppError, type ErrorCode } from '../../../app/errors.ts';
import { LIFECYCLE_ERROR_CODES } from '../../../domain/complaint/errors.ts';
import { actionPermission, PERMISSIONS } from '../../../domain/access/permissions.ts';
import { ACTIONS, actionPayloadSchemas } from '../../../domain/complaint/lifecycle.ts';
import type { Role } from '../../../domain/complaint/states.ts';
import { actorOf } from '../../plugins/auth.ts';
import {
  complaintSchema,
  trackingLinkSchema,
  presentComplaint,
  presentQueuePage,
  queuePageSchema,
} from '../../presenters/complaint.ts';
import {
  actionResultSchema,
  presentActionResult,
  presentRegistered,
  registeredSchema,
} from '../../presenters/registration.ts';
import type { RouteContext } from '../../../composition.ts';

export const referenceParam = z.object({
  reference: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,40}$/, 'expected a complaint reference such as RD-2026-000001'),
});

/** What an action may be refused with: the lifecycle's refusals, and what its message needs. */
export const ACTION_ERRORS: ErrorCode[] = [
  'COMPLAINT.NOT_FOUND',
  ...LIFECYCLE_ERROR_CODES.filter((c) => c !== 'COMPLAINT.UNKNOWN_ACTION'),
  'COMPLAINT.UNKNOWN_REFERENCE',
  'COMMUNICATION.MISSING_REQUIRED_CONTENT',
  'COMMUNICATION.NOT_BY_POST',
  'TEMPLATE.INVALID',
  'POLICY.UNKNOWN_REQUIRED_CONTENT',
];

const idempotencyHeader = z.object({
  'idempotency-key': z.string().min(1).max(200).optional(),
});

export async function complaintRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/complaints',
    {
      config: {
        permission: 'complaint.create',
        errors: [
          'COMPLAINT.RECEIVED_IN_FUTURE',
          'COMPLAINT.RECEIVED_TOO_EARLY',
          'COMPLAINT.CHANNEL_NOT_ACCEPTED',
          'COMPLAINT.UNKNOWN_REFERENCE',
          'IDEMPOTENCY.KEY_REUSED',
          'POLICY.NOT_FOUND',
          'POLICY.NOT_IN_FORCE',
        ],
      },
      schema: {
        tags: ['complaints'],
        summary: 'Register a complaint (phone, post, in person, email, or another system)',
        headers: idempotencyHeader,
        body: createComplaintInput,
        response: { 201: registeredSchema },
      },
    },
    async (request, reply) => {
      const user = actorOf(request);
      const registered = await registerComplaint(ctx, user, {
        complaint: request.body,
        route: 'staff',
        idempotencyKey: request.headers['idempotency-key'],
      });
      return reply.code(201).send(presentRegistered(registered, ctx.config.publicUrl));
    },
  );

  app.get(
    '/complaints',
    {
      config: { permission: 'complaint.read', errors: ['INPUT.BAD_CURSOR'] },
      schema: {
        tags: ['complaints'],
        summary: 'The queue: filter, search, sort by next due, page',
        querystring: listQuery,
        response: { 200: queuePageSchema },
      },
    },
    async (request) => presentQueuePage(await listComplaints(ctx, actorOf(request), request.query)),
  );

  app.get(
    '/complaints/:reference',
    {
      config: { permission: 'complaint.read', errors: ['COMPLAINT.NOT_FOUND'] },
      schema: {
        tags: ['complaints'],
        summary: 'A complaint with its clocks, timeline, messages and attachments',
        params: referenceParam,
        response: { 200: complaintSchema },
      },
    },
    async (request) =>
      presentComplaint(await getComplaint(ctx, actorOf(request), request.params.reference)),
  );

  app.get(
    '/complaints/:reference/tracking-link',
    {
      config: { permission: 'tracking.link', errors: ['COMPLAINT.NOT_FOUND'] },
      schema: {
        tags: ['complaints'],
        summary: "The customer's tracking link, to give again (null when none can be rebuilt)",
        params: referenceParam,
        response: { 200: trackingLinkSchema },
      },
    },
    async (request) => getTrackingLink(ctx, actorOf(request), request.params.reference),
  );

  for (const action of ACTIONS) {
    const permission = actionPermission(action);
    const roles = PERMISSIONS[permission] as readonly Role[];
    const body = (actionPayloadSchemas[action] as unknown as z.ZodObject).strict();
    app.post(
      `/complaints/:reference/actions/${action}`,
      {
        config: { permission, errors: ACTION_ERRORS },
        schema: {
          tags: ['actions'],
          summary: `${action} (allowed for ${roles.join(', ') || 'no staff role'})`,
          params: referenceParam,
          body: body.nullish(),
          response: { 200: actionResultSchema },
        },
      },
      async (request) => {
        const user = actorOf(request);
        const payload = (request.body ?? {}) as Record<string, unknown>;
        const done = await applyComplaintAction(ctx, user, {
          reference: request.params.reference,
          action,
          payload,
        });
        return presentActionResult(done);
      },
    );
  }

  app.post(
    '/complaints/:reference/actions/:action',
    {
      config: { permission: 'complaint.read' },
      schema: { hide: true, params: z.object({ reference: z.string(), action: z.string() }) },
    },
    async (request) => {
      throw new AppError(
        'COMPLAINT.UNKNOWN_ACTION',
        `unknown action "${request.params.action}"; actions: ${ACTIONS.join(', ')}`,
      );
    },
  );
}

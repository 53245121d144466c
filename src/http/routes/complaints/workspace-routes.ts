// What the case workspace needs besides the complaint itself: the preview of the communication
// an action will send, presence heartbeats ("Alex is also working on this complaint") and
// tasks that coordinate with a department.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  linkComplaintToCustomer,
  linkCustomerInput,
  listCustomerMatches,
} from '../../../app/complaints/customer-matches.ts';
import { previewActionCommunication } from '../../../app/complaints/preview-action.ts';
import { createTask } from '../../../app/work/work-lists.ts';
import { recordPresenceBeat } from '../../../app/work/presence.ts';
import { ACTIONS } from '../../../domain/complaint/lifecycle.ts';
import { actorOf } from '../../plugins/auth.ts';
import { presenceSchema, taskCreatedSchema } from '../../presenters/work.ts';
import {
  customerLinkedSchema,
  customerMatchesSchema,
  presentCustomerMatch,
} from '../../presenters/customer-matches.ts';
import type { RouteContext } from '../../../composition.ts';
import { referenceParam } from './routes.ts';

export const actionPreviewSchema = z
  .object({
    preview: z
      .object({
        kind: z.string(),
        communication: z.string().describe("the policy's communication that would be sent"),
        method: z.enum(['email', 'letter', 'portal', 'phone']),
        language: z.string().describe("the customer's language"),
        subject: z.string(),
        text: z.string(),
        missing: z.array(
          z.object({ token: z.string(), what: z.string(), why: z.string().optional() }),
        ),
      })
      .nullable()
      .describe('null when the action sends the customer nothing'),
  })
  .meta({ id: 'ActionPreview' });

export async function workspaceRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/complaints/:reference/customer-matches',
    {
      config: { permission: 'customer.match.read', errors: ['COMPLAINT.NOT_FOUND'] },
      schema: {
        tags: ['complaints'],
        summary:
          "Other customers with this complaint's email or phone: possibly the same person, for staff to confirm",
        params: referenceParam,
        response: { 200: customerMatchesSchema },
      },
    },
    async (request) => ({
      items: (await listCustomerMatches(ctx, actorOf(request), request.params.reference)).map(
        presentCustomerMatch,
      ),
    }),
  );

  app.post(
    '/complaints/:reference/customer-link',
    {
      config: {
        permission: 'customer.match',
        errors: ['COMPLAINT.NOT_FOUND', 'CUSTOMER.NOT_A_MATCH'],
      },
      schema: {
        tags: ['complaints'],
        summary:
          'Link the complaint to a matching customer, once a person has confirmed they are the same (audited)',
        params: referenceParam,
        body: linkCustomerInput,
        response: { 200: customerLinkedSchema },
      },
    },
    async (request) =>
      linkComplaintToCustomer(ctx, actorOf(request), request.params.reference, request.body),
  );

  app.post(
    '/complaints/:reference/action-previews/:action',
    {
      config: {
        permission: 'communication.preview',
        errors: [
          'COMPLAINT.NOT_FOUND',
          'COMMUNICATION.INVALID_EXTRA',
          'TEMPLATE.INVALID',
          'POLICY.UNKNOWN_REQUIRED_CONTENT',
        ],
      },
      schema: {
        tags: ['actions'],
        summary:
          'The message an action would send the customer now (its payload as given), with the required content it still lacks',
        params: referenceParam.extend({ action: z.enum(ACTIONS) }),
        body: z.record(z.string(), z.unknown()).nullish(),
        response: { 200: actionPreviewSchema },
      },
    },
    async (request) => {
      const p = await previewActionCommunication(ctx, actorOf(request), {
        reference: request.params.reference,
        action: request.params.action,
        payload: request.body ?? {},
      });
      return {
        preview: p && {
          kind: p.kind,
          communication: p.communication,
          method: p.method,
          language: p.language,
          subject: p.subject,
          text: p.text,
          missing: p.missing,
        },
      };
    },
  );

  app.post(
    '/complaints/:reference/presence',
    {
      config: { permission: 'presence.record', errors: ['COMPLAINT.NOT_FOUND'] },
      schema: {
        tags: ['complaints'],
        summary:
          'A heartbeat from the case workspace (viewing or editing; left when the page closes); answers who else is there',
        params: referenceParam,
        body: z.strictObject({ mode: z.enum(['viewing', 'editing', 'left']) }),
        response: { 200: presenceSchema },
      },
    },
    async (request) => {
      const others = await recordPresenceBeat(ctx, actorOf(request), {
        reference: request.params.reference,
        mode: request.body.mode,
      });
      return {
        others: others.map((o) => ({
          userId: o.user_id,
          name: o.name,
          mode: o.mode,
          seenAt: o.seen_at.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/complaints/:reference/tasks',
    {
      config: {
        permission: 'task.create',
        errors: ['COMPLAINT.NOT_FOUND', 'COMPLAINT.UNKNOWN_REFERENCE'],
      },
      schema: {
        tags: ['work'],
        summary: 'A task on the complaint: a follow-up, or coordination with a department',
        params: referenceParam,
        body: z.strictObject({
          title: z.string().trim().min(1, 'a task needs a title').max(300),
          departmentId: z.string().min(1).max(100).optional(),
          dueAt: z.iso.datetime({ offset: true }).optional(),
          note: z.string().max(5000).optional(),
        }),
        response: { 201: taskCreatedSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const id = await createTask(ctx, actorOf(request), {
        reference: request.params.reference,
        title: b.title,
        departmentId: b.departmentId,
        dueAt: b.dueAt ? new Date(b.dueAt) : undefined,
        note: b.note,
      });
      return reply.code(201).send({ id });
    },
  );
}

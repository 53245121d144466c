// The queue's own routes beside GET /complaints: the saved views with their counts, bulk
// assign and transfer (picked complaints, or all a filter matches), and who can be assigned.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  bulkAssignInput,
  bulkChangeComplaints,
  bulkTransferInput,
} from '../../../app/complaints/bulk-change-complaints.ts';
import { z } from 'zod';
import { countQueueViews, VIEW_SETS } from '../../../app/complaints/count-queue-views.ts';
import { listAssignees } from '../../../app/users/list-assignees.ts';
import type { RouteContext } from '../../../composition.ts';
import { actorOf } from '../../plugins/auth.ts';
import {
  assigneeListSchema,
  bulkResultSchema,
  presentAssignees,
  presentBulkResult,
  presentQueueViews,
  queueViewsSchema,
} from '../../presenters/queue.ts';

export async function queueRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/complaints/views',
    {
      config: { permission: 'complaint.read' },
      schema: {
        tags: ['complaints'],
        summary:
          'The queue’s saved views (mine, my department, unassigned, overdue, awaiting approval, awaiting customer), or with set=inbox the managers’ inboxes (approvals, escalations, decisions, flags), each with its query and count',
        querystring: z.strictObject({
          set: z
            .enum(VIEW_SETS)
            .default('queue')
            .describe('queue: the saved views; inbox: the managers’ inboxes'),
        }),
        response: { 200: queueViewsSchema },
      },
    },
    async (request) =>
      presentQueueViews(await countQueueViews(ctx, actorOf(request), request.query.set)),
  );

  app.post(
    '/complaints/bulk/assign',
    {
      config: { permission: 'action.assign', errors: ['INPUT.TOO_MANY_SELECTED'] },
      schema: {
        tags: ['complaints'],
        summary: 'Assign many complaints at once (picked, or every one a queue filter matches)',
        body: bulkAssignInput,
        response: { 200: bulkResultSchema },
      },
    },
    async (request) => {
      const { references, filter, ...payload } = request.body;
      return presentBulkResult(
        await bulkChangeComplaints(ctx, actorOf(request), {
          action: 'assign',
          selection: { references, filter },
          payload,
        }),
      );
    },
  );

  app.post(
    '/complaints/bulk/transfer',
    {
      config: { permission: 'action.transfer', errors: ['INPUT.TOO_MANY_SELECTED'] },
      schema: {
        tags: ['complaints'],
        summary: 'Transfer many complaints to a department at once',
        body: bulkTransferInput,
        response: { 200: bulkResultSchema },
      },
    },
    async (request) => {
      const { references, filter, ...payload } = request.body;
      return presentBulkResult(
        await bulkChangeComplaints(ctx, actorOf(request), {
          action: 'transfer',
          selection: { references, filter },
          payload,
        }),
      );
    },
  );

  app.get(
    '/assignees',
    {
      config: { permission: 'assignee.read' },
      schema: {
        tags: ['users'],
        summary: 'Whom complaints can be assigned to (active handlers and managers)',
        response: { 200: assigneeListSchema },
      },
    },
    async () => presentAssignees(await listAssignees(ctx)),
  );
}

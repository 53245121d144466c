// Work lists: tasks, notifications, the outbox's problems and the print list of letters.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { retryMessage } from '../../../app/communications/dispatch-outbox.ts';
import { AppError } from '../../../app/errors.ts';
import {
  completeTask,
  letterPdf,
  listLetters,
  listNotifications,
  listOutboxProblems,
  listTasks,
  markLetterPosted,
  markNotificationRead,
} from '../../../app/work/work-lists.ts';
import { renderProcedureBookletPdf } from '../../../letters/procedure-booklet.ts';
import { actorOf } from '../../plugins/auth.ts';
import { binaryBody, binaryResponse, doneSchema } from '../../presenters/common.ts';
import {
  letterPostedSchema,
  notificationListSchema,
  outgoingListSchema,
  presentListedMessage,
  presentNotification,
  presentTask,
  taskListSchema,
} from '../../presenters/work.ts';
import type { RouteContext } from '../../../composition.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() });

export async function workRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/tasks',
    {
      config: { permission: 'task.read' },
      schema: {
        tags: ['work'],
        summary:
          'Call tasks, follow-ups and coordination tasks (a department member: their department’s only)',
        querystring: z.strictObject({ open: z.enum(['true', 'false']).default('true') }),
        response: { 200: taskListSchema },
      },
    },
    async (request) => ({
      items: (await listTasks(ctx, actorOf(request), request.query.open === 'true')).map(
        presentTask,
      ),
    }),
  );

  app.post(
    '/tasks/:id/done',
    {
      config: { permission: 'task.complete', errors: ['TASK.NOT_FOUND'] },
      schema: {
        tags: ['work'],
        summary: 'Mark a task done',
        params: idParam,
        body: z.strictObject({ note: z.string().max(5000).optional() }).nullish(),
        response: { 200: doneSchema },
      },
    },
    async (request) => {
      await completeTask(ctx, actorOf(request), {
        id: request.params.id,
        note: request.body?.note,
      });
      return { ok: true };
    },
  );

  app.get(
    '/notifications',
    {
      config: { permission: 'notification.read' },
      schema: {
        tags: ['work'],
        summary: 'My unread notifications',
        response: { 200: notificationListSchema },
      },
    },
    async (request) => ({
      items: (await listNotifications(ctx, actorOf(request))).map(presentNotification),
    }),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { permission: 'notification.dismiss', errors: ['NOTIFICATION.NOT_FOUND'] },
      schema: {
        tags: ['work'],
        summary: 'Mark a notification read',
        params: idParam,
        response: { 200: doneSchema },
      },
    },
    async (request) => {
      await markNotificationRead(ctx, actorOf(request), request.params.id);
      return { ok: true };
    },
  );

  app.get(
    '/outbox/problems',
    {
      config: { permission: 'outbox.read' },
      schema: {
        tags: ['work'],
        summary: 'Emails that failed or whose sending was interrupted',
        response: { 200: outgoingListSchema },
      },
    },
    async () => ({ items: (await listOutboxProblems(ctx)).map(presentListedMessage) }),
  );

  app.post(
    '/outbox/:id/retry',
    {
      config: { permission: 'outbox.retry', errors: ['OUTBOX.NOT_RETRYABLE'] },
      schema: {
        tags: ['work'],
        summary: 'Send a failed email again',
        params: idParam,
        response: { 200: doneSchema },
      },
    },
    async (request) => {
      if (!(await retryMessage(ctx, actorOf(request), { id: request.params.id }))) {
        throw new AppError(
          'OUTBOX.NOT_RETRYABLE',
          `message ${request.params.id} is not a failed or unknown email`,
        );
      }
      return { ok: true };
    },
  );

  app.get(
    '/letters',
    {
      config: { permission: 'letter.read' },
      schema: {
        tags: ['letters'],
        summary: 'The print list: letters waiting to be posted (or already posted)',
        querystring: z.strictObject({
          status: z.enum(['awaiting_print', 'posted']).default('awaiting_print'),
        }),
        response: { 200: outgoingListSchema },
      },
    },
    async (request) => ({
      items: (await listLetters(ctx, request.query.status)).map(presentListedMessage),
    }),
  );

  app.get(
    '/letters/:id/pdf',
    {
      config: { permission: 'letter.read', errors: ['LETTER.NOT_FOUND'] },
      schema: {
        tags: ['letters'],
        summary: 'The letter as the PDF to print (A4, address window)',
        params: idParam,
        response: { 200: binaryResponse('application/pdf', 'the letter, A4 PDF') },
      },
    },
    async (request, reply) => {
      const { pdf, filename } = await letterPdf(ctx, request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .send(binaryBody(pdf));
    },
  );

  app.get(
    '/policies/:id/procedure.pdf',
    {
      config: { permission: 'procedure.read', errors: ['POLICY.NOT_FOUND', 'POLICY.NOT_IN_FORCE'] },
      schema: {
        tags: ['policies'],
        summary: 'The published procedure as a printable booklet (free copy by post)',
        security: [],
        params: z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/) }),
        querystring: z.strictObject({ lang: z.enum(['en', 'vi']).optional() }),
        response: { 200: binaryResponse('application/pdf', 'the procedure booklet, A4 PDF') },
      },
    },
    async (request, reply) => {
      const policy = ctx.policies.at(request.params.id, ctx.now());
      const lang = request.query.lang ?? policy.languages[0] ?? 'en';
      const pdf = await renderProcedureBookletPdf(policy, lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${policy.id}-procedure-${lang}.pdf"`)
        .send(binaryBody(pdf));
    },
  );

  app.post(
    '/letters/:id/posted',
    {
      config: { permission: 'letter.post', errors: ['LETTER.NOT_FOUND', 'LETTER.ALREADY_POSTED'] },
      schema: {
        tags: ['letters'],
        summary: 'Record that a printed letter was posted (the date is recorded)',
        params: idParam,
        body: z.strictObject({ postedAt: z.iso.datetime({ offset: true }).optional() }).nullish(),
        response: { 200: letterPostedSchema },
      },
    },
    async (request) => {
      const postedAt = request.body?.postedAt ? new Date(request.body.postedAt) : ctx.now();
      await markLetterPosted(ctx, actorOf(request), { id: request.params.id, postedAt });
      return { ok: true, postedAt: postedAt.toISOString() };
    },
  );
}

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
import type { Role } from '../../../domain/complaint/states.ts';
import { renderProcedureBookletPdf } from '../../../letters/procedure-booklet.ts';
import { actorOf } from '../../plugins/auth.ts';
import type { RouteContext } from '../../server.ts';

const HANDLERS: readonly Role[] = ['handler', 'manager', 'administrator'];
const idParam = z.object({ id: z.coerce.number().int().positive() });

export async function workRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/tasks',
    {
      config: { roles: [...HANDLERS, 'auditor'] },
      schema: {
        tags: ['work'],
        summary: 'Call tasks and follow-ups',
        querystring: z.strictObject({ open: z.enum(['true', 'false']).default('true') }),
      },
    },
    async (request) => ({ items: await listTasks(ctx.db, request.query.open === 'true') }),
  );

  app.post(
    '/tasks/:id/done',
    {
      config: { roles: HANDLERS },
      schema: {
        tags: ['work'],
        summary: 'Mark a task done',
        params: idParam,
        body: z.strictObject({ note: z.string().max(5000).optional() }).nullish(),
      },
    },
    async (request) => {
      await completeTask(
        ctx.db,
        actorOf(request),
        request.params.id,
        request.body?.note,
        ctx.now(),
      );
      return { ok: true };
    },
  );

  app.get(
    '/notifications',
    { config: { roles: 'any' }, schema: { tags: ['work'], summary: 'My unread notifications' } },
    async (request) => ({ items: await listNotifications(ctx.db, actorOf(request)) }),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { roles: 'any' },
      schema: { tags: ['work'], summary: 'Mark a notification read', params: idParam },
    },
    async (request) => {
      await markNotificationRead(ctx.db, actorOf(request), request.params.id, ctx.now());
      return { ok: true };
    },
  );

  app.get(
    '/outbox/problems',
    {
      config: { roles: ['administrator', 'manager', 'auditor'] },
      schema: { tags: ['work'], summary: 'Emails that failed or whose sending was interrupted' },
    },
    async () => ({ items: await listOutboxProblems(ctx.db) }),
  );

  app.post(
    '/outbox/:id/retry',
    {
      config: { roles: ['administrator'] },
      schema: { tags: ['work'], summary: 'Send a failed email again', params: idParam },
    },
    async (request) => {
      if (!(await retryMessage(ctx.db, request.params.id, ctx.now()))) {
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
      config: { roles: [...HANDLERS, 'auditor'] },
      schema: {
        tags: ['letters'],
        summary: 'The print list: letters waiting to be posted (or already posted)',
        querystring: z.strictObject({
          status: z.enum(['awaiting_print', 'posted']).default('awaiting_print'),
        }),
      },
    },
    async (request) => ({ items: await listLetters(ctx.db, request.query.status) }),
  );

  app.get(
    '/letters/:id/pdf',
    {
      config: { roles: [...HANDLERS, 'auditor'] },
      schema: {
        tags: ['letters'],
        summary: 'The letter as the PDF to print (A4, address window)',
        params: idParam,
      },
    },
    async (request, reply) => {
      const { pdf, filename } = await letterPdf(ctx.db, ctx.policies, request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .send(pdf);
    },
  );

  app.get(
    '/policies/:id/procedure.pdf',
    {
      config: { roles: 'public' },
      schema: {
        tags: ['policies'],
        summary: 'The published procedure as a printable booklet (free copy by post)',
        params: z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/) }),
        querystring: z.strictObject({ lang: z.enum(['en', 'vi']).optional() }),
      },
    },
    async (request, reply) => {
      const policy = ctx.policies.at(request.params.id, ctx.now());
      const lang = request.query.lang ?? policy.languages[0] ?? 'en';
      const pdf = await renderProcedureBookletPdf(policy, lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${policy.id}-procedure-${lang}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/letters/:id/posted',
    {
      config: { roles: HANDLERS },
      schema: {
        tags: ['letters'],
        summary: 'Record that a printed letter was posted (the date is recorded)',
        params: idParam,
        body: z.strictObject({ postedAt: z.iso.datetime({ offset: true }).optional() }).nullish(),
      },
    },
    async (request) => {
      const postedAt = request.body?.postedAt ? new Date(request.body.postedAt) : ctx.now();
      await markLetterPosted(ctx.db, actorOf(request), request.params.id, postedAt);
      return { ok: true, postedAt: postedAt.toISOString() };
    },
  );
}

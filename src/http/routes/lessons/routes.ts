// /lessons: the lessons-learned register (every closed complaint's summary, root cause and
// lesson, searchable) and its corrective actions — read by staff, set by managers.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addCorrectiveAction,
  changeCorrectiveAction,
  correctiveActionPatch,
  newCorrectiveActionInput,
} from '../../../app/lessons/change-corrective-action.ts';
import { listLessons, listLessonsQuery } from '../../../app/lessons/list-lessons.ts';
import type { RouteContext } from '../../../composition.ts';
import { actorOf } from '../../plugins/auth.ts';
import {
  correctiveActionSchema,
  lessonsRegisterSchema,
  presentCorrectiveAction,
  presentLessonsRegister,
} from '../../presenters/lesson.ts';

const referenceParam = z.object({ reference: z.string().min(1).max(64) });
const actionParam = referenceParam.extend({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 53),
});

export async function lessonRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/lessons',
    {
      config: { permission: 'lesson.read', errors: ['REPORT.BAD_PERIOD', 'POLICY.NOT_FOUND'] },
      schema: {
        tags: ['lessons'],
        summary:
          'The lessons-learned register: closed complaints with summary, root cause, lesson and corrective actions; by words, root cause, product, period',
        querystring: listLessonsQuery,
        response: { 200: lessonsRegisterSchema },
      },
    },
    async (request) =>
      presentLessonsRegister(await listLessons(ctx, actorOf(request), request.query)),
  );

  app.post(
    '/lessons/:reference/actions',
    {
      config: {
        permission: 'lesson.manage',
        errors: ['LESSON.NOT_FOUND', 'LESSON.UNKNOWN_OWNER', 'LESSON.ACTION_NOT_DONE'],
      },
      schema: {
        tags: ['lessons'],
        summary:
          'A corrective action on a closed complaint’s lesson: what, its owner and due date (an audit event)',
        params: referenceParam,
        body: newCorrectiveActionInput,
        response: { 201: correctiveActionSchema },
      },
    },
    async (request, reply) => {
      const a = await addCorrectiveAction(ctx, actorOf(request), {
        reference: request.params.reference,
        ...request.body,
      });
      return reply.code(201).send(presentCorrectiveAction(a));
    },
  );

  app.patch(
    '/lessons/:reference/actions/:id',
    {
      config: {
        permission: 'lesson.manage',
        errors: [
          'LESSON.NOT_FOUND',
          'LESSON.ACTION_NOT_FOUND',
          'LESSON.UNKNOWN_OWNER',
          'LESSON.ACTION_NOT_DONE',
        ],
      },
      schema: {
        tags: ['lessons'],
        summary:
          'Change a corrective action: owner, due date, done (a date, or null), whether it worked, with a note (an audit event)',
        params: actionParam,
        body: correctiveActionPatch,
        response: { 200: correctiveActionSchema },
      },
    },
    async (request) =>
      presentCorrectiveAction(
        await changeCorrectiveAction(ctx, actorOf(request), {
          reference: request.params.reference,
          id: request.params.id,
          patch: request.body,
        }),
      ),
  );
}

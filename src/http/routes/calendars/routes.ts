// /policies/:id/calendar/:year: the working days and holidays a policy's clocks count by.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  getWorkingCalendar,
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
} from '../../../app/calendars/get-working-calendar.ts';
import {
  correctCalendar,
  previewCalendarCorrection,
} from '../../../app/calendars/correct-calendar.ts';
import { listCalendarCorrections } from '../../../app/calendars/list-calendar-corrections.ts';
import { workingCalendarSchema } from '../../presenters/policy.ts';
import {
  calendarCorrectedSchema,
  calendarCorrectionListSchema,
  presentCalendarCorrected,
  presentCalendarCorrection,
} from '../../presenters/calendar-correction.ts';
import type { RouteContext } from '../../../composition.ts';
import { actorOf } from '../../plugins/auth.ts';

const params = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'expected a policy id such as uk-comms-ombudsman'),
  year: z
    .string()
    .regex(/^\d{4}$/, 'expected a year such as 2026')
    .transform(Number)
    .pipe(z.number().int().min(MIN_CALENDAR_YEAR).max(MAX_CALENDAR_YEAR)),
});

const query = z.strictObject({
  version: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, 'expected a version number')
    .transform(Number)
    .optional()
    .describe('a version of the policy; defaults to the version in force now'),
  lang: z.enum(['en', 'vi']).optional().describe('the language of the holiday names'),
});

const correctionBody = z.strictObject({
  date: z.iso.date().describe('YYYY-MM-DD, in the policy time zone'),
  change: z.enum(['add', 'remove']).describe('add: not worked; remove: worked'),
  name: z.string().trim().max(200).optional().describe('e.g. "Tết Nguyên Đán (mùng 5)"'),
  reason: z.string().trim().min(1, 'a reason is required').max(2000),
});

export async function calendarRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/policies/:id/calendar/:year',
    {
      config: {
        permission: 'policy.read',
        errors: ['POLICY.NOT_FOUND', 'POLICY.VERSION_NOT_FOUND', 'CALENDAR.YEAR_OUT_OF_RANGE'],
      },
      schema: {
        tags: ['policies'],
        summary: "A year of the policy's business calendar: working days and holidays",
        params,
        querystring: query,
        response: { 200: workingCalendarSchema },
      },
    },
    async (request) =>
      getWorkingCalendar(ctx, actorOf(request), {
        id: request.params.id,
        year: request.params.year,
        version: request.query.version,
        lang: request.query.lang,
      }),
  );

  app.post(
    '/policies/:id/calendar/corrections',
    {
      config: {
        permission: 'policy.manage',
        errors: ['POLICY.NOT_FOUND', 'CALENDAR.INVALID_CORRECTION'],
      },
      schema: {
        tags: ['policies'],
        summary:
          "Correct the policy's calendar without a new version (a late holiday, a closure, a day worked); open complaints' clocks not yet due are re-timed",
        params: params.pick({ id: true }),
        body: correctionBody,
        response: { 200: calendarCorrectedSchema },
      },
    },
    async (request) =>
      presentCalendarCorrected(
        await correctCalendar(ctx, actorOf(request), {
          policyId: request.params.id,
          ...request.body,
        }),
      ),
  );

  app.get(
    '/policies/:id/calendar/corrections',
    {
      config: {
        permission: 'policy.read',
        errors: ['POLICY.NOT_FOUND', 'CALENDAR.YEAR_OUT_OF_RANGE'],
      },
      schema: {
        tags: ['policies'],
        summary:
          "The corrections of a year's days (newest first), each with its reason and who made it",
        params: params.pick({ id: true }),
        querystring: z.strictObject({ year: params.shape.year }),
        response: { 200: calendarCorrectionListSchema },
      },
    },
    async (request) => ({
      items: (
        await listCalendarCorrections(ctx, actorOf(request), {
          policyId: request.params.id,
          year: request.query.year,
        })
      ).map(presentCalendarCorrection),
    }),
  );

  app.post(
    '/policies/:id/calendar/corrections/preview',
    {
      config: {
        permission: 'policy.manage',
        errors: ['POLICY.NOT_FOUND', 'CALENDAR.INVALID_CORRECTION'],
      },
      schema: {
        tags: ['policies'],
        summary:
          'What a correction would re-time (the clocks of open complaints that would move), changing nothing',
        params: params.pick({ id: true }),
        body: correctionBody,
        response: { 200: calendarCorrectedSchema },
      },
    },
    async (request) =>
      presentCalendarCorrected(
        await previewCalendarCorrection(ctx, actorOf(request), {
          policyId: request.params.id,
          ...request.body,
        }),
      ),
  );
}

// /reports/{name} (SPEC §6): figures for a period as JSON or CSV, the complaints behind any
// figure, and the lessons-learned register. Managers and auditors (and administrators) read them.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  getLessonsRegister,
  getReport,
  getReportComplaints,
  getSatisfactionComments,
  REPORT_NAMES,
} from '../../../app/reports/get-report.ts';
import { actorOf } from '../../plugins/auth.ts';
import { binaryBody } from '../../presenters/common.ts';
import {
  lessonsSchema,
  presentLesson,
  presentPeriod,
  presentReport,
  presentSatisfactionComment,
  reportComplaintsSchema,
  reportSchema,
  satisfactionCommentsSchema,
  toCsv,
  wantsCsv,
} from '../../presenters/report.ts';
import type { RouteContext } from '../../../composition.ts';

const date = (what: string) =>
  z.iso.date({ error: 'expected a date as YYYY-MM-DD' }).describe(`${what} (the policy’s zone)`);

export const periodQuery = {
  from: date('first day of the period'),
  to: date('last day of the period, inclusive'),
  policy: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'expected a policy id')
    .optional()
    .describe('one policy (default: every policy, dates read in the default policy’s zone)'),
};

const format = z.enum(['json', 'csv']).optional().describe('or send Accept: text/csv');

const reportQuery = z.strictObject({
  ...periodQuery,
  groupBy: z.string().max(40).optional().describe('one of the report’s groupings'),
  format,
});

const lessonsQuery = z.strictObject({
  ...periodQuery,
  format,
  q: z.string().max(200).optional().describe('words to look for'),
  limit: z.coerce.number().int().min(1).max(5000).optional().describe('at most this many'),
});

const commentsQuery = z.strictObject({
  ...periodQuery,
  limit: z.coerce.number().int().min(1).max(100).optional().describe('at most this many (10)'),
});

const drillQuery = z.strictObject({
  ...periodQuery,
  groupBy: z.string().max(40).optional(),
  key: z.string().max(200).describe('the row: its `key` as the report gave it'),
  measure: z.string().max(40).optional().describe('the column; absent: every complaint of the row'),
  limit: z.coerce.number().int().min(1).max(10000).optional(),
});

const nameParam = z.object({
  name: z
    .string()
    .max(40)
    .describe(`one of: ${REPORT_NAMES.join(', ')}`),
});

const csvOrJson = (schema: z.ZodType, description: string) => ({
  200: {
    description,
    content: {
      'application/json': { schema },
      'text/csv': { schema: z.string() },
    },
  },
});

export async function reportRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/reports/lessons',
    {
      config: { permission: 'report.read', errors: ['REPORT.BAD_PERIOD', 'POLICY.NOT_FOUND'] },
      schema: {
        tags: ['reports'],
        summary:
          'The lessons-learned register: closed complaints’ summaries, root causes and lessons',
        querystring: lessonsQuery,
        response: csvOrJson(lessonsSchema, 'the register, or the same rows as CSV'),
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await getLessonsRegister(ctx, actorOf(request), q);
      const items = r.items.map(presentLesson);
      if (wantsCsv(q.format, request.headers.accept)) {
        return sendCsv(reply, 'lessons', toCsv(LESSON_COLUMNS, items));
      }
      return reply.send({ period: presentPeriod(r.period), items });
    },
  );

  app.get(
    '/reports/satisfaction/comments',
    {
      config: { permission: 'report.read', errors: ['REPORT.BAD_PERIOD', 'POLICY.NOT_FOUND'] },
      schema: {
        tags: ['reports'],
        summary:
          'The most recent comments customers left with their rating, on complaints closed in the period',
        querystring: commentsQuery,
        response: { 200: satisfactionCommentsSchema },
      },
    },
    async (request) => {
      const r = await getSatisfactionComments(ctx, actorOf(request), request.query);
      return { period: presentPeriod(r.period), items: r.items.map(presentSatisfactionComment) };
    },
  );

  app.get(
    '/reports/:name',
    {
      config: {
        permission: 'report.read',
        errors: [
          'REPORT.NOT_FOUND',
          'REPORT.BAD_PERIOD',
          'REPORT.UNKNOWN_GROUPING',
          'POLICY.NOT_FOUND',
        ],
      },
      schema: {
        tags: ['reports'],
        summary: `A report for a period (${REPORT_NAMES.join(', ')}), as JSON or CSV`,
        params: nameParam,
        querystring: reportQuery,
        response: csvOrJson(reportSchema, 'the report, or the same rows as CSV'),
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await getReport(ctx, actorOf(request), { ...q, name: request.params.name });
      if (wantsCsv(q.format, request.headers.accept))
        return sendCsv(reply, r.name, toCsv(r.columns, [...r.rows, r.totals]));
      return reply.send(presentReport(r));
    },
  );

  app.get(
    '/reports/:name/complaints',
    {
      config: {
        permission: 'report.read',
        errors: [
          'REPORT.NOT_FOUND',
          'REPORT.BAD_PERIOD',
          'REPORT.UNKNOWN_GROUPING',
          'POLICY.NOT_FOUND',
        ],
      },
      schema: {
        tags: ['reports'],
        summary: 'The complaints behind one figure of a report (row `key`, column `measure`)',
        params: nameParam,
        querystring: drillQuery,
        response: { 200: reportComplaintsSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const r = await getReportComplaints(ctx, actorOf(request), {
        ...q,
        name: request.params.name,
      });
      return {
        period: presentPeriod(r.period),
        groupBy: r.groupBy,
        key: q.key,
        measure: q.measure ?? null,
        total: r.total,
        references: r.references,
      };
    },
  );
}

const LESSON_COLUMNS = [
  'reference',
  'policy',
  'closedAt',
  'outcome',
  'rootCause',
  'cause',
  'summary',
  'lessonsLearned',
];

function sendCsv(
  reply: { header(k: string, v: string): unknown; type(t: string): { send(b: unknown): unknown } },
  name: string,
  csv: string,
) {
  reply.header('content-disposition', `attachment; filename="${name}.csv"`);
  return reply.type('text/csv; charset=utf-8').send(binaryBody(Buffer.from(csv, 'utf8')));
}

// /returns/{kind} (SPEC §6): a regulator return for a period (fca-disp, ofcom-quarterly,
// spso-kpi), the complaints behind any figure, and filed snapshots that never change.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  computeReturn,
  fileReturn,
  getFiledReturn,
  getReturnComplaints,
  getReturnDeadline,
  listReturnsFiled,
  RETURN_KINDS,
} from '../../../app/reports/returns.ts';
import { actorOf } from '../../plugins/auth.ts';
import {
  filedReturnListSchema,
  filedReturnSchema,
  returnComplaintsSchema,
  returnDeadlineSchema,
  returnSchema,
} from '../../presenters/return.ts';
import type { RouteContext } from '../../../composition.ts';

const kindParam = z.object({
  kind: z
    .string()
    .max(40)
    .describe(`one of: ${RETURN_KINDS.join(', ')}`),
});

const policy = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'expected a policy id')
  .optional()
  .describe('the policy reported on (default: uk-fca-disp, uk-comms-ombudsman, vn-datacentre)');

const customerBase = z
  .string()
  .max(2000)
  .regex(
    /^([a-z0-9_.-]+:\d+)(,[a-z0-9_.-]+:\d+)*$/,
    'expected service:customers,… such as broadband:120000',
  )
  .optional()
  .describe('ofcom-quarterly: customers per service, for the rate per 100,000 customers');

const periodShape = {
  periodStart: z.iso.date({ error: 'expected a date as YYYY-MM-DD' }),
  periodEnd: z.iso.date({ error: 'expected a date as YYYY-MM-DD' }).describe('inclusive'),
  policy,
};

const returnQuery = z.strictObject({ ...periodShape, customerBase });

const cellQuery = z.strictObject({
  ...periodShape,
  measure: z.string().max(60).describe('the figure, e.g. closedWithin3BusinessDays'),
  productGroup: z.string().max(100).optional().describe('fca-disp: the cell’s product group'),
  cause: z.string().max(100).optional().describe('fca-disp: the cell’s cause'),
  key: z
    .string()
    .max(100)
    .optional()
    .describe('ofcom-quarterly, spso-kpi: the row (service, stage)'),
  limit: z.coerce.number().int().min(1).max(10000).optional(),
});

const fileBody = z.strictObject({ ...periodShape, customerBase });

function parseBase(s: string | undefined): Record<string, number> | undefined {
  if (!s) return undefined;
  return Object.fromEntries(
    s.split(',').map((pair) => {
      const [k, v] = pair.split(':');
      return [k!, Number(v)];
    }),
  );
}

const ERRORS = ['REPORT.NOT_FOUND', 'REPORT.BAD_PERIOD', 'POLICY.NOT_FOUND'] as const;

export async function returnRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/returns/:kind',
    {
      config: { permission: 'return.read', errors: [...ERRORS] },
      schema: {
        tags: ['reports'],
        summary: 'A regulator return computed for a period, with warnings about its data',
        params: kindParam,
        querystring: returnQuery,
        response: { 200: returnSchema },
      },
    },
    async (request) =>
      computeReturn(ctx, actorOf(request), {
        ...request.query,
        customerBase: parseBase(request.query.customerBase),
        kind: request.params.kind,
      }),
  );

  app.get(
    '/returns/:kind/deadline',
    {
      config: { permission: 'return.read', errors: [...ERRORS] },
      schema: {
        tags: ['reports'],
        summary: 'When the return for a period must be filed, without computing its figures',
        params: kindParam,
        querystring: z.strictObject(periodShape),
        response: { 200: returnDeadlineSchema },
      },
    },
    async (request) =>
      getReturnDeadline(ctx, actorOf(request), { ...request.query, kind: request.params.kind }),
  );

  app.get(
    '/returns/:kind/complaints',
    {
      config: { permission: 'return.read', errors: [...ERRORS, 'REPORT.UNKNOWN_GROUPING'] },
      schema: {
        tags: ['reports'],
        summary: 'The complaints behind one figure of a return',
        params: kindParam,
        querystring: cellQuery,
        response: { 200: returnComplaintsSchema },
      },
    },
    async (request) => {
      const r = await getReturnComplaints(ctx, actorOf(request), {
        ...request.query,
        kind: request.params.kind,
      });
      return { measure: request.query.measure, ...r };
    },
  );

  app.post(
    '/returns/:kind/filed',
    {
      config: { permission: 'return.file', errors: [...ERRORS] },
      schema: {
        tags: ['reports'],
        summary: 'File the return for a period: an unchangeable snapshot (a new version each time)',
        params: kindParam,
        body: fileBody,
        response: { 201: filedReturnSchema },
      },
    },
    async (request, reply) => {
      const filed = await fileReturn(ctx, actorOf(request), {
        ...request.body,
        customerBase: parseBase(request.body.customerBase),
        kind: request.params.kind,
      });
      return reply.code(201).send(filed);
    },
  );

  app.get(
    '/returns/:kind/filed',
    {
      config: { permission: 'return.read', errors: ['REPORT.NOT_FOUND'] },
      schema: {
        tags: ['reports'],
        summary: 'Every filed version of a kind of return, newest period first',
        params: kindParam,
        querystring: z.strictObject({ policy }),
        response: { 200: filedReturnListSchema },
      },
    },
    async (request) => ({
      items: await listReturnsFiled(ctx, actorOf(request), {
        kind: request.params.kind,
        policy: request.query.policy,
      }),
    }),
  );

  app.get(
    '/returns/:kind/filed/:id',
    {
      config: { permission: 'return.read', errors: ['REPORT.NOT_FOUND', 'RETURN.NOT_FILED'] },
      schema: {
        tags: ['reports'],
        summary: 'One filed return, exactly as it was filed',
        params: kindParam.extend({
          id: z.coerce
            .number()
            .int()
            .positive()
            .max(2 ** 31 - 1),
        }),
        response: { 200: filedReturnSchema },
      },
    },
    async (request) =>
      getFiledReturn(ctx, actorOf(request), { kind: request.params.kind, id: request.params.id }),
  );
}

// /audit: the audit trail for auditors (and administrators): events by complaint, actor, kind
// and period; an export of the filtered trail as CSV or JSON; the hash chain's verification.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  exportAuditTrail,
  listAuditTrail,
  verifyAuditTrail,
} from '../../../app/audit/list-audit-trail.ts';
import { actorOf } from '../../plugins/auth.ts';
import type { RouteContext } from '../../../composition.ts';
import {
  auditCsv,
  auditExportSchema,
  auditPageSchema,
  auditVerificationSchema,
  presentAuditEvent,
  presentVerification,
} from '../../presenters/audit.ts';

const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: 'expected an ISO-8601 date-time such as 2026-04-08T00:00:00Z or a date YYYY-MM-DD',
  })
  .optional();

const reference = z
  .string()
  .regex(
    /^[A-Za-z0-9-]{1,40}$/,
    "expected a complaint reference such as RD-2026-000001, or 'system'",
  );

const filters = {
  complaint: reference.optional().describe("a complaint's reference, or 'system'"),
  actor: z.string().min(1).max(100).optional().describe('the id of whoever acted'),
  kind: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,79}$/, 'expected an event kind such as acknowledged')
    .optional(),
  from: instant.describe('events at or after (a date is 00:00 UTC)'),
  to: instant.describe('events before (a date counts the whole day, UTC)'),
};

const listQuery = z.strictObject({
  ...filters,
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'expected the nextCursor of the page before')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const exportQuery = z.strictObject({
  ...filters,
  format: z.enum(['csv', 'json']).default('csv'),
});

/** A date means its whole day (UTC): `from` its start, `to` the start of the next day. */
function toInstant(v: string | undefined, end: boolean): Date | undefined {
  if (v === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const d = new Date(`${v}T00:00:00Z`);
    return end ? new Date(d.getTime() + 86_400_000) : d;
  }
  return new Date(v);
}

function filterOf(q: z.infer<typeof listQuery> | z.infer<typeof exportQuery>) {
  return {
    stream: q.complaint,
    actorId: q.actor,
    type: q.kind,
    from: toInstant(q.from, false),
    to: toInstant(q.to, true),
  };
}

export async function auditRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/audit/events',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first, by complaint, actor, kind and period',
        querystring: listQuery,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await listAuditTrail(ctx, actorOf(request), {
        ...filterOf(q),
        cursor: q.cursor === undefined ? undefined : Number(q.cursor),
        limit: q.limit,
      });
      return { items: page.items.map(presentAuditEvent), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/audit/export',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary:
          'The filtered audit trail as a download (CSV, or JSON); at most 100,000 events, the X-Truncated header says when there were more',
        querystring: exportQuery,
        response: {
          200: {
            description: 'the events, newest first',
            content: {
              'text/csv': { schema: z.string().meta({ format: 'binary' }) },
              'application/json': { schema: auditExportSchema },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const result = await exportAuditTrail(ctx, actorOf(request), filterOf(q));
      const name = `audit-${q.complaint ?? 'all'}-${ctx.now().toISOString().slice(0, 10)}`;
      reply.header('x-truncated', String(result.truncated));
      if (q.format === 'json') {
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.json"`)
          .send(
            JSON.stringify({
              items: result.items.map(presentAuditEvent),
              truncated: result.truncated,
            }),
          );
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(auditCsv(result.items));
    },
  );

  app.get(
    '/audit/verification',
    {
      config: { permission: 'audit.read', errors: ['COMPLAINT.NOT_FOUND'] },
      schema: {
        tags: ['audit'],
        summary:
          "Recompute the hash chain of one complaint (or 'system'), or of every stream, and name the first broken link",
        querystring: z.strictObject({ complaint: reference.optional() }),
        response: { 200: auditVerificationSchema },
      },
    },
    async (request) => {
      const result = await verifyAuditTrail(ctx, actorOf(request), {
        complaint: request.query.complaint,
      });
      return presentVerification(result, ctx.now());
    },
  );
}

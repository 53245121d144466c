// Data protection (administrators; auditors read): legal holds, the retention preview, a
// customer's data export (one ZIP), erasure (refused while the law requires the data kept) and
// restriction. SPEC §6: GET /customers/{id}/export, POST /customers/{id}/erase.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actOnDataRequest,
  dataRequestActionInput,
} from '../../../app/privacy/act-on-data-request.ts';
import { getDataRequest, listDataRequests } from '../../../app/privacy/list-data-requests.ts';
import { openDataRequest, openDataRequestInput } from '../../../app/privacy/open-data-request.ts';
import { DATA_REQUEST_ACTIONS } from '../../../domain/privacy/data-requests.ts';
import { eraseCustomerData } from '../../../app/privacy/erase-customer-data.ts';
import { exportCustomerData } from '../../../app/privacy/export-customer-data.ts';
import { evidencePackPdf } from '../../../app/privacy/get-evidence-pack.ts';
import { listLegalHolds } from '../../../app/privacy/list-legal-holds.ts';
import { placeLegalHold, placeLegalHoldInput } from '../../../app/privacy/place-legal-hold.ts';
import { previewRetention } from '../../../app/privacy/preview-retention.ts';
import {
  releaseLegalHoldById,
  releaseLegalHoldInput,
} from '../../../app/privacy/release-legal-hold.ts';
import { restrictCustomerData } from '../../../app/privacy/restrict-customer-data.ts';
import type { RouteContext } from '../../../composition.ts';
import { actorOf } from '../../plugins/auth.ts';
import { binaryBody, binaryResponse } from '../../presenters/common.ts';
import {
  dataRequestListSchema,
  dataRequestSchema,
  erasureSchema,
  legalHoldListSchema,
  legalHoldSchema,
  presentLegalHold,
  restrictionSchema,
  retentionPreviewSchema,
} from '../../presenters/privacy.ts';

const customerParam = z.strictObject({ id: z.string().min(1).max(64) });
const reasonBody = z.strictObject({ reason: z.string().trim().min(1).max(2000).optional() });

export async function privacyRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/privacy/holds',
    {
      config: { permission: 'privacy.read' },
      schema: {
        tags: ['privacy'],
        summary: 'Legal holds in force (all=true: released ones too)',
        querystring: z.strictObject({ all: z.enum(['true', 'false']).optional() }),
        response: { 200: legalHoldListSchema },
      },
    },
    async (request) => ({
      items: (
        await listLegalHolds(ctx, actorOf(request), { all: request.query.all === 'true' })
      ).map(presentLegalHold),
    }),
  );

  app.post(
    '/privacy/holds',
    {
      config: {
        permission: 'privacy.manage',
        errors: ['COMPLAINT.NOT_FOUND', 'CUSTOMER.NOT_FOUND'],
      },
      schema: {
        tags: ['privacy'],
        summary: 'Place a legal hold on a complaint (reference) or a customer (customerId)',
        body: placeLegalHoldInput,
        response: { 201: legalHoldSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(presentLegalHold(await placeLegalHold(ctx, actorOf(request), request.body))),
  );

  app.post(
    '/privacy/holds/:id/release',
    {
      config: { permission: 'privacy.manage', errors: ['HOLD.NOT_FOUND', 'HOLD.RELEASED'] },
      schema: {
        tags: ['privacy'],
        summary: 'Release a legal hold, with a reason',
        params: z.strictObject({ id: z.string().min(1).max(64) }),
        body: releaseLegalHoldInput,
        response: { 200: legalHoldSchema },
      },
    },
    async (request) =>
      presentLegalHold(
        await releaseLegalHoldById(ctx, actorOf(request), {
          id: request.params.id,
          reason: request.body.reason,
        }),
      ),
  );

  app.get(
    '/privacy/retention/preview',
    {
      config: { permission: 'privacy.read' },
      schema: {
        tags: ['privacy'],
        summary: 'How many complaints the retention sweep will anonymise, per day, up to a horizon',
        querystring: z.strictObject({
          days: z.coerce.number().int().min(1).max(3660).default(366),
          timezone: z
            .string()
            .refine((tz) => {
              try {
                new Intl.DateTimeFormat('en', { timeZone: tz });
                return true;
              } catch {
                return false;
              }
            }, 'expected an IANA time zone')
            .default('UTC'),
        }),
        response: { 200: retentionPreviewSchema },
      },
    },
    async (request) => previewRetention(ctx, actorOf(request), request.query),
  );

  app.get(
    '/customers/:id/export',
    {
      config: { permission: 'privacy.manage', errors: ['CUSTOMER.NOT_FOUND'] },
      schema: {
        tags: ['privacy'],
        summary:
          'Everything held about a customer, one ZIP with a readable index in their language',
        params: customerParam,
        response: { 200: binaryResponse('application/zip', 'the export, a ZIP archive') },
      },
    },
    async (request, reply) => {
      const out = await exportCustomerData(ctx, actorOf(request), {
        customerId: request.params.id,
      });
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${out.filename}"`)
        .send(binaryBody(out.zip));
    },
  );

  app.post(
    '/customers/:id/erase',
    {
      config: { permission: 'privacy.manage', errors: ['CUSTOMER.NOT_FOUND', 'ERASURE.REFUSED'] },
      schema: {
        tags: ['privacy'],
        summary:
          "Erase a customer's personal data (409 with the reason and the date the duty ends while the law requires it kept)",
        params: customerParam,
        body: reasonBody.optional(),
        response: { 200: erasureSchema },
      },
    },
    async (request) =>
      eraseCustomerData(ctx, actorOf(request), {
        customerId: request.params.id,
        reason: request.body?.reason,
      }),
  );

  app.post(
    '/customers/:id/restrict',
    {
      config: { permission: 'privacy.manage', errors: ['CUSTOMER.NOT_FOUND'] },
      schema: {
        tags: ['privacy'],
        summary: "Restrict the use of a customer's data (kept, not otherwise used)",
        params: customerParam,
        body: reasonBody.optional(),
        response: { 200: restrictionSchema },
      },
    },
    async (request) =>
      restrictCustomerData(ctx, actorOf(request), {
        customerId: request.params.id,
        reason: request.body?.reason,
      }),
  );

  app.get(
    '/complaints/:reference/evidence.pdf',
    {
      config: { permission: 'evidence.read', errors: ['COMPLAINT.NOT_FOUND'] },
      schema: {
        tags: ['privacy'],
        summary:
          'The evidence pack: timeline with actors, each clock met or breached and when, every message as sent with proof of dispatch, the policy text, the audit chain verified',
        params: z.strictObject({ reference: z.string().min(1).max(64) }),
        querystring: z.strictObject({ lang: z.enum(['en', 'vi']).optional() }),
        response: { 200: binaryResponse('application/pdf', 'the evidence pack, A4 PDF') },
      },
    },
    async (request, reply) => {
      const { pdf, filename } = await evidencePackPdf(ctx, actorOf(request), {
        reference: request.params.reference,
        lang: request.query.lang,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .send(binaryBody(pdf));
    },
  );

  app.get(
    '/privacy/requests',
    {
      config: { permission: 'privacy.read' },
      schema: {
        tags: ['privacy'],
        summary: 'Data-subject requests not yet answered, soonest due first (all=true: every one)',
        querystring: z.strictObject({ all: z.enum(['true', 'false']).optional() }),
        response: { 200: dataRequestListSchema },
      },
    },
    async (request) => ({
      items: await listDataRequests(ctx, actorOf(request), { all: request.query.all === 'true' }),
    }),
  );

  app.post(
    '/privacy/requests',
    {
      config: { permission: 'privacy.manage', errors: ['CUSTOMER.NOT_FOUND', 'POLICY.NOT_FOUND'] },
      schema: {
        tags: ['privacy'],
        summary: "Record a customer's request about their data (access, erasure, restriction)",
        body: openDataRequestInput,
        response: { 201: dataRequestSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await openDataRequest(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/privacy/requests/:id',
    {
      config: { permission: 'privacy.read', errors: ['DSR.NOT_FOUND'] },
      schema: {
        tags: ['privacy'],
        summary: 'One data-subject request with its clocks',
        params: z.strictObject({ id: z.string().min(1).max(64) }),
        response: { 200: dataRequestSchema },
      },
    },
    async (request) => getDataRequest(ctx, actorOf(request), { id: request.params.id }),
  );

  app.post(
    '/privacy/requests/:id/actions/:action',
    {
      config: {
        permission: 'privacy.manage',
        errors: [
          'DSR.NOT_FOUND',
          'DSR.ILLEGAL_ACTION',
          'DSR.EXTENSION_REFUSED',
          'DSR.REASON_REQUIRED',
        ],
      },
      schema: {
        tags: ['privacy'],
        summary: `Act on a data request: ${DATA_REQUEST_ACTIONS.join(', ')}`,
        params: z.strictObject({
          id: z.string().min(1).max(64),
          action: z.enum(DATA_REQUEST_ACTIONS),
        }),
        body: dataRequestActionInput.optional(),
        response: { 200: dataRequestSchema },
      },
    },
    async (request) => {
      const { id, action } = request.params;
      return actOnDataRequest(ctx, actorOf(request), { id, action, ...(request.body ?? {}) });
    },
  );
}

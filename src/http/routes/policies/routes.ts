// /policies: the procedures as data. Anyone signed in reads them; administrators add versions;
// the published procedure text is public, so customers can ask for a copy.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addPolicyVersion } from '../../../app/policies/add-policy-version.ts';
import { checkPolicyDraft } from '../../../app/policies/check-policy-draft.ts';
import { CHANNELS } from '../../../domain/complaint/states.ts';
import { getPolicy } from '../../../app/policies/get-policy.ts';
import { listPolicies } from '../../../app/policies/list-policies.ts';
import { renderPolicyProcedure } from '../../../app/policies/render-policy-procedure.ts';
import { LANGUAGES } from '../../../domain/policy/schema.ts';
import { VISITOR } from '../../../domain/complaint/snapshot.ts';
import { actorOf } from '../../plugins/auth.ts';
import {
  policyDetailSchema,
  policyDraftCheckSchema,
  policyListSchema,
  policyVersionSchema,
  procedureSchema,
} from '../../presenters/policy.ts';
import type { RouteContext } from '../../../composition.ts';

export const policyIdParam = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'expected a policy id such as uk-comms-ombudsman'),
});

const policyDocument = z
  .record(z.string(), z.unknown())
  .describe('a policy version as in a policy file (SPEC §3), every default filled in');

const getQuery = z.strictObject({
  at: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], {
      error: 'expected an ISO-8601 date-time such as 2026-04-08T00:00:00Z or a date YYYY-MM-DD',
    })
    .optional()
    .describe('only the version in force at this instant (or on this date)'),
});

const draftBody = z.strictObject({
  text: z
    .string()
    .min(1, 'the draft is empty')
    .max(200_000, 'the draft must be at most 200,000 characters')
    .describe('one policy version as YAML or JSON, as in a policy file'),
  receivedAt: z.iso
    .datetime({
      offset: true,
      error: 'expected an ISO-8601 date-time such as 2026-04-08T09:00:00Z',
    })
    .optional()
    .describe('the moment a sample complaint is received; defaults to now'),
  channel: z.enum(CHANNELS).default('email').describe('the sample complaint’s channel'),
});

const procedureQuery = z.strictObject({
  lang: z.enum(LANGUAGES).optional().describe("defaults to the policy's first language"),
  format: z.enum(['text', 'json']).optional().describe('or send Accept: application/json'),
  version: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, 'expected a version number')
    .transform(Number)
    .optional()
    .describe('a version of the policy; defaults to the version in force now'),
});

export async function policyRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/policies',
    {
      config: { permission: 'policy.read' },
      schema: {
        tags: ['policies'],
        summary: 'Every policy, its versions and the version in force now',
        response: { 200: policyListSchema },
      },
    },
    async (request) => ({ items: listPolicies(ctx, actorOf(request)) }),
  );

  app.get(
    '/policies/:id',
    {
      config: { permission: 'policy.read', errors: ['POLICY.NOT_FOUND', 'POLICY.NOT_IN_FORCE'] },
      schema: {
        tags: ['policies'],
        summary: 'Every version of a policy, or with ?at= the version in force then',
        params: policyIdParam,
        querystring: getQuery,
        response: { 200: policyDetailSchema },
      },
    },
    async (request) =>
      getPolicy(ctx, actorOf(request), { id: request.params.id, at: request.query.at }),
  );

  app.post(
    '/policies/:id/versions',
    {
      config: {
        permission: 'policy.manage',
        errors: ['POLICY.INVALID', 'POLICY.ID_MISMATCH', 'POLICY.EFFECTIVE_DATE'],
      },
      schema: {
        tags: ['policies'],
        summary:
          'Add a version (numbered next; must take effect after the latest); 400 POLICY.INVALID lists every problem',
        params: policyIdParam,
        body: policyDocument,
        response: { 201: policyVersionSchema },
      },
    },
    async (request, reply) => {
      const added = await addPolicyVersion(ctx, actorOf(request), {
        id: request.params.id,
        document: request.body,
      });
      return reply.code(201).send(added);
    },
  );

  app.post(
    '/policies/:id/draft',
    {
      config: {
        permission: 'policy.manage',
        errors: ['POLICY.INVALID', 'POLICY.ID_MISMATCH'],
      },
      schema: {
        tags: ['policies'],
        summary:
          'Check a draft version (YAML or JSON text) without adding it: 400 POLICY.INVALID lists each problem with its path; else the document with its defaults and the deadlines it would give a complaint received at receivedAt, beside the version in force',
        params: policyIdParam,
        body: draftBody,
        response: { 200: policyDraftCheckSchema },
      },
    },
    async (request) =>
      checkPolicyDraft(ctx, actorOf(request), {
        id: request.params.id,
        text: request.body.text,
        receivedAt: request.body.receivedAt ?? ctx.now().toISOString(),
        channel: request.body.channel,
      }),
  );

  app.get(
    '/policies/:id/procedure',
    {
      config: {
        permission: 'procedure.read',
        errors: ['POLICY.NOT_FOUND', 'POLICY.NOT_IN_FORCE', 'POLICY.VERSION_NOT_FOUND'],
      },
      schema: {
        tags: ['policies', 'public'],
        summary: 'The published complaints procedure (text/plain, or JSON {text})',
        security: [],
        params: policyIdParam,
        querystring: procedureQuery,
        response: {
          200: {
            description: 'the procedure as text, or as JSON with ?format=json',
            content: {
              'text/plain': { schema: z.string() },
              'application/json': { schema: procedureSchema },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const rendered = renderPolicyProcedure(ctx, request.user ?? VISITOR, {
        id: request.params.id,
        lang: request.query.lang,
        version: request.query.version,
      });
      const json =
        request.query.format === 'json' ||
        (request.query.format === undefined &&
          /\bapplication\/json\b/.test(request.headers.accept ?? ''));
      if (json) return reply.type('application/json; charset=utf-8').send(rendered);
      return reply.type('text/plain; charset=utf-8').send(rendered.text);
    },
  );
}

// /policies/{id}/templates: the message templates of a policy, per kind and language. Staff read
// them and preview messages; administrators save edits as new versions (checked: variables and
// required content), each with an audit event.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { previewCommunication } from '../../../app/communications/compose-communication.ts';
import {
  getMessageTemplate,
  listMessageTemplates,
  saveMessageTemplate,
} from '../../../app/communications/message-templates.ts';
import { COMMUNICATION_KINDS, LANGUAGES } from '../../../domain/policy/schema.ts';
import { renderLetterPdf } from '../../../letters/letter-pdf.ts';
import { AppError } from '../../../app/errors.ts';
import { actorOf } from '../../plugins/auth.ts';
import { binaryBody } from '../../presenters/common.ts';
import {
  previewSchema,
  savedTemplateSchema,
  templateListSchema,
  templateSchema,
} from '../../presenters/template.ts';
import type { RouteContext } from '../../../composition.ts';
import { policyIdParam } from '../policies/routes.ts';

const templateParams = policyIdParam.extend({
  kind: z.enum(COMMUNICATION_KINDS),
  lang: z.enum(LANGUAGES),
});

const templateBody = z.strictObject({
  subject: z
    .string()
    .trim()
    .min(1, 'the subject must not be empty')
    .max(300, 'the subject must be at most 300 characters'),
  body: z
    .string()
    .min(1, 'the body must not be empty')
    .max(50_000, 'the body must be at most 50,000 characters'),
});

const previewBody = z.strictObject({
  reference: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,40}$/, 'expected a complaint reference such as RD-2026-000001')
    .optional()
    .describe('render against this complaint; without it, against a sample complaint'),
  subject: z.string().max(300).optional().describe('an unsaved subject to try (with body)'),
  body: z.string().max(50_000).optional().describe('an unsaved body to try (with subject)'),
  communication: z
    .string()
    .max(100)
    .optional()
    .describe(
      "the policy's communication (its mustInclude is checked); default: the first of the kind",
    ),
  extra: z
    .record(z.string(), z.union([z.string(), z.array(z.string())]))
    .optional()
    .describe('per-kind details: questions, plan, response_text, outcome, reason …'),
  format: z.enum(['json', 'pdf']).default('json').describe('pdf: the message as a printed letter'),
});

export async function templateRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/policies/:id/templates',
    {
      config: { permission: 'template.read', errors: ['POLICY.NOT_FOUND'] },
      schema: {
        tags: ['templates'],
        summary: 'Every kind × language of a policy, with the template in use (default or custom)',
        params: policyIdParam,
        response: { 200: templateListSchema },
      },
    },
    async (request) => listMessageTemplates(ctx.db, ctx.policies, request.params.id),
  );

  app.get(
    '/policies/:id/templates/:kind/:lang',
    {
      config: { permission: 'template.read', errors: ['POLICY.NOT_FOUND'] },
      schema: {
        tags: ['templates'],
        summary: 'One template: the version in use, the shipped default, every saved version',
        params: templateParams,
        response: { 200: templateSchema },
      },
    },
    async (request) =>
      getMessageTemplate(
        ctx.db,
        ctx.policies,
        request.params.id,
        request.params.kind,
        request.params.lang,
      ),
  );

  app.put(
    '/policies/:id/templates/:kind/:lang',
    {
      config: {
        permission: 'template.edit',
        errors: [
          'POLICY.NOT_FOUND',
          'TEMPLATE.SUBJECT',
          'TEMPLATE.SYNTAX',
          'TEMPLATE.UNKNOWN_VARIABLE',
          'COMMUNICATION.MISSING_REQUIRED_CONTENT',
          'POLICY.UNKNOWN_REQUIRED_CONTENT',
        ],
      },
      schema: {
        tags: ['templates'],
        summary:
          'Save an edit as a new version; 400 TEMPLATE.UNKNOWN_VARIABLE or TEMPLATE.SYNTAX names the problem, 422 COMMUNICATION.MISSING_REQUIRED_CONTENT what it would leave out',
        params: templateParams,
        body: templateBody,
        response: { 200: savedTemplateSchema },
      },
    },
    async (request) =>
      saveMessageTemplate(
        ctx.db,
        ctx.policies,
        actorOf(request),
        {
          policyId: request.params.id,
          kind: request.params.kind,
          lang: request.params.lang,
          subject: request.body.subject,
          body: request.body.body,
        },
        ctx.now(),
      ),
  );

  app.post(
    '/policies/:id/templates/:kind/:lang/preview',
    {
      config: {
        permission: 'template.preview',
        errors: [
          'POLICY.NOT_FOUND',
          'POLICY.NOT_IN_FORCE',
          'COMPLAINT.NOT_FOUND',
          'COMMUNICATION.UNKNOWN',
          'COMMUNICATION.KIND_MISMATCH',
          'COMMUNICATION.INVALID_EXTRA',
          'COMMUNICATION.LANGUAGE',
          'TEMPLATE.SYNTAX',
          'TEMPLATE.UNKNOWN_VARIABLE',
          'TEMPLATE.INVALID',
          'POLICY.UNKNOWN_REQUIRED_CONTENT',
        ],
      },
      schema: {
        tags: ['templates'],
        summary:
          'Render a message (the current template, or an unsaved subject and body) against a complaint or a sample; lists missing required content instead of refusing',
        params: templateParams,
        body: previewBody,
        response: {
          200: {
            description: 'the rendered message, or with format=pdf the letter as PDF',
            content: {
              'application/json': { schema: previewSchema },
              'application/pdf': { schema: z.string().meta({ format: 'binary' }) },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { id, kind, lang } = request.params;
      const b = request.body;
      if ((b.subject === undefined) !== (b.body === undefined)) {
        throw new AppError(
          'INPUT.INVALID',
          'send both subject and body to preview an unsaved template, or neither',
        );
      }
      const now = ctx.now();
      const preview = await previewCommunication(ctx.db, ctx.policies, {
        policyId: id,
        kind,
        lang,
        ...(b.reference ? { reference: b.reference } : {}),
        ...(b.subject !== undefined && b.body !== undefined
          ? { template: { subject: b.subject, body: b.body } }
          : {}),
        ...(b.communication ? { communicationName: b.communication } : {}),
        ...(b.extra ? { extra: b.extra } : {}),
        now,
      });
      if (b.format !== 'pdf') return preview;
      const policy = ctx.policies.at(id, now);
      const pdf = await renderLetterPdf({
        composed: preview,
        organisation: policy.organisation ?? { name: policy.name },
        recipient: preview.recipient,
        reference: preview.reference,
        date: now,
        language: lang,
        timezone: policy.timezone,
      });
      return reply.type('application/pdf').send(binaryBody(pdf) as never);
    },
  );
}

// Policies (the procedures as data), their published text and their working calendars.
import { z } from 'zod';
import { LANGUAGES, policySchema } from '../../domain/policy/schema.ts';

/**
 * A policy version as in a policy file (SPEC §3), every default filled in. Sent as the registry
 * holds it: every version is the output of parsing with policySchema, so it carries nothing the
 * schema does not name, and the schema's transforms cannot run backwards to re-check it. The
 * document describes it by policySchema itself (POLICY_DOCUMENT_JSON_SCHEMA).
 */
export const policyVersionSchema = z
  .record(z.string(), z.unknown())
  .describe('a policy version (SPEC §3), every default filled in')
  .meta({ id: 'Policy' });

/** The JSON Schema of a policy version, for the OpenAPI document's `Policy` component. */
export function policyDocumentJsonSchema(): Record<string, unknown> {
  const { $schema: _s, ...schema } = z.toJSONSchema(policySchema, {
    target: 'openapi-3.0',
    io: 'output',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return { ...schema, description: 'a policy version (SPEC §3), every default filled in' };
}

export const policySummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    versions: z.array(z.object({ version: z.number().int(), effectiveFrom: z.string() })),
    current: z.number().int().nullable().describe('the version in force now'),
  })
  .meta({ id: 'PolicySummary' });

export const policyListSchema = z
  .object({ items: z.array(policySummarySchema) })
  .meta({ id: 'PolicyList' });

export const policyDetailSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    current: z.number().int().nullable(),
    versions: z.array(policyVersionSchema),
  })
  .meta({ id: 'PolicyDetail' });

export const procedureSchema = z
  .object({
    policy: z.string(),
    version: z.number().int(),
    lang: z.enum(LANGUAGES),
    text: z.string(),
  })
  .meta({ id: 'Procedure' });

export const workingCalendarSchema = z
  .object({
    policy: z.string(),
    version: z.number().int(),
    year: z.number().int(),
    timezone: z.string(),
    workingDays: z.array(z.string()).describe('YYYY-MM-DD, in order'),
    holidays: z.array(
      z.object({
        date: z.string(),
        name: z.string().nullable().describe('in `lang`; null for a day added without a name'),
        lang: z
          .string()
          .describe('the language of the name (the region may not have the one asked)'),
        kind: z
          .enum(['public', 'added'])
          .describe("public: the region's holiday; added: by the policy or a correction"),
      }),
    ),
    count: z.number().int().describe('how many working days'),
  })
  .meta({ id: 'WorkingCalendar' });

export const policyDraftCheckSchema = z
  .object({
    document: policyVersionSchema.describe('the draft with every default filled in'),
    inForce: policyVersionSchema
      .nullable()
      .describe('the version in force at receivedAt (null for a new policy)'),
    receivedAt: z.string(),
    channel: z.string(),
    deadlines: z.array(
      z.object({
        clock: z.string(),
        label: z.string().nullable(),
        startsOn: z.array(z.string()).describe('the events that start the clock'),
        dueAt: z
          .string()
          .nullable()
          .describe('under the draft; null when the clock does not start on receipt'),
        inForceDueAt: z.string().nullable().describe('under the version in force'),
      }),
    ),
  })
  .meta({ id: 'PolicyDraftCheck' });

// Policies (the procedures as data), their published text and their working calendars.
import { z } from 'zod';
import { LANGUAGES, policySchema } from '../../domain/policy/schema.ts';

/** A policy version as in a policy file (SPEC §3), every default filled in. */
export const policyVersionSchema = policySchema.meta({ id: 'Policy' });

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
    holidays: z.array(z.object({ date: z.string(), name: z.string() })),
    count: z.number().int().describe('how many working days'),
  })
  .meta({ id: 'WorkingCalendar' });

// Data protection's answers: legal holds, the retention preview, erasure and restriction.
import { z } from 'zod';
import type { LegalHold } from '../../app/privacy/legal-hold.ts';
import {
  DATA_REQUEST_ACTIONS,
  DATA_REQUEST_OPERATIONS,
} from '../../domain/privacy/data-requests.ts';
import { instant } from './common.ts';

export const legalHoldSchema = z
  .object({
    id: z.string(),
    reference: z.string().nullable().describe('the complaint held, or null for a customer hold'),
    customerId: z.string().nullable().describe('the customer held, or null for a complaint hold'),
    reason: z.string(),
    placedBy: z.string(),
    placedByName: z.string().nullable().describe('null when placed from the command line'),
    placedAt: instant(),
    releasedAt: instant().nullable(),
    releasedBy: z.string().nullable(),
    releasedByName: z.string().nullable(),
    releaseReason: z.string().nullable(),
  })
  .meta({ id: 'LegalHold' });

export const legalHoldListSchema = z
  .object({ items: z.array(legalHoldSchema) })
  .meta({ id: 'LegalHoldList' });

export const presentLegalHold = (h: LegalHold): z.infer<typeof legalHoldSchema> => h;

export const retentionPreviewSchema = z
  .object({
    asOf: instant(),
    until: instant(),
    timezone: z.string(),
    dueNow: z.number().int().describe('complaints the next sweep anonymises'),
    days: z
      .array(z.object({ date: z.string(), count: z.number().int() }))
      .describe('per local day up to the horizon: how many complaints will be anonymised'),
    held: z.number().int().describe('closed complaints kept by a legal hold'),
    policies: z
      .array(
        z.object({
          policy: z.string(),
          name: z.string(),
          timezone: z.string(),
          dueNow: z.number().int(),
          days: z.array(z.object({ date: z.string(), count: z.number().int() })),
        }),
      )
      .describe("the same per policy, its days in the policy's time zone (only policies with any)"),
    dueReferences: z.array(z.object({ reference: z.string(), dueAt: instant() })),
  })
  .meta({ id: 'RetentionPreview' });

export const erasureSchema = z
  .object({ customerId: z.string(), erasedAt: instant(), complaints: z.array(z.string()) })
  .meta({ id: 'Erasure' });

export const restrictionSchema = z
  .object({ customerId: z.string(), restrictedAt: instant() })
  .meta({ id: 'Restriction' });

export const dataRequestSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    customerName: z.string().nullable(),
    policy: z.string(),
    regime: z.enum(['uk', 'vn']),
    kind: z.enum(['access', 'erasure', 'restriction']),
    status: z.enum(['received', 'identity_check', 'in_progress', 'answered']),
    receivedAt: instant(),
    acknowledgeDueAt: instant().nullable().describe('VN: acknowledge by then; UK: null'),
    acknowledgedAt: instant().nullable(),
    dueAt: instant()
      .nullable()
      .describe('answer by then; null while paused for the identity check'),
    extended: z.boolean(),
    extensionReason: z.string().nullable(),
    withProcessors: z.boolean(),
    outcome: z.string().nullable(),
    answer: z.string().nullable(),
    answeredAt: instant().nullable(),
    allowedActions: z
      .array(z.enum([...DATA_REQUEST_ACTIONS, ...DATA_REQUEST_OPERATIONS]))
      .describe(
        'what the caller may do now: actions (POST …/actions/{action}; extend needs a reason) and, once in progress, the customer operation that carries the request out (export, erase, restrict); empty for a reader or once answered',
      ),
  })
  .meta({ id: 'DataRequest' });

export const dataRequestListSchema = z
  .object({ items: z.array(dataRequestSchema) })
  .meta({ id: 'DataRequestList' });

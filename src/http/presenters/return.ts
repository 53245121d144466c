// Regulator returns: computed figures, and filed snapshots of them.
import { z } from 'zod';
import { instant } from './common.ts';

const warningSchema = z
  .object({
    code: z.string().describe('openedWithoutProduct, openedWithoutCause, unknownProduct, …'),
    count: z.number().int(),
    message: z.string(),
    references: z.array(z.string()).describe('up to 50 of the complaints concerned'),
  })
  .meta({ id: 'ReturnWarning' });

const deadlineSchema = z
  .object({ dueAt: instant(), businessDaysAfterPeriodEnd: z.number().int() })
  .nullable()
  .describe('when the return must be filed, on the policy’s calendar');

const returnShape = {
  kind: z.string(),
  policy: z.object({ id: z.string(), version: z.number().int() }),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  timezone: z.string(),
  figures: z
    .record(z.string(), z.unknown())
    .describe('the tables of the return (their shape depends on the kind; see the README)'),
  deadline: deadlineSchema,
  warnings: z.array(warningSchema),
};

export const returnSchema = z.object(returnShape).meta({ id: 'Return' });

export const filedReturnSchema = z
  .object({
    ...returnShape,
    computedAt: instant(),
    id: z.number().int(),
    version: z.number().int().describe('1 for the first filing of this period, then 2, …'),
    digest: z.string().describe('sha256 of the snapshot’s canonical JSON'),
    filedBy: z.string(),
    filedAt: instant(),
  })
  .meta({ id: 'FiledReturn' });

export const filedReturnListSchema = z
  .object({ items: z.array(filedReturnSchema) })
  .meta({ id: 'FiledReturnList' });

export const returnComplaintsSchema = z
  .object({
    measure: z.string(),
    total: z.number().int(),
    references: z.array(z.string()),
  })
  .meta({ id: 'ReturnComplaints' });

export const returnDeadlineSchema = z
  .object({
    kind: z.string(),
    periodEnd: z.iso.date(),
    policy: z
      .object({ id: z.string(), version: z.number().int() })
      .nullable()
      .describe('the policy whose calendar counts the days; null when the return has no deadline'),
    timezone: z.string().nullable(),
    deadline: deadlineSchema,
  })
  .meta({ id: 'ReturnDeadline' });

// The answer to a calendar correction (or its preview): what changed, and which clocks of open
// complaints moved; and the list of a year's corrections.
import { z } from 'zod';
import type { CalendarCorrected } from '../../app/calendars/correct-calendar.ts';
import type { CalendarCorrectionEntry } from '../../app/calendars/list-calendar-corrections.ts';
import { instant } from './common.ts';

export const calendarCorrectedSchema = z
  .object({
    policy: z.string(),
    date: z.string().describe('YYYY-MM-DD, in the policy time zone'),
    change: z.enum(['add', 'remove']).describe('add: not worked; remove: worked'),
    retimed: z
      .array(
        z.object({
          reference: z.string(),
          clock: z.string(),
          from: z.string().nullable(),
          to: z.string().nullable(),
        }),
      )
      .describe('each clock of an open complaint, not yet due, whose due instant moved'),
    complaints: z.number().int().describe('how many open complaints have a clock that moved'),
  })
  .meta({ id: 'CalendarCorrected' });

export const presentCalendarCorrected = (
  c: CalendarCorrected,
): z.infer<typeof calendarCorrectedSchema> => c;

export const calendarCorrectionSchema = z
  .object({
    id: z.number().int(),
    date: z.string().describe('YYYY-MM-DD, in the policy time zone'),
    change: z.enum(['add', 'remove']).describe('add: not worked; remove: worked'),
    name: z.string().nullable(),
    reason: z.string(),
    by: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .describe('who made it; null from the command line'),
    at: instant(),
    stands: z.boolean().describe('false once a later correction of the same day replaced it'),
  })
  .meta({ id: 'CalendarCorrection' });

export const calendarCorrectionListSchema = z
  .object({ items: z.array(calendarCorrectionSchema) })
  .meta({ id: 'CalendarCorrectionList' });

export const presentCalendarCorrection = (
  c: CalendarCorrectionEntry,
): z.infer<typeof calendarCorrectionSchema> => c;

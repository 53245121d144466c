// The answer to a calendar correction: what changed, and which clocks of open complaints moved.
import { z } from 'zod';
import type { CalendarCorrected } from '../../app/calendars/correct-calendar.ts';

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
  })
  .meta({ id: 'CalendarCorrected' });

export const presentCalendarCorrected = (
  c: CalendarCorrected,
): z.infer<typeof calendarCorrectedSchema> => c;

// The fast calendar agrees with the straightforward day-by-day walk over date-holidays.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { naiveDeadlines } from '../../bench/naive-deadline.ts';
import { BusinessCalendar } from '../../src/domain/calendar/business-calendar.ts';
import { dueInstant } from '../../src/domain/clocks/deadline.ts';
import { CLOCK_UNITS, calendarSchema } from '../../src/domain/policy/schema.ts';

const setups = [
  ['Europe/London', calendarSchema.parse({ holidays: 'GB-ENG' })],
  [
    'Europe/London',
    calendarSchema.parse({ holidays: 'GB-NIR', add: ['2027-06-01'], remove: ['2027-12-28'] }),
  ],
  ['Asia/Ho_Chi_Minh', calendarSchema.parse({ holidays: 'VN' })],
  [
    'America/New_York',
    calendarSchema.parse({
      holidays: 'US',
      workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
    }),
  ],
] as const;

test('fast and straightforward deadlines agree on 1,000 random clocks (2026–2028)', () => {
  const calendars = setups.map(([tz, config]) => new BusinessCalendar(tz, config));
  const naives = setups.map(([tz, config]) => naiveDeadlines(tz, config));
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: setups.length - 1 }),
      fc.constantFrom(...CLOCK_UNITS),
      fc.integer({ min: 1, max: 40 }),
      fc.integer({
        min: Date.parse('2026-01-01T00:00:00Z'),
        max: Date.parse('2029-01-01T00:00:00Z'),
      }),
      (which, unit, amount, received) => {
        const [tz] = setups[which]!;
        const span = { unit, amount };
        const fast = dueInstant(calendars[which]!, span, received);
        const naive = naives[which]!(span, received);
        assert.equal(
          new Date(fast!).toISOString(),
          new Date(naive).toISOString(),
          `${tz} ${amount} ${unit} from ${new Date(received).toISOString()}`,
        );
      },
    ),
    { numRuns: 1000 },
  );
});

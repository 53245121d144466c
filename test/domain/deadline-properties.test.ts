// Properties every clock must keep, checked over random receipts in 2026–2028.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { BusinessCalendar } from '../../src/domain/calendar/business-calendar.ts';
import { countedMs, dueInstant, isHourUnit } from '../../src/domain/clocks/deadline.ts';
import { CLOCK_UNITS, calendarSchema, type ClockUnit } from '../../src/domain/policy/schema.ts';

const calendars = {
  london: new BusinessCalendar('Europe/London', calendarSchema.parse({ holidays: 'GB-ENG' })),
  scotland: new BusinessCalendar('Europe/London', calendarSchema.parse({ holidays: 'GB-SCT' })),
  vietnam: new BusinessCalendar('Asia/Ho_Chi_Minh', calendarSchema.parse({ holidays: 'VN' })),
  newYork: new BusinessCalendar('America/New_York', calendarSchema.parse({ holidays: 'US' })),
};
const FROM = Date.parse('2026-01-01T00:00:00Z');
const TO = Date.parse('2029-01-01T00:00:00Z');
const HOUR = 3_600_000;

const instant = fc.integer({ min: FROM, max: TO });
const unit = fc.constantFrom<ClockUnit>(...CLOCK_UNITS);
const cal = fc.constantFrom(...Object.values(calendars));
const amountFor = (u: ClockUnit) =>
  isHourUnit(u)
    ? fc.integer({ min: 1, max: 400 }).map((n) => n / 2)
    : fc.integer({ min: 1, max: 30 });
const clock = unit.chain((u) => amountFor(u).map((amount) => ({ unit: u, amount })));
const pause = fc
  .tuple(fc.integer({ min: 0, max: 60 * 24 * 30 }), fc.integer({ min: 0, max: 60 * 24 * 10 }))
  .map(([startMin, lenMin]) => ({ offset: startMin * 60_000, length: lenMin * 60_000 }));

const runs = { numRuns: 3000 };
const localDay = (c: BusinessCalendar, ms: number) =>
  new Date(ms).toLocaleDateString('sv-SE', { timeZone: c.zone.name });

describe('clock properties', () => {
  test('due is never before receipt', () => {
    fc.assert(
      fc.property(cal, clock, instant, (c, span, t) => {
        assert.ok(dueInstant(c, span, t)! >= t);
      }),
      runs,
    );
  });

  test('a later receipt never gives an earlier due', () => {
    fc.assert(
      fc.property(
        cal,
        clock,
        instant,
        fc.integer({ min: 0, max: 20 * 24 * HOUR }),
        (c, span, t, later) => {
          const early = dueInstant(c, span, t)!;
          const late = dueInstant(c, span, t + later)!;
          // Months clamp to the month's end (SPEC): 29 Jan 08:30 gives 29 Feb 08:30 but 30 Jan
          // 00:00 gives 29 Feb 00:00 in a leap year. Clamping keeps the day, not the time.
          if (span.unit === 'calendar_months') assert.ok(localDay(c, late) >= localDay(c, early));
          else assert.ok(late >= early);
        },
      ),
      runs,
    );
  });

  test('a working_hours due never lies strictly inside a non-working day', () => {
    fc.assert(
      fc.property(cal, instant, fc.integer({ min: 1, max: 200 }), (c, t, hours) => {
        const due = dueInstant(c, { amount: hours, unit: 'working_hours' }, t)!;
        // Just before the due instant is working time: the due ends a stretch of working time.
        assert.ok(
          c.isWorkingTime(due - 1),
          `${new Date(due).toISOString()} follows non-working time`,
        );
      }),
      runs,
    );
  });

  test('working time counted from receipt to due equals the amount (hour units)', () => {
    fc.assert(
      fc.property(
        cal,
        fc.constantFrom<ClockUnit>('working_hours', 'business_hours', 'calendar_hours'),
        instant,
        fc.integer({ min: 1, max: 300 }),
        (c, u, t, hours) => {
          const due = dueInstant(c, { amount: hours, unit: u }, t)!;
          assert.equal(countedMs(c, u, t, due), hours * HOUR);
        },
      ),
      runs,
    );
  });

  test('working_days: exactly N whole working days lie between receipt and due, and the due ends one', () => {
    fc.assert(
      fc.property(cal, instant, fc.integer({ min: 1, max: 40 }), (c, t, n) => {
        const due = dueInstant(c, { amount: n, unit: 'working_days' }, t)!;
        assert.equal(c.workingDaysBetween(t, due), n);
        assert.ok(c.isWorkingTime(due - 1));
        assert.equal(c.localDate(due - 1) < c.localDate(due), true);
      }),
      runs,
    );
  });

  test('pausing never makes a due earlier', () => {
    fc.assert(
      fc.property(cal, clock, instant, fc.array(pause, { maxLength: 3 }), (c, span, t, ps) => {
        const pauses = ps.map((p) => ({ from: t + p.offset, to: t + p.offset + p.length }));
        assert.ok(dueInstant(c, span, t, pauses)! >= dueInstant(c, span, t)!);
      }),
      runs,
    );
  });

  test('hour units: counted time outside pauses from receipt to due equals the amount', () => {
    fc.assert(
      fc.property(
        cal,
        fc.constantFrom<ClockUnit>('working_hours', 'business_hours', 'calendar_hours'),
        instant,
        fc.integer({ min: 1, max: 100 }),
        pause,
        (c, u, t, hours, p) => {
          const from = t + p.offset;
          const to = from + p.length;
          const due = dueInstant(c, { amount: hours, unit: u }, t, [{ from, to }])!;
          const paused = countedMs(c, u, Math.min(from, due), Math.min(to, due));
          assert.equal(countedMs(c, u, t, due) - paused, hours * HOUR);
        },
      ),
      runs,
    );
  });
});

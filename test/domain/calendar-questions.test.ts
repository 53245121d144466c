// The questions a UI asks of a business calendar, and clock progress for display.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BusinessCalendar } from '../../src/domain/calendar/business-calendar.ts';
import { clockProgress, dueInstant, warningInstants } from '../../src/domain/clocks/deadline.ts';
import { calendarSchema } from '../../src/domain/policy/schema.ts';

const london = new BusinessCalendar('Europe/London', calendarSchema.parse({ holidays: 'GB-ENG' }));
const vietnam = new BusinessCalendar('Asia/Ho_Chi_Minh', calendarSchema.parse({ holidays: 'VN' }));
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('is this instant working time / open', () => {
  test('a weekday is working time all day; the office is open 09:00–17:30 local', () => {
    assert.equal(london.isWorkingTime(at('2026-03-10T03:00:00Z')), true);
    assert.equal(london.isOpen(at('2026-03-10T03:00:00Z')), false);
    assert.equal(london.isOpen(at('2026-03-10T09:00:00Z')), true);
    assert.equal(london.isOpen(at('2026-03-10T17:30:00Z')), false);
  });
  test('weekends and bank holidays are not working time', () => {
    assert.equal(london.isWorkingTime(at('2026-03-14T12:00:00Z')), false);
    assert.equal(london.isWorkingTime(at('2026-12-28T12:00:00Z')), false);
    assert.equal(london.holidayName('2026-12-28'), 'Boxing Day (substitute day)');
  });
  test('local midnight decides the day, not UTC (BST)', () => {
    // 23:30Z on Friday 5 June is 00:30 Saturday in London.
    assert.equal(london.isWorkingTime(at('2026-06-05T23:30:00Z')), false);
  });
});

describe('the next working instant', () => {
  test('is the instant itself on a working day', () => {
    assert.equal(
      iso(london.nextWorkingInstant(at('2026-03-10T10:00:00Z'))),
      '2026-03-10T10:00:00.000Z',
    );
  });
  test('is Monday 00:00 local from a Saturday', () => {
    assert.equal(
      iso(london.nextWorkingInstant(at('2026-03-14T10:00:00Z'))),
      '2026-03-16T00:00:00.000Z',
    );
  });
  test('skips all five days of Tết', () => {
    assert.equal(
      iso(vietnam.nextWorkingInstant(at('2026-02-16T05:00:00Z'))),
      '2026-02-22T17:00:00.000Z',
    );
  });
  test('the next opening from Friday evening is Monday 09:00', () => {
    assert.equal(
      iso(london.nextOpenInstant(at('2026-03-13T18:00:00Z'))),
      '2026-03-16T09:00:00.000Z',
    );
  });
});

describe('working time between two instants', () => {
  test('counts only working days', () => {
    const h =
      london.workingMsBetween(at('2026-03-13T17:00:00Z'), at('2026-03-16T17:00:00Z')) / 3_600_000;
    assert.equal(h, 24);
  });
  test('opening hours between Tuesday 16:00 and Wednesday 10:00 are 2.5 hours', () => {
    const h =
      london.openMsBetween(at('2026-03-10T16:00:00Z'), at('2026-03-11T10:00:00Z')) / 3_600_000;
    assert.equal(h, 2.5);
  });
  test('working days of a year exclude weekends and the eight English bank holidays', () => {
    assert.equal(london.workingDatesOf(2026).length, 261 - 8);
    assert.deepEqual(
      london.holidaysOf(2026).map((h) => h.date),
      [
        '2026-01-01',
        '2026-04-03',
        '2026-04-06',
        '2026-05-04',
        '2026-05-25',
        '2026-08-31',
        '2026-12-25',
        '2026-12-28',
      ],
    );
  });
});

describe('warnings and progress', () => {
  test('a warning at 0.75 of 24 working hours over a weekend falls on Monday', () => {
    const span = { amount: 24, unit: 'working_hours' as const };
    const t = at('2026-03-13T17:00:00Z');
    const due = dueInstant(london, span, t)!;
    assert.deepEqual(warningInstants(london, span, t, due, [0.75]).map(iso), [
      '2026-03-16T11:00:00.000Z',
    ]);
  });
  test('a warning at 0.5 of 20 working days lands mid-way in working time', () => {
    const span = { amount: 20, unit: 'working_days' as const };
    const t = at('2026-06-01T02:00:00Z');
    const due = dueInstant(vietnam, span, t)!;
    const [w] = warningInstants(vietnam, span, t, due, [0.5]);
    assert.ok(w! > t && w! < due);
    assert.equal(vietnam.isWorkingTime(w!), true);
  });
  test('"2 working days left" on the Tuesday before a Thursday deadline', () => {
    const span = { amount: 3, unit: 'working_days' as const };
    const t = at('2026-03-09T10:00:00Z'); // Monday; due end of Thursday
    const due = dueInstant(london, span, t)!;
    const p = clockProgress(london, span, t, due, at('2026-03-10T10:00:00Z'));
    assert.equal(p.text, '2 working days left');
    assert.equal(p.overdue, false);
  });
  test('overdue by working hours after the due instant', () => {
    const span = { amount: 24, unit: 'working_hours' as const };
    const t = at('2026-03-10T10:00:00Z');
    const due = dueInstant(london, span, t)!;
    const p = clockProgress(london, span, t, due, at('2026-03-11T13:00:00Z'));
    assert.equal(p.overdue, true);
    assert.equal(p.text, 'overdue by 3 working hours');
  });
});

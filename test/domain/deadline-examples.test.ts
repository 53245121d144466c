// SPEC §3 worked examples and edge cases of every clock unit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BusinessCalendar } from '../../src/domain/calendar/business-calendar.ts';
import { dueInstant, type ClockSpan } from '../../src/domain/clocks/deadline.ts';
import { calendarSchema, type ClockUnit } from '../../src/domain/policy/schema.ts';

function calendar(timezone: string, holidays: string | null, extra: Record<string, unknown> = {}) {
  return new BusinessCalendar(timezone, calendarSchema.parse({ holidays, ...extra }));
}

const london = calendar('Europe/London', 'GB-ENG');
const vietnam = calendar('Asia/Ho_Chi_Minh', 'VN');

function due(
  cal: BusinessCalendar,
  amount: number,
  unit: ClockUnit,
  received: string,
  pauses: [string, string][] = [],
) {
  const span: ClockSpan = { amount, unit };
  const p = pauses.map(([from, to]) => ({ from: Date.parse(from), to: Date.parse(to) }));
  const d = dueInstant(cal, span, Date.parse(received), p);
  return d === null ? null : new Date(d).toISOString();
}

describe('SPEC §3 worked examples (Europe/London, GB-ENG)', () => {
  const cases: [number, ClockUnit, string, string, string][] = [
    [24, 'working_hours', '2026-03-10T10:00:00Z', '2026-03-11T10:00:00.000Z', 'plain weekday'],
    [24, 'working_hours', '2026-03-13T17:00:00Z', '2026-03-16T17:00:00.000Z', 'weekend skipped'],
    [
      24,
      'working_hours',
      '2026-12-24T15:00:00Z',
      '2026-12-29T15:00:00.000Z',
      '25 and 28 Dec are bank holidays',
    ],
    [3, 'working_days', '2026-12-24T11:00:00Z', '2027-01-01T00:00:00.000Z', 'close of Thu 31 Dec'],
    [
      8,
      'calendar_weeks',
      '2026-03-10T10:00:00Z',
      '2026-05-05T09:00:00.000Z',
      '10:00 local, now BST',
    ],
    [1, 'calendar_months', '2026-01-31T12:00:00Z', '2026-02-28T12:00:00.000Z', 'clamped'],
  ];
  for (const [amount, unit, received, expected, why] of cases) {
    test(`${amount} ${unit} from ${received} is due ${expected} (${why})`, () => {
      assert.equal(due(london, amount, unit, received), expected);
    });
  }
  test('20 working_days in Asia/Ho_Chi_Minh (VN) from Mon 1 June 2026 is due end of Mon 29 June ICT', () => {
    assert.equal(
      due(vietnam, 20, 'working_days', '2026-06-01T02:00:00Z'),
      '2026-06-29T17:00:00.000Z',
    );
  });
});

describe('receipt on a non-working day', () => {
  test('working_hours received on Saturday count from 00:00 Monday', () => {
    assert.equal(
      due(london, 24, 'working_hours', '2026-03-14T10:00:00Z'),
      '2026-03-17T00:00:00.000Z',
    );
  });
  test('working_hours received on a bank holiday count from the next working day', () => {
    // Easter Monday 6 April 2026 (BST): counting starts Tue 7 April 00:00 BST = 6 April 23:00Z.
    assert.equal(
      due(london, 24, 'working_hours', '2026-04-06T09:00:00Z'),
      '2026-04-07T23:00:00.000Z',
    );
  });
  test('working_days received on Sunday: Monday is the first day after receipt', () => {
    assert.equal(
      due(london, 1, 'working_days', '2026-03-15T12:00:00Z'),
      '2026-03-17T00:00:00.000Z',
    );
  });
  test('working_days received at 23:59 local still never counts the day of receipt', () => {
    assert.equal(
      due(london, 1, 'working_days', '2026-03-10T23:59:00Z'),
      '2026-03-12T00:00:00.000Z',
    );
  });
});

describe('daylight saving time', () => {
  test('calendar_days across the spring change keep the wall-clock time', () => {
    // 28 March 2026 12:00 GMT + 1 day = 29 March 12:00 BST = 11:00Z.
    assert.equal(
      due(london, 1, 'calendar_days', '2026-03-28T12:00:00Z'),
      '2026-03-29T11:00:00.000Z',
    );
  });
  test('calendar_days across the autumn change keep the wall-clock time', () => {
    assert.equal(
      due(london, 1, 'calendar_days', '2026-10-24T12:00:00Z'),
      '2026-10-25T13:00:00.000Z',
    );
  });
  test('calendar_hours are exact elapsed hours across DST', () => {
    assert.equal(
      due(london, 24, 'calendar_hours', '2026-03-28T12:00:00Z'),
      '2026-03-29T12:00:00.000Z',
    );
  });
  test('working_days end at local midnight in BST', () => {
    // Fri 27 March 2026 + 1 working day = end of Mon 30 March BST = 30 March 23:00Z.
    assert.equal(
      due(london, 1, 'working_days', '2026-03-27T10:00:00Z'),
      '2026-03-30T23:00:00.000Z',
    );
  });
  test('working_hours over a weekend with a clock change count elapsed time on working days', () => {
    // Fri 27 March 17:00 GMT: 7h left Friday; Monday (BST) from 23:00Z Sunday: 17h more → 16:00Z.
    assert.equal(
      due(london, 24, 'working_hours', '2026-03-27T17:00:00Z'),
      '2026-03-30T16:00:00.000Z',
    );
  });
  test('a working day with a clock change counts its true length (New York, 8 March 2026 is a Sunday; Santiago works on Saturdays)', () => {
    const ny = calendar('America/New_York', null, { workingDays: ['sun'] });
    // Sunday 8 March 2026 has 23 hours in New York.
    assert.equal(due(ny, 23, 'working_hours', '2026-03-08T05:00:00Z'), '2026-03-09T04:00:00.000Z');
  });
});

describe('year end, leap days and month ends', () => {
  test('calendar_months from 31 January 2028 clamps to 29 February (leap year)', () => {
    assert.equal(
      due(london, 1, 'calendar_months', '2028-01-31T12:00:00Z'),
      '2028-02-29T12:00:00.000Z',
    );
  });
  test('calendar_months from 29 February 2028 to 29 March (BST since 26 March)', () => {
    assert.equal(
      due(london, 1, 'calendar_months', '2028-02-29T12:00:00Z'),
      '2028-03-29T11:00:00.000Z',
    );
  });
  test('calendar_months from 31 August to 30 September', () => {
    assert.equal(
      due(london, 1, 'calendar_months', '2026-08-31T08:00:00Z'),
      '2026-09-30T08:00:00.000Z',
    );
  });
  test('12 calendar_months from 29 February 2028 clamp to 28 February 2029', () => {
    assert.equal(
      due(london, 12, 'calendar_months', '2028-02-29T12:00:00Z'),
      '2029-02-28T12:00:00.000Z',
    );
  });
  test('working_days over the 2027/28 new year with substitute days (27, 28 Dec 2027)', () => {
    // Thu 23 Dec 2027: Fri 24 (1), 27 & 28 subst., Wed 29 (2), Thu 30 (3), Fri 31 (4), Mon 3 Jan subst. New Year, Tue 4 (5).
    assert.equal(
      due(london, 5, 'working_days', '2027-12-23T10:00:00Z'),
      '2028-01-05T00:00:00.000Z',
    );
  });
});

describe('UK nations', () => {
  const scotland = calendar('Europe/London', 'GB-SCT');
  const northernIreland = calendar('Europe/London', 'GB-NIR');
  test('Scotland: 2 January and its substitute 4 January 2027 are bank holidays', () => {
    // Thu 31 Dec 2026: Fri 1 Jan and Mon 4 Jan (substitute for 2 Jan, a Saturday) are off → Tue 5.
    assert.equal(
      due(scotland, 1, 'working_days', '2026-12-31T10:00:00Z'),
      '2027-01-06T00:00:00.000Z',
    );
    assert.equal(
      due(london, 1, 'working_days', '2026-12-31T10:00:00Z'),
      '2027-01-05T00:00:00.000Z',
    );
  });
  test('Northern Ireland: St Patrick’s Day (Tue 17 March 2026) is a bank holiday', () => {
    assert.equal(
      due(northernIreland, 1, 'working_days', '2026-03-16T10:00:00Z'),
      '2026-03-19T00:00:00.000Z',
    );
    assert.equal(
      due(london, 1, 'working_days', '2026-03-16T10:00:00Z'),
      '2026-03-18T00:00:00.000Z',
    );
  });
  test('England: the summer bank holiday (31 August 2026) is missed by bare GB but not GB-ENG', () => {
    // Fri 28 Aug + 1 working day: Mon 31 Aug is off → end of Tue 1 Sep BST.
    assert.equal(
      due(london, 1, 'working_days', '2026-08-28T10:00:00Z'),
      '2026-09-01T23:00:00.000Z',
    );
  });
});

describe('multi-day holidays (Tết)', () => {
  test('Tết 2026 (16–20 Feb) is five days off in the VN calendar', () => {
    // Fri 13 Feb 2026 + 1 working day: 16–20 Feb are Tết → Mon 23 Feb, due end of day ICT.
    assert.equal(
      due(vietnam, 1, 'working_days', '2026-02-13T03:00:00Z'),
      '2026-02-23T17:00:00.000Z',
    );
  });
  test('24 working_hours over Tết', () => {
    assert.equal(
      due(vietnam, 24, 'working_hours', '2026-02-13T03:00:00Z'),
      '2026-02-23T03:00:00.000Z',
    );
  });
});

describe('business_hours', () => {
  test('count only inside opening hours (09:00–17:30)', () => {
    // Tue 10 March 2026 16:00 GMT: 1.5h Tuesday, 8.5h Wednesday, 1h Thursday → Thu 10:00.
    assert.equal(
      due(london, 11, 'business_hours', '2026-03-10T16:00:00Z'),
      '2026-03-12T10:00:00.000Z',
    );
    assert.equal(
      due(london, 10, 'business_hours', '2026-03-10T16:00:00Z'),
      '2026-03-11T17:30:00.000Z',
    );
  });
  test('received before opening: counting starts at opening', () => {
    assert.equal(
      due(london, 2, 'business_hours', '2026-03-10T06:00:00Z'),
      '2026-03-10T11:00:00.000Z',
    );
  });
  test('received after closing on Friday: counting starts on Monday at opening', () => {
    assert.equal(
      due(london, 8.5, 'business_hours', '2026-03-13T18:00:00Z'),
      '2026-03-16T17:30:00.000Z',
    );
  });
  test('opening hours follow local time in BST', () => {
    assert.equal(
      due(london, 1, 'business_hours', '2026-06-01T07:00:00Z'),
      '2026-06-01T09:00:00.000Z',
    );
  });
});

describe('calendar overrides', () => {
  test('added dates are non-working; removed dates work', () => {
    const cal = calendar('Europe/London', 'GB-ENG', {
      add: ['2026-03-11'],
      remove: ['2026-12-28'],
    });
    assert.equal(due(cal, 1, 'working_days', '2026-03-10T10:00:00Z'), '2026-03-13T00:00:00.000Z');
    assert.equal(due(cal, 1, 'working_days', '2026-12-24T10:00:00Z'), '2026-12-29T00:00:00.000Z');
  });
  test('a six-day week counts Saturday', () => {
    const cal = calendar('Asia/Ho_Chi_Minh', 'VN', {
      workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
    });
    assert.equal(due(cal, 1, 'working_days', '2026-06-05T03:00:00Z'), '2026-06-06T17:00:00.000Z');
  });
});

describe('pauses', () => {
  test('working_hours give back the counted time paused', () => {
    // Paused Tue 12:00 → Wed 12:00 (24 working hours) pushes Wed 10:00 to Thu 10:00.
    assert.equal(
      due(london, 24, 'working_hours', '2026-03-10T10:00:00Z', [
        ['2026-03-10T12:00:00Z', '2026-03-11T12:00:00Z'],
      ]),
      '2026-03-12T10:00:00.000Z',
    );
  });
  test('a pause over the weekend gives back nothing for working_hours', () => {
    assert.equal(
      due(london, 24, 'working_hours', '2026-03-13T17:00:00Z', [
        ['2026-03-14T08:00:00Z', '2026-03-15T20:00:00Z'],
      ]),
      '2026-03-16T17:00:00.000Z',
    );
  });
  test('a pause after the due instant changes nothing', () => {
    assert.equal(
      due(london, 24, 'working_hours', '2026-03-10T10:00:00Z', [
        ['2026-03-12T10:00:00Z', '2026-03-13T10:00:00Z'],
      ]),
      '2026-03-11T10:00:00.000Z',
    );
  });
  test('an open pause leaves the clock without a due instant', () => {
    const cal = london;
    const d = dueInstant(
      cal,
      { amount: 24, unit: 'working_hours' },
      Date.parse('2026-03-10T10:00:00Z'),
      [{ from: Date.parse('2026-03-10T11:00:00Z'), to: null }],
    );
    assert.equal(d, null);
  });
  test('working_days give back the paused working time in whole days', () => {
    assert.equal(
      // Due end of Thu 12 March; 5 paused working hours round up to one working day → end of Fri 13.
      due(london, 3, 'working_days', '2026-03-09T10:00:00Z', [
        ['2026-03-10T10:00:00Z', '2026-03-10T15:00:00Z'],
      ]),
      '2026-03-14T00:00:00.000Z',
    );
  });
  test('calendar_weeks give back the elapsed paused time', () => {
    assert.equal(
      due(london, 1, 'calendar_weeks', '2026-03-02T10:00:00Z', [
        ['2026-03-03T10:00:00Z', '2026-03-04T10:00:00Z'],
      ]),
      '2026-03-10T10:00:00.000Z',
    );
  });
});

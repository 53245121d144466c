// The rights a letter states and what a progress report says, on the day it is written.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lenientExtra } from '../../src/app/communications/communication-context.ts';
import { listPresets } from '../../src/app/policies.ts';
import { progressLines, NOTHING_NEW } from '../../src/domain/communications/progress.ts';
import { referralSentences } from '../../src/domain/communications/rights.ts';
import type { Policy } from '../../src/domain/policy/schema.ts';

async function preset(id: string, version = 1): Promise<Policy> {
  const p = (await listPresets()).find((x) => x.id === id)!;
  return p.versions.find((v) => v.version === version)!;
}

const RECEIVED = new Date('2026-12-01T10:00:00Z');

describe('the right to refer, as the letter’s own day puts it', () => {
  test('Ofcom: a final response before eight weeks says from when, or sooner on a deadlock letter', async () => {
    const v1 = await preset('uk-comms-ombudsman', 1);
    const r = referralSentences(
      v1,
      'final_response',
      RECEIVED,
      new Date('2026-12-20T10:00:00Z'),
      'en',
    )!;
    assert.match(
      r.referral,
      /once eight weeks have passed since we received it, that is from Tuesday 26 January 2027, or sooner if we send you a deadlock letter\./,
    );
    assert.equal(
      r.timeLimit,
      'You will have twelve months from the date of our deadlock letter to refer your complaint to the Communications Ombudsman.',
    );
    const later = referralSentences(
      v1,
      'final_response',
      RECEIVED,
      new Date('2027-02-01T10:00:00Z'),
      'en',
    )!;
    assert.match(
      later.referral,
      /^You can now refer your complaint to the Communications Ombudsman/,
    );
  });

  test('Ofcom v2: six weeks; a deadlock letter opens the way at once and starts the 12 months', async () => {
    const v2 = await preset('uk-comms-ombudsman', 2);
    const fr = referralSentences(
      v2,
      'final_response',
      RECEIVED,
      new Date('2026-12-03T10:00:00Z'),
      'en',
    )!;
    assert.match(
      fr.referral,
      /once six weeks have passed since we received it, that is from Tuesday 12 January 2027/,
    );
    const dl = referralSentences(
      v2,
      'deadlock_letter',
      RECEIVED,
      new Date('2026-12-03T10:00:00Z'),
      'en',
    )!;
    assert.match(dl.referral, /^You can now refer/);
    assert.equal(
      dl.timeLimit,
      'You must refer your complaint to the Communications Ombudsman within twelve months of the date of this letter.',
    );
  });

  test('a refusal of a deadlock letter says when the customer may still go, and never "sooner on a deadlock letter"', async () => {
    const v1 = await preset('uk-comms-ombudsman', 1);
    const r = referralSentences(
      v1,
      'deadlock_refusal',
      RECEIVED,
      new Date('2026-12-03T10:00:00Z'),
      'en',
    )!;
    assert.match(
      r.referral,
      /from Tuesday 26 January 2027\. The Communications Ombudsman decides whether it can consider your complaint\./,
    );
    assert.doesNotMatch(r.referral, /sooner/);
  });

  test('FCA: the final response opens the way; the Annex 3R paragraph is the complaint’s', async () => {
    const fca = await preset('uk-fca-disp');
    const now = new Date('2026-12-03T10:00:00Z');
    const none = referralSentences(fca, 'final_response', RECEIVED, now, 'en')!;
    assert.match(none.waiver!, /will not have our permission to consider your complaint/);
    assert.doesNotMatch(none.waiver!, /six years ago/);
    const late = referralSentences(fca, 'final_response', RECEIVED, now, 'en', 'out_of_time')!;
    assert.match(late.waiver!, /more than six years ago/);
    const consent = referralSentences(fca, 'final_response', RECEIVED, now, 'en', 'consent')!;
    assert.match(consent.waiver!, /We do not object/);
    const summary = referralSentences(fca, 'summary_resolution', RECEIVED, now, 'en')!;
    assert.match(
      summary.referral,
      /you may be able to refer it to the Financial Ombudsman Service/,
    );
    const eight = referralSentences(fca, 'adr_notice', RECEIVED, now, 'en')!;
    assert.match(eight.referral, /^You can now refer/);
    assert.equal(
      eight.waiver,
      undefined,
      'the time limit runs from the final response, not this letter',
    );
  });
});

describe('a progress report says what has happened since the last one', () => {
  const events = [
    { type: 'received', at: new Date('2026-12-01T10:00:00Z') },
    { type: 'acknowledged', at: new Date('2026-12-01T11:00:00Z') },
    { type: 'note_added', at: new Date('2026-12-02T09:00:00Z') },
    { type: 'transferred', at: new Date('2026-12-10T09:00:00Z'), department: 'Billing' },
    { type: 'department_responded', at: new Date('2026-12-14T09:00:00Z') },
  ];
  test('steps after the last report, dated, in words for the customer; internal steps left out', () => {
    assert.deepEqual(
      progressLines(events, new Date('2026-12-05T00:00:00Z'), 'en', 'Europe/London'),
      [
        'Thursday 10 December 2026: we passed your complaint to our Billing team.',
        'Monday 14 December 2026: the department concerned reported its findings to us.',
      ],
    );
    assert.deepEqual(
      progressLines(events, new Date('2026-12-05T00:00:00Z'), 'vi', 'Asia/Ho_Chi_Minh'),
      [
        'Thứ Năm, ngày 10 tháng 12 năm 2026: khiếu nại đã được chuyển đến Billing.',
        'Thứ Hai, ngày 14 tháng 12 năm 2026: bộ phận liên quan đã báo kết quả kiểm tra cho chúng tôi.',
      ],
    );
    assert.deepEqual(
      progressLines(events, new Date('2026-12-20T00:00:00Z'), 'en', 'Europe/London'),
      [],
    );
    assert.match(NOTHING_NEW.en, /no new step since our last update/);
  });
});

describe('text written for staff never reaches a letter', () => {
  test('an action’s reason and findings are dropped; the customer’s own words are used', () => {
    assert.deepEqual(
      lenientExtra('deadlock_refusal', {
        reason: 'Customer is a known time-waster',
        customerMessage: 'Your complaint is outside the scheme’s remit.',
      }),
      { reason: 'Your complaint is outside the scheme’s remit.' },
    );
    assert.deepEqual(lenientExtra('deadlock_letter', { reason: 'Manager: stop engaging' }), {});
    assert.deepEqual(
      lenientExtra('progress_report', {
        message: 'An engineer visits on Friday.',
        nextReportBy: '2026-12-17',
      }),
      { progress_note: 'An engineer visits on Friday.', next_report_date: '2026-12-17' },
    );
  });
});

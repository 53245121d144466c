// Data-subject requests on their own clocks, from the policy, on the clock engine: UK GDPR (one
// calendar month, paused while identity is checked, extendable once by two months with a reason)
// on the English calendar, and Vietnam's PDPL (acknowledge within two working days, answer within
// 15 days or 20 with processors, one extension of 15) on the Vietnamese calendar.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listPresets } from '../../src/app/policies.ts';
import {
  applyDataRequestAction,
  dataRequestDeadlines,
  DataRequestRuleError,
  type DataRequestCase,
} from '../../src/domain/privacy/data-requests.ts';
import type { Policy } from '../../src/domain/policy/schema.ts';

const presets = await listPresets();
const preset = (id: string): Policy => presets.find((p) => p.id === id)!.versions[0]!;
const uk = preset('uk-fca-disp');
const vn = preset('vn-datacentre');

const fresh = (receivedAt: string): DataRequestCase => ({
  state: 'received',
  receivedAt: new Date(receivedAt),
  acknowledgedAt: null,
  pauses: [],
  extension: null,
  withProcessors: false,
  answeredAt: null,
});
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('UK data requests (uk-fca-disp, Europe/London)', () => {
  test('one calendar month, clamped to the end of a short month', () => {
    const d = dataRequestDeadlines(uk, fresh('2026-01-31T12:00:00Z'));
    assert.equal(iso(d.dueAt), '2026-02-28T12:00:00.000Z');
    assert.equal(d.acknowledgeDueAt, null, 'UK GDPR asks for no acknowledgement');
  });

  test('same wall-clock time a month on, across the change to summer time', () => {
    const d = dataRequestDeadlines(uk, fresh('2026-03-10T10:00:00Z'));
    assert.equal(iso(d.dueAt), '2026-04-10T09:00:00.000Z');
  });

  test('the clock stops while identity is checked and gives the time back', () => {
    let c = fresh('2026-03-02T10:00:00Z');
    c = applyDataRequestAction(uk, c, 'check-identity', {}, new Date('2026-03-03T10:00:00Z'));
    assert.equal(c.state, 'identity_check');
    assert.equal(dataRequestDeadlines(uk, c).dueAt, null, 'no due instant while paused');
    c = applyDataRequestAction(uk, c, 'confirm-identity', {}, new Date('2026-03-08T10:00:00Z'));
    assert.equal(c.state, 'in_progress');
    // 2 April 10:00 BST (09:00Z) plus the five days paused.
    assert.equal(iso(dataRequestDeadlines(uk, c).dueAt), '2026-04-07T09:00:00.000Z');
  });

  test('extended once by two months with a reason; a second extension or none without reason is refused', () => {
    let c = fresh('2026-01-15T09:00:00Z');
    assert.throws(
      () => applyDataRequestAction(uk, c, 'extend', {}, new Date('2026-01-20T09:00:00Z')),
      (e: unknown) => e instanceof DataRequestRuleError && e.code === 'DSR.REASON_REQUIRED',
    );
    c = applyDataRequestAction(
      uk,
      c,
      'extend',
      { reason: 'Complex: records in three systems' },
      new Date('2026-01-20T09:00:00Z'),
    );
    assert.equal(iso(dataRequestDeadlines(uk, c).dueAt), '2026-04-15T08:00:00.000Z');
    assert.throws(
      () =>
        applyDataRequestAction(
          uk,
          c,
          'extend',
          { reason: 'again' },
          new Date('2026-02-20T09:00:00Z'),
        ),
      /extended once already/,
    );
  });

  test('answered only once in progress, and nothing after it is answered', () => {
    let c = fresh('2026-01-15T09:00:00Z');
    assert.throws(
      () => applyDataRequestAction(uk, c, 'answer', {}, new Date('2026-01-16T09:00:00Z')),
      /in progress/,
    );
    c = applyDataRequestAction(uk, c, 'start', {}, new Date('2026-01-16T09:00:00Z'));
    c = applyDataRequestAction(uk, c, 'answer', {}, new Date('2026-01-20T09:00:00Z'));
    assert.equal(c.state, 'answered');
    assert.throws(
      () =>
        applyDataRequestAction(uk, c, 'extend', { reason: 'x' }, new Date('2026-01-21T09:00:00Z')),
      /answered/,
    );
  });
});

describe('Vietnamese data requests (vn-datacentre, Asia/Ho_Chi_Minh, VN calendar)', () => {
  test('acknowledged by the end of the second working day; answered within 15 days', () => {
    const d = dataRequestDeadlines(vn, fresh('2026-06-01T02:00:00Z')); // Mon 09:00 ICT
    assert.equal(iso(d.acknowledgeDueAt), '2026-06-03T17:00:00.000Z'); // end of Wed 3 June ICT
    assert.equal(iso(d.dueAt), '2026-06-16T02:00:00.000Z');
  });

  test('the acknowledgement skips the weekend and Tết', () => {
    // Friday 13 February 2026; Tết holidays run Mon 16 – Fri 20 February.
    const d = dataRequestDeadlines(vn, fresh('2026-02-13T03:00:00Z'));
    assert.equal(iso(d.acknowledgeDueAt), '2026-02-24T17:00:00.000Z'); // end of Tue 24 Feb ICT
  });

  test('20 days when processors are involved, and one extension of 15 days', () => {
    let c = { ...fresh('2026-06-01T02:00:00Z'), withProcessors: true };
    assert.equal(iso(dataRequestDeadlines(vn, c).dueAt), '2026-06-21T02:00:00.000Z');
    c = applyDataRequestAction(
      vn,
      c,
      'extend',
      { reason: 'Processor in another country' },
      new Date('2026-06-10T02:00:00Z'),
    );
    assert.equal(iso(dataRequestDeadlines(vn, c).dueAt), '2026-07-06T02:00:00.000Z');
  });

  test('the identity check does not stop the Vietnamese clock', () => {
    let c = fresh('2026-06-01T02:00:00Z');
    c = applyDataRequestAction(vn, c, 'check-identity', {}, new Date('2026-06-02T02:00:00Z'));
    assert.equal(iso(dataRequestDeadlines(vn, c).dueAt), '2026-06-16T02:00:00.000Z');
  });
});

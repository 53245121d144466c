// Which clocks start, stop and pause at which events comes from the policy.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  replayClocks,
  clocksStartedBy,
  clocksStoppedBy,
} from '../../src/domain/clocks/policy-clocks.ts';
import { policySchema } from '../../src/domain/policy/schema.ts';
import type { ComplaintEventType, ComplaintState } from '../../src/domain/complaint/states.ts';

const policy = policySchema.parse({
  id: 'test',
  name: 'Test',
  timezone: 'Europe/London',
  calendar: { holidays: 'GB-ENG' },
  clocks: {
    acknowledge: { amount: 24, unit: 'working_hours', stopsOn: 'acknowledged' },
    target: { amount: 40, unit: 'working_hours', stopsOn: ['responded', 'closed'] },
    deadlock: { amount: 8, unit: 'calendar_weeks', regulatory: true, stopsOn: 'closed' },
    transfer_feedback: {
      amount: 24,
      unit: 'working_hours',
      startsOn: 'transferred',
      stopsOn: 'progress_reported',
    },
    phone_only: { amount: 1, unit: 'working_days', channels: ['phone'] },
  },
});

const ev = (type: ComplaintEventType, at: string, toState: ComplaintState) => ({
  type,
  at: new Date(at),
  toState,
});

describe('policy clocks', () => {
  test('the policy says which clocks an event starts and stops', () => {
    assert.deepEqual(clocksStartedBy(policy, 'received', 'email'), [
      'acknowledge',
      'target',
      'deadlock',
    ]);
    assert.deepEqual(clocksStartedBy(policy, 'received', 'phone'), [
      'acknowledge',
      'target',
      'deadlock',
      'phone_only',
    ]);
    assert.deepEqual(clocksStartedBy(policy, 'transferred', 'email'), ['transfer_feedback']);
    assert.deepEqual(clocksStoppedBy(policy, 'closed'), ['target', 'deadlock']);
  });

  test('replaying events: stopped in time is met, late is breached, pausable clocks pause while awaiting the customer', () => {
    const events = [
      ev('received', '2026-03-10T10:00:00Z', 'received'),
      ev('acknowledged', '2026-03-11T12:00:00Z', 'acknowledged'), // 26 working hours: late
      ev('investigation_started', '2026-03-11T12:05:00Z', 'investigating'),
      ev('information_requested', '2026-03-11T13:00:00Z', 'awaiting_customer'),
      ev('information_received', '2026-03-12T13:00:00Z', 'investigating'), // 24h paused
      ev('transferred', '2026-03-12T14:00:00Z', 'awaiting_department'),
    ];
    const clocks = Object.fromEntries(
      replayClocks(policy, 'email', events, new Date('2026-03-12T15:00:00Z')).map((c) => [
        c.name,
        c,
      ]),
    );
    assert.equal(clocks['acknowledge']!.status, 'breached');
    assert.equal(clocks['target']!.status, 'running');
    // 40 working hours from Tue 10:00 = Thu 02:00; plus 24 paused working hours = Fri 02:00.
    assert.equal(clocks['target']!.dueAt!.toISOString(), '2026-03-13T02:00:00.000Z');
    assert.equal(clocks['target']!.pauses.length, 1);
    // Regulatory clocks never pause.
    assert.equal(clocks['deadlock']!.pauses.length, 0);
    assert.equal(clocks['deadlock']!.dueAt!.toISOString(), '2026-05-05T09:00:00.000Z');
    assert.equal(clocks['transfer_feedback']!.startedAt.toISOString(), '2026-03-12T14:00:00.000Z');
    assert.equal(clocks['phone_only'], undefined);
  });

  test('a clock paused now has no due instant', () => {
    const events = [
      ev('received', '2026-03-10T10:00:00Z', 'received'),
      ev('information_requested', '2026-03-10T11:00:00Z', 'awaiting_customer'),
    ];
    const target = replayClocks(policy, 'email', events, new Date('2026-03-11T00:00:00Z')).find(
      (c) => c.name === 'target',
    )!;
    assert.equal(target.status, 'paused');
    assert.equal(target.dueAt, null);
  });
});

// Which open tasks an event settles: the request they stand for was answered or is moot, so
// the managers' inbox that lists them empties as they act.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DEADLOCK_TASKS,
  ESCALATION_TASKS,
  settledTaskKinds,
} from '../../src/domain/complaint/attention.ts';

describe('settledTaskKinds', () => {
  test('escalating answers the request for escalation, and nothing else', () => {
    assert.deepEqual(settledTaskKinds({ type: 'escalated' }), ESCALATION_TASKS);
  });
  test('sending or refusing the deadlock letter answers every deadlock-letter task', () => {
    for (const type of ['deadlock_letter_sent', 'deadlock_letter_refused'] as const) {
      assert.deepEqual(settledTaskKinds({ type }), DEADLOCK_TASKS);
    }
  });
  test('deadlocking alone does not: the letter is still to be sent or refused', () => {
    assert.deepEqual(settledTaskKinds({ type: 'deadlocked' }), []);
  });
  test('a withdrawn or closed complaint leaves no request waiting', () => {
    for (const type of ['withdrawn', 'closed'] as const) {
      assert.deepEqual(
        [...settledTaskKinds({ type })].sort(),
        [...ESCALATION_TASKS, ...DEADLOCK_TASKS].sort(),
      );
    }
  });
  test('other events settle nothing (a note, a reply, a request itself)', () => {
    for (const type of ['note_added', 'customer_replied', 'escalation_requested'] as const) {
      assert.deepEqual(settledTaskKinds({ type }), []);
    }
  });
});

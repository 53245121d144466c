// The lifecycle's rules about communications: which action sends which, which action records
// one the sweep sent by itself, which flags refuse the deadlock letter and the ADR notice, and
// which events the customer sees.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ACTIONS } from '../../src/domain/complaint/actions.ts';
import {
  actionRecording,
  communicationOfAction,
  flagsRefusing,
  isPublicEvent,
} from '../../src/domain/complaint/communications.ts';
import { EVENT_TYPES } from '../../src/domain/complaint/states.ts';
import { COMMUNICATION_KINDS } from '../../src/domain/policy/schema.ts';

const refusing = {
  deadlock: { refuseWhenFlagged: ['vexatious', 'outside_jurisdiction'] },
} as const;

describe('communications of the lifecycle', () => {
  test('the actions that send a communication, and the kind each sends', () => {
    const sent = Object.fromEntries(
      ACTIONS.flatMap((a) => {
        const kind = communicationOfAction(a);
        return kind ? [[a, kind]] : [];
      }),
    );
    assert.deepEqual(sent, {
      acknowledge: 'acknowledgement',
      'request-information': 'request_for_information',
      transfer: 'transfer_notice',
      'agree-resolution-plan': 'resolution_plan',
      'report-progress': 'progress_report',
      respond: 'final_response',
      'send-deadlock-letter': 'deadlock_letter',
      'refuse-deadlock-letter': 'deadlock_refusal',
      'resolve-on-first-contact': 'summary_resolution',
      'request-procedure-copy': 'procedure_copy',
    });
    assert.equal(communicationOfAction('add-note'), null);
  });

  test('the sweep records a progress report, and a deadlock letter only of a deadlocked complaint', () => {
    assert.equal(actionRecording('progress_report', 'investigating'), 'report-progress');
    assert.equal(actionRecording('deadlock_letter', 'deadlocked'), 'send-deadlock-letter');
    assert.equal(actionRecording('deadlock_letter', 'investigating'), null);
    assert.equal(actionRecording('adr_notice', 'deadlocked'), null);
    // Each recording action sends the kind it records (so the sweep does not send it twice).
    for (const kind of COMMUNICATION_KINDS) {
      const action = actionRecording(kind, 'deadlocked');
      if (action) assert.equal(communicationOfAction(action), kind);
    }
  });

  test("the policy's flags refuse the deadlock letter and the ADR notice, nothing else", () => {
    const vexatious = { flags: ['urgent', 'vexatious'] as const };
    assert.deepEqual(flagsRefusing('deadlock_letter', { flags: [...vexatious.flags] }, refusing), [
      'vexatious',
    ]);
    assert.deepEqual(flagsRefusing('adr_notice', { flags: ['outside_jurisdiction'] }, refusing), [
      'outside_jurisdiction',
    ]);
    assert.deepEqual(flagsRefusing('progress_report', { flags: ['vexatious'] }, refusing), []);
    assert.deepEqual(flagsRefusing('deadlock_letter', { flags: ['urgent'] }, refusing), []);
    assert.deepEqual(
      flagsRefusing(
        'deadlock_letter',
        { flags: ['vexatious'] },
        {
          deadlock: { refuseWhenFlagged: [] },
        },
      ),
      [],
    );
  });

  test('the customer sees what was done for them, never internal notes, clocks or tasks', () => {
    for (const t of ['received', 'acknowledged', 'responded', 'closed', 'deadlocked'] as const) {
      assert.ok(isPublicEvent(t), t);
    }
    for (const t of EVENT_TYPES) {
      if (/note|clock|assign|flag|approv|transfer|internal/.test(t)) {
        assert.equal(isPublicEvent(t), false, t);
      }
    }
  });
});

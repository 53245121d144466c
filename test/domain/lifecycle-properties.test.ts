// Properties of the lifecycle under random sequences of actions by random actors.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ACTIONS,
  allowedActions,
  applyAction,
  type Action,
  type ActionType,
  type Actor,
  type ComplaintSnapshot,
} from '../../src/domain/complaint/lifecycle.ts';
import { LIFECYCLE_ERROR_CODES } from '../../src/domain/complaint/errors.ts';
import {
  CHANNELS,
  EVENT_TYPES,
  FLAGS,
  STATES,
  type ComplaintState,
} from '../../src/domain/complaint/states.ts';
import type { Policy } from '../../src/domain/policy/schema.ts';
import { buildComplaint, buildComplaintIn, sampleAction } from '../factories/complaint.ts';
import { buildPolicy } from '../factories/policy.ts';

const AT = new Date('2026-03-10T10:00:00Z');

const ACTORS: Actor[] = [
  { id: 'handler-1', role: 'handler' },
  { id: 'handler-2', role: 'handler' },
  { id: 'member-1', role: 'department_member', departmentId: 'billing' },
  { id: 'member-2', role: 'department_member', departmentId: 'network' },
  { id: 'manager-1', role: 'manager' },
  { id: 'admin-1', role: 'administrator' },
  { id: 'auditor-1', role: 'auditor' },
  { id: 'customer', role: 'customer' },
  { id: 'scheduler', role: 'system' },
];

const POLICIES: Policy[] = [
  buildPolicy(),
  // Seed 004: summary and lessons learned at closing.
  buildPolicy({
    closing: { requireRootCause: true, requireSummary: true, requireLessonsLearned: true },
  }),
  // Seed 000: no deadlock letter when vexatious or out of jurisdiction; automatic letters.
  buildPolicy({
    deadlock: { refuseWhenFlagged: ['vexatious', 'outside_jurisdiction'], letterAutomatic: true },
    adr: { scheme: { name: 'Ombudsman Services' } },
  }),
  buildPolicy({
    intake: { firstContactResolution: { allowed: false, requireOutcome: false } },
    closing: { requireRootCause: false, requireSummary: false, requireLessonsLearned: false },
  }),
];

/** A payload for the action; `variant` picks among valid and some invalid ones. */
function payload(type: ActionType, variant: number): Action {
  const base = sampleAction(type) as Action & Record<string, unknown>;
  if (variant === 9) {
    // Drop every field: missing reasons and required fields must be refused, not thrown.
    return { type } as Action;
  }
  switch (type) {
    case 'flag':
    case 'unflag':
      return { ...base, flag: FLAGS[variant % FLAGS.length]! } as Action;
    case 'assign':
      return { type, assigneeId: [null, 'handler-1', 'handler-2'][variant % 3] ?? null };
    case 'transfer':
      return { type, departmentId: variant % 2 ? 'billing' : 'network' };
    case 'close':
      return variant < 4
        ? base
        : ({
            type,
            outcome: (['upheld', 'not_upheld', 'withdrawn', 'resolved_on_first_contact'] as const)[
              variant % 4
            ],
            ...(variant % 2 ? { rootCause: 'cause' } : {}),
          } as Action);
    case 'record-adr-decision':
      return { type, decision: (['upheld', 'partly_upheld', 'not_upheld'] as const)[variant % 3]! };
    case 'rate-satisfaction':
      return { type, score: variant - 1 } as Action;
    case 'resolve-on-first-contact':
      return variant % 2 ? base : { type };
    default:
      return base;
  }
}

/** Codes that depend on the payload: an action allowedActions offers may still get these. */
const PAYLOAD_CODES = new Set<string>([
  'COMPLAINT.INVALID_INPUT',
  'COMPLAINT.REASON_REQUIRED',
  'COMPLAINT.NO_CHANGE',
  'COMPLAINT.CLOSE_REQUIRES_OUTCOME',
  'COMPLAINT.CLOSE_REQUIRES_ROOT_CAUSE',
  'COMPLAINT.CLOSE_REQUIRES_SUMMARY',
  'COMPLAINT.CLOSE_REQUIRES_LESSONS_LEARNED',
  'COMPLAINT.SUBJECT_CANNOT_INVESTIGATE', // assigning a subject user
  'COMPLAINT.FORBIDDEN_ROLE', // the scheduler flagging anything but urgent
]);

/** Actions that move a complaint towards its end. */
const FORWARD = new Set<ActionType>([
  'acknowledge',
  'resolve-on-first-contact',
  'start-investigation',
  'request-information',
  'receive-information',
  'transfer',
  'department-respond',
  'propose-response',
  'approve-response',
  'respond',
  'reopen',
  'deescalate',
  'refer-to-adr',
  'record-adr-decision',
  'record-adr-compliance',
  'close',
]);

const stepArb = fc.record({
  /**
   * 0: any action at all; 1: one allowedActions offers; 2, 3: an offered one that moves the
   * complaint along, so that the walks reach the far end of the lifecycle.
   */
  mode: fc.nat(3),
  actor: fc.nat(ACTORS.length - 1),
  pick: fc.nat(1000),
  variant: fc.nat(9),
});

const startArb = fc.record({
  channel: fc.constantFrom(...CHANNELS),
  subjects: fc.subarray(['handler-2', 'manager-1']),
  policy: fc.nat(POLICIES.length - 1),
});

function checkStep(
  before: ComplaintSnapshot,
  type: ActionType,
  actor: Actor,
  policy: Policy,
  action: Action,
): ComplaintSnapshot {
  const copy = structuredClone(before);
  const offered = allowedActions(before, actor, policy).includes(type);
  const result = applyAction(before, action, actor, AT, policy);
  assert.deepEqual(before, copy, 'applyAction must not change its input');

  if (!result.ok) {
    assert.ok(LIFECYCLE_ERROR_CODES.includes(result.error.code), result.error.code);
    assert.ok(result.error.message.length > 0);
    if (offered) {
      assert.ok(
        PAYLOAD_CODES.has(result.error.code),
        `${type} was offered in ${before.state} but refused: ${result.error.code}`,
      );
    }
    return before;
  }

  const after = result.state;
  assert.ok(offered, `${type} succeeded in ${before.state} but allowedActions did not offer it`);
  assert.ok(STATES.includes(after.state), `undefined state ${String(after.state)}`);
  assert.ok(result.events.length >= 1, 'a successful action records an event');
  assert.equal(result.events[0]!.fromState, before.state);
  assert.equal(result.events.at(-1)!.toState, after.state);
  for (const [i, e] of result.events.entries()) {
    assert.ok(EVENT_TYPES.includes(e.type));
    assert.equal(e.at, AT.toISOString());
    assert.equal(e.actorId, actor.id);
    assert.equal(e.actorRole, actor.role);
    if (i > 0) assert.equal(e.fromState, result.events[i - 1]!.toState);
  }
  if (before.state === 'closed') assert.equal(after.state, 'closed', 'closed is terminal');
  assert.ok(after.escalationLevel >= before.escalationLevel, 'escalationLevel never decreases');
  if (after.state === 'escalated') assert.ok(after.escalationLevel >= 1);
  if (after.state !== before.state) assert.equal(after.previousState, before.state);
  if (after.responseApproved) assert.equal(after.state, 'response_proposed');
  assert.equal(new Set(after.flags).size, after.flags.length, 'flags are unique');
  assert.ok(after.flags.every((f) => FLAGS.includes(f)));
  if (after.assigneeId) assert.ok(!after.subjectUserIds.includes(after.assigneeId));
  if (after.state === 'referred_to_adr') assert.ok(after.adr?.scheme);
  if (after.state === 'withdrawn') assert.equal(after.outcome, 'withdrawn');
  if (after.state === 'closed' && before.state !== 'closed') {
    assert.ok(after.outcome, 'closed with an outcome');
    if (policy.closing.requireRootCause) assert.ok(after.rootCause);
    if (policy.closing.requireSummary) assert.ok(after.summary);
    if (policy.closing.requireLessonsLearned) assert.ok(after.lessonsLearned);
    if (before.state === 'withdrawn') assert.equal(after.outcome, 'withdrawn');
  }
  return after;
}

describe('lifecycle properties', () => {
  test('random action sequences keep every invariant', () => {
    const reached = new Set<ComplaintState>();
    fc.assert(
      fc.property(
        startArb,
        fc.array(stepArb, { minLength: 10, maxLength: 80, size: 'max' }),
        (start, steps) => {
          const policy = POLICIES[start.policy]!;
          let complaint = buildComplaint({
            channel: start.channel,
            subjectUserIds: start.subjects,
          });
          for (const step of steps) {
            const actor = ACTORS[step.actor]!;
            const offered = allowedActions(complaint, actor, policy);
            const forward = offered.filter((t) => FORWARD.has(t));
            const choices =
              step.mode === 0 ? [] : step.mode === 1 || !forward.length ? offered : forward;
            const type = choices.length
              ? choices[step.pick % choices.length]!
              : ACTIONS[step.pick % ACTIONS.length]!;
            complaint = checkStep(complaint, type, actor, policy, payload(type, step.variant));
            reached.add(complaint.state);
          }
        },
      ),
      { numRuns: 400 },
    );
    // The walk must actually explore the lifecycle, or the properties prove little.
    assert.deepEqual([...reached].sort(), [...STATES].sort());
  });

  test('closed is terminal: no actor can move a closed complaint anywhere', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTIONS),
        fc.nat(ACTORS.length - 1),
        fc.nat(9),
        fc.nat(POLICIES.length - 1),
        (type, a, variant, p) => {
          const closed = buildComplaintIn('closed');
          const r = applyAction(closed, payload(type, variant), ACTORS[a]!, AT, POLICIES[p]!);
          if (r.ok) {
            assert.equal(r.state.state, 'closed');
            assert.ok(r.events.every((e) => e.fromState === 'closed' && e.toState === 'closed'));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  test('from every state a complaint can still be closed', () => {
    const staff: Actor[] = [ACTORS[4]!, ACTORS[7]!, ACTORS[0]!];
    const policy = POLICIES[0]!;
    for (const state of STATES) {
      // Breadth-first over snapshots, using the sample payloads.
      let frontier = [buildComplaintIn(state)];
      const seen = new Set<string>();
      let closed = state === 'closed';
      for (let depth = 0; depth < 8 && !closed && frontier.length; depth++) {
        const next: ComplaintSnapshot[] = [];
        for (const c of frontier) {
          for (const actor of staff) {
            for (const type of allowedActions(c, actor, policy)) {
              // Closing a deadlocked complaint needs an outcome the sample does not give.
              const actions: Action[] =
                type === 'close'
                  ? [sampleAction('close'), { ...sampleAction('close'), outcome: 'not_upheld' }]
                  : [sampleAction(type)];
              for (const action of actions) {
                const r = applyAction(c, action, actor, AT, policy);
                if (!r.ok) continue;
                if (r.state.state === 'closed') closed = true;
                const key = JSON.stringify(r.state);
                if (!seen.has(key)) {
                  seen.add(key);
                  next.push(r.state);
                }
              }
            }
          }
        }
        frontier = next;
      }
      assert.ok(closed, `no way to close a complaint that is ${state}`);
    }
  });
});

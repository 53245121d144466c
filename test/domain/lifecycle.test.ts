import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACTIONS,
  OPEN_STATES,
  actionPayloadSchemas,
  allowedActions,
  applyAction,
  isOpen,
  parseAction,
  type Action,
  type ActionType,
  type Actor,
  type ActorRole,
  type ComplaintSnapshot,
} from '../../src/domain/complaint/lifecycle.ts';
import { LIFECYCLE_ERROR_CODES } from '../../src/domain/complaint/errors.ts';
import { STATES, type ComplaintState } from '../../src/domain/complaint/states.ts';
import type { Policy } from '../../src/domain/policy/schema.ts';
import {
  PREREQUISITES,
  buildComplaint,
  buildComplaintIn,
  sampleAction,
} from '../factories/complaint.ts';
import { buildPolicy } from '../factories/policy.ts';

const AT = new Date('2026-03-10T10:00:00Z');
/** Most tests run under a policy with an ADR scheme (deadlock letters need one). */
const SCHEME = { scheme: { name: 'Ombudsman Services' } };
const policy = buildPolicy({ adr: SCHEME });
const noScheme = buildPolicy();

const actors = {
  handler: { id: 'handler-1', role: 'handler' },
  member: { id: 'member-1', role: 'department_member', departmentId: 'billing' },
  manager: { id: 'manager-1', role: 'manager' },
  admin: { id: 'admin-1', role: 'administrator' },
  auditor: { id: 'auditor-1', role: 'auditor' },
  customer: { id: 'customer', role: 'customer' },
  system: { id: 'scheduler', role: 'system' },
} satisfies Record<string, Actor>;

function apply(
  complaint: ComplaintSnapshot,
  action: Action,
  actor: Actor = actors.manager,
  p: Policy = policy,
) {
  return applyAction(complaint, action, actor, AT, p);
}

function ok(result: ReturnType<typeof applyAction>) {
  if (!result.ok)
    assert.fail(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result;
}

function refused(result: ReturnType<typeof applyAction>, code: string) {
  if (result.ok) assert.fail(`expected ${code}, but the action succeeded`);
  assert.equal(result.error.code, code, result.error.message);
  return result.error;
}

/** Parses a hand-written grid: a header of column names, then one row of x/. per action. */
function grid(text: string): { columns: string[]; rows: Map<string, Set<string>> } {
  const [header, ...lines] = text.trim().split('\n');
  const columns = header!.trim().split(/\s+/).slice(1);
  const rows = new Map<string, Set<string>>();
  for (const line of lines) {
    const [name, ...marks] = line.trim().split(/\s+/);
    assert.equal(marks.length, columns.length, `row ${name} has ${marks.length} marks`);
    assert.ok(
      marks.every((m) => m === 'x' || m === '.'),
      `row ${name}: marks are x or .`,
    );
    rows.set(name!, new Set(columns.filter((_, i) => marks[i] === 'x')));
  }
  return { columns, rows };
}

// ---------------------------------------------------------------------------------------------
// The transition table: in which states each action is accepted. This grid is the spec; it is
// written by hand and the implementation is checked against it, cell by cell.
// rec=received ack=acknowledged inv=investigating awc=awaiting_customer awd=awaiting_department
// rpr=response_proposed rsp=responded reo=reopened esc=escalated rfc=resolved_on_first_contact
// dlk=deadlocked adr=referred_to_adr wdr=withdrawn cls=closed
// ---------------------------------------------------------------------------------------------
const TRANSITIONS = grid(`
action                     rec ack inv awc awd rpr rsp reo esc rfc dlk adr wdr cls
acknowledge                 x   .   .   .   .   .   .   .   .   .   .   .   .   .
resolve-on-first-contact    x   .   .   .   .   .   .   .   .   .   .   .   .   .
start-investigation         x   x   .   .   .   .   .   x   .   .   .   .   .   .
request-information         .   .   x   .   .   .   .   .   .   .   .   .   .   .
receive-information         .   .   .   x   .   .   .   .   .   .   .   .   .   .
customer-reply              x   x   x   x   x   x   x   x   x   x   x   x   x   x
transfer                    .   .   x   .   x   .   .   .   .   .   .   .   .   .
department-respond          .   .   .   .   x   .   .   .   .   .   .   .   .   .
agree-resolution-plan       .   x   x   .   x   .   .   x   .   .   .   .   .   .
report-progress             x   x   x   x   x   x   x   x   x   .   .   .   .   .
propose-response            .   .   x   .   .   .   .   .   .   .   .   .   .   .
approve-response            .   .   .   .   .   x   .   .   .   .   .   .   .   .
reject-response             .   .   .   .   .   x   .   .   .   .   .   .   .   .
respond                     .   .   .   .   .   x   .   .   .   .   .   .   .   .
reopen                      .   .   .   .   .   .   x   .   .   x   .   .   .   .
escalate                    x   x   x   x   x   x   x   x   x   .   .   .   .   .
request-escalation          x   x   x   x   x   x   x   x   x   .   .   .   .   .
deescalate                  .   .   .   .   .   .   .   .   x   .   .   .   .   .
deadlock                    x   x   x   x   x   x   x   x   x   .   .   .   .   .
request-deadlock-letter     x   x   x   x   x   x   x   x   x   .   x   .   .   .
send-deadlock-letter        .   .   .   .   .   .   .   .   .   .   x   .   .   .
refuse-deadlock-letter      x   x   x   x   x   x   x   x   x   .   x   .   .   .
refer-to-adr                .   .   .   .   .   .   .   .   .   .   x   .   .   .
record-adr-decision         .   .   .   .   .   .   .   .   .   .   .   x   .   .
record-adr-compliance       .   .   .   .   .   .   .   .   .   .   .   x   .   .
withdraw                    x   x   x   x   x   x   x   x   x   .   .   .   .   .
close                       .   .   .   .   .   .   x   .   .   x   x   x   x   .
flag                        x   x   x   x   x   x   x   x   x   x   x   x   x   .
unflag                      x   x   x   x   x   x   x   x   x   x   x   x   x   .
assign                      x   x   x   x   x   x   x   x   x   x   x   x   x   .
add-note                    x   x   x   x   x   x   x   x   x   x   x   x   x   x
offer-redress               x   x   x   x   x   x   x   x   x   x   x   x   .   .
record-redress-accepted     x   x   x   x   x   x   x   x   x   x   x   x   .   x
record-redress-completed    x   x   x   x   x   x   x   x   x   x   x   x   .   x
rate-satisfaction           .   .   .   .   .   .   x   .   .   x   .   .   .   x
request-procedure-copy      x   x   x   x   x   x   x   x   x   x   x   x   x   x
classify                    x   x   x   x   x   x   x   x   x   x   x   x   x   x
`);

/** Where each action leads when accepted; absent means the state does not change. */
const TARGET: Partial<Record<ActionType, ComplaintState | ((from: ComplaintState) => string)>> = {
  acknowledge: 'acknowledged',
  'resolve-on-first-contact': 'resolved_on_first_contact',
  'start-investigation': 'investigating',
  'request-information': 'awaiting_customer',
  'receive-information': 'investigating',
  transfer: 'awaiting_department',
  'department-respond': 'investigating',
  'propose-response': 'response_proposed',
  'reject-response': 'investigating',
  respond: 'responded',
  reopen: 'reopened',
  escalate: 'escalated',
  deescalate: 'investigating',
  deadlock: 'deadlocked',
  'refer-to-adr': 'referred_to_adr',
  withdraw: 'withdrawn',
  close: 'closed',
};

/** An actor whose role may take the action (role checks are tested separately). */
const ACTOR_FOR: Partial<Record<ActionType, Actor>> = {
  'receive-information': actors.customer,
  reopen: actors.customer,
  'request-escalation': actors.customer,
  withdraw: actors.customer,
  'rate-satisfaction': actors.customer,
};

const ABBREV: Record<string, ComplaintState> = {
  rec: 'received',
  ack: 'acknowledged',
  inv: 'investigating',
  awc: 'awaiting_customer',
  awd: 'awaiting_department',
  rpr: 'response_proposed',
  rsp: 'responded',
  reo: 'reopened',
  esc: 'escalated',
  rfc: 'resolved_on_first_contact',
  dlk: 'deadlocked',
  adr: 'referred_to_adr',
  wdr: 'withdrawn',
  cls: 'closed',
};

const expectedStates = (action: ActionType): Set<ComplaintState> =>
  new Set([...TRANSITIONS.rows.get(action)!].map((c) => ABBREV[c]!));

describe('transition table (every state × every action)', () => {
  test('the grid covers exactly STATES and ACTIONS', () => {
    assert.deepEqual(
      TRANSITIONS.columns.map((c) => ABBREV[c]),
      [...STATES],
    );
    assert.deepEqual([...TRANSITIONS.rows.keys()].sort(), [...ACTIONS].sort());
  });

  for (const state of STATES) {
    describe(state, () => {
      for (const action of ACTIONS) {
        const allowed = expectedStates(action).has(state);
        test(`${action} is ${allowed ? 'allowed' : 'refused'}`, () => {
          const complaint = buildComplaintIn(state, PREREQUISITES[action]);
          const actor = ACTOR_FOR[action] ?? actors.manager;
          const result = apply(complaint, sampleAction(action), actor);
          assert.equal(allowedActions(complaint, actor, policy).includes(action), allowed);
          if (!allowed) {
            const error = refused(result, 'COMPLAINT.ILLEGAL_TRANSITION');
            assert.match(error.message, new RegExp(`${action}.*${state}`));
            return;
          }
          const { state: next, events } = ok(result);
          const target = TARGET[action];
          const expected = typeof target === 'string' ? target : state;
          assert.equal(next.state, expected);
          assert.equal(events.length, 1);
          assert.equal(events[0]!.fromState, state);
          assert.equal(events[0]!.toState, expected);
        });
      }
    });
  }

  test('a refusal names the action and state and lists what is allowed now', () => {
    const error = refused(
      apply(buildComplaintIn('received'), sampleAction('close')),
      'COMPLAINT.ILLEGAL_TRANSITION',
    );
    assert.match(error.message, /close/);
    assert.match(error.message, /received/);
    assert.match(error.message, /allowed now: .*acknowledge.*start-investigation/);
    assert.ok((error.details?.['allowed'] as string[]).includes('acknowledge'));
  });
});

// ---------------------------------------------------------------------------------------------
// Who may take each action (hand-written, like the grid above).
// hdl=handler dep=department_member mgr=manager adm=administrator aud=auditor cus=customer
// sys=system (the scheduler)
// ---------------------------------------------------------------------------------------------
const ROLE_TABLE = grid(`
action                     hdl dep mgr adm aud cus sys
acknowledge                 x   .   x   x   .   .   x
resolve-on-first-contact    x   .   x   x   .   .   .
start-investigation         x   .   x   x   .   .   .
request-information         x   .   x   x   .   .   .
receive-information         x   .   x   x   .   x   x
customer-reply              x   .   x   x   .   x   x
transfer                    x   x   x   x   .   .   .
department-respond          x   x   x   x   .   .   .
agree-resolution-plan       x   .   x   x   .   .   .
report-progress             x   .   x   x   .   .   x
propose-response            x   .   x   x   .   .   .
approve-response            .   .   x   x   .   .   .
reject-response             .   .   x   x   .   .   .
respond                     x   .   x   x   .   .   .
reopen                      x   .   x   x   .   x   .
escalate                    x   .   x   x   .   .   x
request-escalation          x   .   x   x   .   x   .
deescalate                  .   .   x   x   .   .   .
deadlock                    .   .   x   x   .   .   x
request-deadlock-letter     x   .   x   x   .   x   .
send-deadlock-letter        x   .   x   x   .   .   x
refuse-deadlock-letter      x   .   x   x   .   .   x
refer-to-adr                x   .   x   x   .   .   .
record-adr-decision         x   .   x   x   .   .   .
record-adr-compliance       x   .   x   x   .   .   .
withdraw                    x   .   x   x   .   x   .
close                       x   .   x   x   .   .   .
flag                        .   .   x   x   .   .   x
unflag                      .   .   x   x   .   .   .
assign                      x   .   x   x   .   .   .
add-note                    x   x   x   x   .   .   x
offer-redress               x   .   x   x   .   .   .
record-redress-accepted     x   .   x   x   .   x   .
record-redress-completed    x   .   x   x   .   .   x
rate-satisfaction           .   .   .   .   .   x   .
request-procedure-copy      x   .   x   x   .   x   .
classify                    x   .   x   x   .   .   .
`);

const ROLE_COLUMNS: Record<string, Actor> = {
  hdl: actors.handler,
  dep: actors.member,
  mgr: actors.manager,
  adm: actors.admin,
  aud: actors.auditor,
  cus: actors.customer,
  sys: actors.system,
};

describe('roles', () => {
  test('the role grid covers every action and role', () => {
    assert.deepEqual([...ROLE_TABLE.rows.keys()].sort(), [...ACTIONS].sort());
    const roles: ActorRole[] = Object.values(ROLE_COLUMNS).map((a) => a.role);
    assert.deepEqual(roles.sort(), [
      'administrator',
      'auditor',
      'customer',
      'department_member',
      'handler',
      'manager',
      'system',
    ]);
  });

  for (const action of ACTIONS) {
    // Take the action in the first state the transition grid allows it in, with the
    // department the member belongs to.
    const state = STATES.find((s) => expectedStates(action).has(s))!;
    for (const column of ROLE_TABLE.columns) {
      const actor = ROLE_COLUMNS[column]!;
      const allowed = ROLE_TABLE.rows.get(action)!.has(column);
      test(`${action} by a ${actor.role} is ${allowed ? 'allowed' : 'forbidden'}`, () => {
        const complaint = buildComplaintIn(state, {
          departmentId: 'billing',
          ...PREREQUISITES[action],
        });
        const result = apply(complaint, sampleAction(action), actor);
        assert.equal(allowedActions(complaint, actor, policy).includes(action), allowed);
        if (allowed) ok(result);
        else refused(result, 'COMPLAINT.FORBIDDEN_ROLE');
      });
    }
  }

  test('an administrator may do whatever a manager may', () => {
    for (const action of ACTIONS) {
      const row = ROLE_TABLE.rows.get(action)!;
      if (row.has('mgr')) assert.ok(row.has('adm'), action);
    }
  });

  test('an auditor may do nothing in any state', () => {
    for (const state of STATES) {
      assert.deepEqual(allowedActions(buildComplaintIn(state), actors.auditor, policy), []);
    }
  });

  test('a department member acts only on a complaint with their own department', () => {
    const complaint = buildComplaintIn('awaiting_department', { departmentId: 'network' });
    const error = refused(
      apply(complaint, sampleAction('department-respond'), actors.member),
      'COMPLAINT.FORBIDDEN_ROLE',
    );
    assert.match(error.message, /department/);
    refused(apply(complaint, sampleAction('transfer'), actors.member), 'COMPLAINT.FORBIDDEN_ROLE');
    const noDept: Actor = { id: 'member-2', role: 'department_member' };
    refused(apply(complaint, sampleAction('transfer'), noDept), 'COMPLAINT.FORBIDDEN_ROLE');
    const own = buildComplaintIn('awaiting_department', { departmentId: 'billing' });
    const moved = ok(apply(own, { type: 'transfer', departmentId: 'network' }, actors.member));
    assert.equal(moved.state.departmentId, 'network');
    assert.equal(moved.state.state, 'awaiting_department');
    assert.equal(moved.events[0]!.data['fromDepartmentId'], 'billing');
  });

  test('the scheduler may flag a complaint urgent, and nothing else', () => {
    const complaint = buildComplaintIn('investigating');
    const flagged = ok(apply(complaint, sampleAction('flag'), actors.system));
    assert.deepEqual(flagged.state.flags, ['urgent']);
    refused(
      apply(complaint, { type: 'flag', flag: 'vexatious', reason: 'x' }, actors.system),
      'COMPLAINT.FORBIDDEN_ROLE',
    );
    assert.ok(!allowedActions(flagged.state, actors.system, policy).includes('flag'));
    assert.ok(allowedActions(flagged.state, actors.manager, policy).includes('flag'));
  });
});

describe('guards', () => {
  describe('subject of the complaint', () => {
    const complaint = buildComplaintIn('acknowledged', { subjectUserIds: ['handler-1'] });

    test('cannot start the investigation', () => {
      const error = refused(
        apply(complaint, sampleAction('start-investigation'), actors.handler),
        'COMPLAINT.SUBJECT_CANNOT_INVESTIGATE',
      );
      assert.equal(error.details?.['userId'], 'handler-1');
      assert.ok(!allowedActions(complaint, actors.handler, policy).includes('start-investigation'));
      const other: Actor = { id: 'handler-2', role: 'handler' };
      ok(apply(complaint, sampleAction('start-investigation'), other));
    });

    test('cannot be assigned the complaint', () => {
      refused(
        apply(complaint, { type: 'assign', assigneeId: 'handler-1' }, actors.manager),
        'COMPLAINT.SUBJECT_CANNOT_INVESTIGATE',
      );
      const assigned = ok(apply(complaint, { type: 'assign', assigneeId: 'handler-2' }));
      assert.equal(assigned.state.assigneeId, 'handler-2');
      const unassigned = ok(apply(assigned.state, { type: 'assign', assigneeId: null }));
      assert.equal(unassigned.state.assigneeId, null);
      assert.equal(unassigned.events[0]!.data['fromAssigneeId'], 'handler-2');
    });

    test('cannot decide it: propose, approve, close, flag, deadlock', () => {
      const manager = { ...actors.manager, id: 'manager-1' };
      const about = { subjectUserIds: ['manager-1', 'handler-1'] };
      const cases: [ComplaintState, ActionType, Actor][] = [
        ['investigating', 'propose-response', actors.handler],
        ['response_proposed', 'approve-response', manager],
        ['response_proposed', 'reject-response', manager],
        ['responded', 'close', manager],
        ['investigating', 'flag', manager],
        ['investigating', 'deadlock', manager],
        ['escalated', 'deescalate', manager],
        ['received', 'resolve-on-first-contact', actors.handler],
      ];
      for (const [state, action, actor] of cases) {
        const c = buildComplaintIn(state, { ...about, ...PREREQUISITES[action] });
        refused(apply(c, sampleAction(action), actor), 'COMPLAINT.SUBJECT_CANNOT_INVESTIGATE');
      }
    });

    test('may still hand it on: acknowledge, note, assign to someone else, escalate', () => {
      const c = buildComplaintIn('received', { subjectUserIds: ['handler-1'] });
      ok(apply(c, sampleAction('acknowledge'), actors.handler));
      ok(apply(c, sampleAction('add-note'), actors.handler));
      ok(apply(c, sampleAction('assign'), actors.handler));
      ok(apply(c, sampleAction('escalate'), actors.handler));
    });
  });

  describe('first-contact resolution', () => {
    const phone = buildComplaint({ channel: 'phone' });

    test('settles a phone or in-person complaint and records the outcome', () => {
      for (const channel of ['phone', 'in_person'] as const) {
        const { state, events } = ok(
          apply(buildComplaint({ channel }), sampleAction('resolve-on-first-contact')),
        );
        assert.equal(state.state, 'resolved_on_first_contact');
        assert.equal(state.outcome, 'upheld');
        assert.equal(events[0]!.type, 'resolved_on_first_contact');
        assert.equal(events[0]!.data['resolution'], 'Refunded the duplicate charge on the call');
      }
    });

    test('is refused for other channels', () => {
      for (const channel of ['web', 'email', 'post', 'api'] as const) {
        const c = buildComplaint({ channel });
        const error = refused(
          apply(c, sampleAction('resolve-on-first-contact')),
          'COMPLAINT.FIRST_CONTACT_NOT_ALLOWED',
        );
        assert.equal(error.details?.['channel'], channel);
        assert.ok(!allowedActions(c, actors.handler, policy).includes('resolve-on-first-contact'));
      }
    });

    test('is refused when the policy does not allow it', () => {
      const strict = buildPolicy({
        intake: { firstContactResolution: { allowed: false, requireOutcome: true } },
      });
      refused(
        apply(phone, sampleAction('resolve-on-first-contact'), actors.handler, strict),
        'COMPLAINT.FIRST_CONTACT_NOT_ALLOWED',
      );
      assert.ok(
        !allowedActions(phone, actors.handler, strict).includes('resolve-on-first-contact'),
      );
    });

    test('must record outcome and resolution when the policy requires it (seed 004)', () => {
      const noResolution = refused(
        apply(phone, { type: 'resolve-on-first-contact', outcome: 'upheld' }),
        'COMPLAINT.INVALID_INPUT',
      );
      assert.deepEqual(noResolution.details?.['missing'], ['resolution']);
      const noOutcome = refused(
        apply(phone, { type: 'resolve-on-first-contact', resolution: 'Fixed' }),
        'COMPLAINT.INVALID_INPUT',
      );
      assert.deepEqual(noOutcome.details?.['missing'], ['outcome']);
      refused(
        apply(phone, { type: 'resolve-on-first-contact', outcome: 'upheld', resolution: '  ' }),
        'COMPLAINT.INVALID_INPUT',
      );
    });

    test('defaults the outcome when the policy does not require one', () => {
      const lax = buildPolicy({
        intake: { firstContactResolution: { allowed: true, requireOutcome: false } },
      });
      const { state } = ok(apply(phone, { type: 'resolve-on-first-contact' }, actors.handler, lax));
      assert.equal(state.outcome, 'resolved_on_first_contact');
    });
  });

  describe('response approval (seed 004 step 3)', () => {
    const proposed = buildComplaintIn('response_proposed');

    test('an unapproved response cannot be sent', () => {
      refused(apply(proposed, sampleAction('respond')), 'COMPLAINT.RESPONSE_NOT_APPROVED');
      assert.ok(!allowedActions(proposed, actors.handler, policy).includes('respond'));
    });

    test('a manager approves, then the handler sends', () => {
      const approved = ok(apply(proposed, sampleAction('approve-response')));
      assert.equal(approved.state.responseApproved, true);
      assert.equal(approved.state.state, 'response_proposed');
      assert.equal(approved.events[0]!.type, 'response_approved');
      refused(apply(approved.state, sampleAction('approve-response')), 'COMPLAINT.NO_CHANGE');
      const sent = ok(apply(approved.state, sampleAction('respond'), actors.handler));
      assert.equal(sent.state.state, 'responded');
      assert.equal(sent.state.responseApproved, false, 'the approval is used up');
    });

    test('a policy may waive approval', () => {
      const waived = { ...policy, approval: { required: false, role: 'manager' } } as Policy;
      const sent = ok(apply(proposed, sampleAction('respond'), actors.handler, waived));
      assert.equal(sent.state.state, 'responded');
    });

    test('a handler cannot approve', () => {
      refused(
        apply(proposed, sampleAction('approve-response'), actors.handler),
        'COMPLAINT.FORBIDDEN_ROLE',
      );
    });

    test('rejecting sends it back to investigating; approval lapses when the state is left', () => {
      const rejected = ok(apply(proposed, sampleAction('reject-response')));
      assert.equal(rejected.state.state, 'investigating');
      assert.equal(rejected.events[0]!.reason, 'Offer a credit as well');
      const approved = buildComplaintIn('response_proposed', { responseApproved: true });
      const escalated = ok(apply(approved, sampleAction('escalate')));
      assert.equal(escalated.state.responseApproved, false);
    });

    test('a new proposal needs a new approval', () => {
      const investigating = buildComplaintIn('investigating', { responseApproved: false });
      const { state } = ok(apply(investigating, sampleAction('propose-response'), actors.handler));
      assert.equal(state.responseApproved, false);
      assert.equal(state.outcome, 'upheld');
      assert.equal(state.rootCause, 'billing_error');
    });
  });

  describe('deadlock letter (seed 000)', () => {
    const refusing = buildPolicy({
      adr: SCHEME,
      deadlock: { refuseWhenFlagged: ['vexatious', 'outside_jurisdiction'] },
    });

    test('is refused for a vexatious or out-of-jurisdiction complaint', () => {
      for (const flag of ['vexatious', 'outside_jurisdiction'] as const) {
        const c = buildComplaintIn('deadlocked', { flags: [flag] });
        const error = refused(
          apply(c, sampleAction('send-deadlock-letter'), actors.handler, refusing),
          'COMPLAINT.DEADLOCK_LETTER_REFUSED',
        );
        assert.deepEqual(error.details?.['flags'], [flag]);
        assert.ok(!allowedActions(c, actors.handler, refusing).includes('send-deadlock-letter'));
      }
    });

    test('is sent otherwise', () => {
      const urgent = buildComplaintIn('deadlocked', { flags: ['urgent', 'vulnerable_customer'] });
      const sent = ok(
        apply(urgent, sampleAction('send-deadlock-letter'), actors.handler, refusing),
      );
      assert.equal(sent.events[0]!.type, 'deadlock_letter_sent');
      const vexatious = buildComplaintIn('deadlocked', { flags: ['vexatious'] });
      ok(apply(vexatious, sampleAction('send-deadlock-letter'), actors.handler, policy));
    });

    test('a request is recorded and says whether a letter is due', () => {
      const open = buildComplaintIn('investigating');
      const due = ok(apply(open, sampleAction('request-deadlock-letter'), actors.customer));
      assert.equal(due.state.state, 'investigating');
      assert.equal(due.events[0]!.type, 'deadlock_letter_requested');
      assert.equal(due.events[0]!.data['letterDue'], true);
      const vexatious = buildComplaintIn('investigating', { flags: ['vexatious'] });
      const notDue = ok(
        apply(vexatious, sampleAction('request-deadlock-letter'), actors.customer, refusing),
      );
      assert.equal(notDue.events[0]!.data['letterDue'], false);
      const noLetters = buildPolicy({ adr: SCHEME, deadlock: { letterOnRequest: false } });
      const never = ok(
        apply(open, sampleAction('request-deadlock-letter'), actors.customer, noLetters),
      );
      assert.equal(never.events[0]!.data['letterDue'], false);
    });

    test('a refusal needs a reason and records it', () => {
      const c = buildComplaintIn('deadlocked', { flags: ['vexatious'] });
      refused(
        apply(c, { type: 'refuse-deadlock-letter', reason: '' }, actors.handler, refusing),
        'COMPLAINT.REASON_REQUIRED',
      );
      const { events } = ok(
        apply(c, sampleAction('refuse-deadlock-letter'), actors.handler, refusing),
      );
      assert.equal(events[0]!.type, 'deadlock_letter_refused');
      assert.equal(events[0]!.reason, 'Vexatious');
      assert.deepEqual(events[0]!.data['refusingFlags'], ['vexatious']);
    });

    test('deadlock tells the caller whether the letter goes out unprompted', () => {
      const automatic = buildPolicy({ adr: SCHEME, deadlock: { letterAutomatic: true } });
      const { state, events } = ok(
        apply(
          buildComplaintIn('investigating'),
          sampleAction('deadlock'),
          actors.system,
          automatic,
        ),
      );
      assert.equal(state.state, 'deadlocked');
      assert.equal(events[0]!.data['letterAutomatic'], true);
      assert.equal(events[0]!.reason, 'Eight weeks passed');
    });
  });

  describe('closing', () => {
    const strict = buildPolicy({
      closing: { requireRootCause: true, requireSummary: true, requireLessonsLearned: true },
    });
    const lax = buildPolicy({
      closing: { requireRootCause: false, requireSummary: false, requireLessonsLearned: false },
    });
    const responded = buildComplaintIn('responded', { outcome: null, rootCause: null });

    test('requires an outcome', () => {
      refused(
        apply(responded, { type: 'close' }, actors.handler, lax),
        'COMPLAINT.CLOSE_REQUIRES_OUTCOME',
      );
      ok(apply(responded, { type: 'close', outcome: 'not_upheld' }, actors.handler, lax));
    });

    test('requires a root cause when the policy does (the default)', () => {
      refused(
        apply(responded, { type: 'close', outcome: 'upheld' }, actors.handler, policy),
        'COMPLAINT.CLOSE_REQUIRES_ROOT_CAUSE',
      );
    });

    test('requires a summary and lessons learned when the policy does (seed 004 step 5)', () => {
      const base = { type: 'close', outcome: 'upheld', rootCause: 'network_fault' } as const;
      refused(apply(responded, base, actors.handler, strict), 'COMPLAINT.CLOSE_REQUIRES_SUMMARY');
      refused(
        apply(responded, { ...base, summary: 'Switch replaced' }, actors.handler, strict),
        'COMPLAINT.CLOSE_REQUIRES_LESSONS_LEARNED',
      );
      const closed = ok(
        apply(
          responded,
          { ...base, summary: 'Switch replaced', lessonsLearned: 'Monitor the switch' },
          actors.handler,
          strict,
        ),
      );
      assert.equal(closed.state.state, 'closed');
      assert.equal(closed.state.summary, 'Switch replaced');
      assert.equal(closed.state.lessonsLearned, 'Monitor the switch');
      assert.equal(closed.events[0]!.data['outcome'], 'upheld');
    });

    test('uses what the complaint already records', () => {
      const recorded = buildComplaintIn('responded', {
        outcome: 'partly_upheld',
        rootCause: 'billing_error',
        summary: 'Refunded',
        lessonsLearned: 'Check invoices',
      });
      const { state } = ok(apply(recorded, { type: 'close' }, actors.handler, strict));
      assert.equal(state.outcome, 'partly_upheld');
      assert.equal(state.rootCause, 'billing_error');
    });

    test('a withdrawn complaint closes with outcome withdrawn', () => {
      const withdrawn = ok(
        apply(buildComplaintIn('investigating'), sampleAction('withdraw'), actors.customer),
      );
      assert.equal(withdrawn.state.outcome, 'withdrawn');
      const closed = ok(apply(withdrawn.state, { type: 'close', rootCause: 'none' }));
      assert.equal(closed.state.outcome, 'withdrawn');
      refused(
        apply(withdrawn.state, { type: 'close', outcome: 'upheld', rootCause: 'none' }),
        'COMPLAINT.INVALID_INPUT',
      );
    });

    test('only a first-contact resolution closes as resolved_on_first_contact', () => {
      refused(
        apply(
          responded,
          { type: 'close', outcome: 'resolved_on_first_contact' },
          actors.handler,
          lax,
        ),
        'COMPLAINT.INVALID_INPUT',
      );
      const rfc = buildComplaintIn('resolved_on_first_contact');
      const { state } = ok(apply(rfc, { type: 'close' }, actors.handler, lax));
      assert.equal(state.outcome, 'resolved_on_first_contact');
    });

    test('after ADR: needs the decision, and compliance when it went against us', () => {
      const referred = buildComplaintIn('referred_to_adr', { outcome: 'upheld', rootCause: 'x' });
      refused(apply(referred, { type: 'close' }), 'COMPLAINT.ADR_DECISION_REQUIRED');
      assert.ok(!allowedActions(referred, actors.manager, policy).includes('close'));
      const decided = ok(apply(referred, sampleAction('record-adr-decision')));
      refused(apply(decided.state, { type: 'close' }), 'COMPLAINT.ADR_COMPLIANCE_REQUIRED');
      const complied = ok(apply(decided.state, sampleAction('record-adr-compliance')));
      assert.equal(complied.state.adr?.compliedAt, AT.toISOString());
      ok(apply(complied.state, { type: 'close' }));
      const notUpheld = ok(
        apply(referred, { type: 'record-adr-decision', decision: 'not_upheld' }),
      );
      ok(apply(notUpheld.state, { type: 'close' }));
    });
  });

  describe('ADR (seed 000: Ombudsman Services)', () => {
    test('referral records scheme, the customer’s referral date and the case reference', () => {
      const { state, events } = ok(
        apply(buildComplaintIn('deadlocked'), sampleAction('refer-to-adr'), actors.handler),
      );
      assert.equal(state.state, 'referred_to_adr');
      assert.deepEqual(state.adr, {
        scheme: 'Ombudsman Services',
        referredAt: '2026-05-10',
        caseReference: 'OS-123',
        decision: null,
        award: null,
      });
      assert.equal(events[0]!.type, 'referred_to_adr');
    });

    test('a policy without an ADR scheme offers and accepts no deadlock letter and no referral', () => {
      for (const [state, type] of [
        ['investigating', 'request-deadlock-letter'],
        ['deadlocked', 'request-deadlock-letter'],
        ['deadlocked', 'send-deadlock-letter'],
        ['deadlocked', 'refer-to-adr'],
      ] as const) {
        const c = buildComplaintIn(state);
        const actor = type === 'request-deadlock-letter' ? actors.customer : actors.handler;
        refused(apply(c, sampleAction(type), actor, noScheme), 'COMPLAINT.NO_ADR_SCHEME');
        assert.ok(!allowedActions(c, actor, noScheme).includes(type), `${state} ${type}`);
        ok(apply(c, sampleAction(type), actor, policy));
      }
      const deadlock = ok(
        apply(
          buildComplaintIn('investigating'),
          sampleAction('deadlock'),
          actors.system,
          buildPolicy({ deadlock: { letterAutomatic: true } }),
        ),
      );
      assert.equal(deadlock.events[0]!.data['letterAutomatic'], false);
    });

    test('the scheme defaults to the policy’s; a policy without one refuses the referral', () => {
      const withAdr = buildPolicy({
        adr: { scheme: { name: 'Communications Ombudsman' } },
      });
      const referral = { type: 'refer-to-adr', referredAt: '2026-05-10T09:00:00Z' } as const;
      const { state } = ok(
        apply(buildComplaintIn('deadlocked'), referral, actors.handler, withAdr),
      );
      assert.equal(state.adr?.scheme, 'Communications Ombudsman');
      refused(
        apply(buildComplaintIn('deadlocked'), referral, actors.handler, noScheme),
        'COMPLAINT.NO_ADR_SCHEME',
      );
      refused(
        apply(buildComplaintIn('deadlocked'), { type: 'refer-to-adr', scheme: 'OS' } as Action),
        'COMPLAINT.INVALID_INPUT',
      );
    });

    test('a decision against the organisation asks for follow-up ("put things right")', () => {
      const referred = buildComplaintIn('referred_to_adr');
      for (const decision of ['upheld', 'partly_upheld'] as const) {
        const { state, events } = ok(
          apply(referred, { type: 'record-adr-decision', decision, award: 'GBP 100' }),
        );
        assert.equal(state.state, 'referred_to_adr');
        assert.equal(state.adr?.decision, decision);
        assert.equal(state.adr?.award, 'GBP 100');
        assert.equal(events[0]!.data['followUpRequired'], true);
        assert.ok(
          (events[0]!.data['followUpActions'] as string[]).includes('record-adr-compliance'),
        );
      }
      const { events } = ok(
        apply(referred, { type: 'record-adr-decision', decision: 'not_upheld' }),
      );
      assert.equal(events[0]!.data['followUpRequired'], false);
    });

    test('compliance needs a decision first, and is recorded once', () => {
      refused(
        apply(buildComplaintIn('referred_to_adr'), sampleAction('record-adr-compliance')),
        'COMPLAINT.ADR_DECISION_REQUIRED',
      );
      const c = buildComplaintIn('referred_to_adr', PREREQUISITES['record-adr-compliance']);
      const { state, events } = ok(apply(c, sampleAction('record-adr-compliance')));
      assert.equal(events[0]!.type, 'adr_complied');
      refused(apply(state, sampleAction('record-adr-compliance')), 'COMPLAINT.NO_CHANGE');
    });
  });

  describe('escalation', () => {
    test('raises the level each time, with a reason; de-escalation keeps the level', () => {
      const first = ok(apply(buildComplaintIn('investigating'), sampleAction('escalate')));
      assert.equal(first.state.state, 'escalated');
      assert.equal(first.state.escalationLevel, 1);
      assert.equal(first.state.previousState, 'investigating');
      assert.equal(first.events[0]!.data['level'], 1);
      const second = ok(apply(first.state, sampleAction('escalate')));
      assert.equal(second.state.escalationLevel, 2);
      assert.equal(second.state.previousState, 'investigating');
      const back = ok(apply(second.state, sampleAction('deescalate')));
      assert.equal(back.state.state, 'investigating');
      assert.equal(back.state.escalationLevel, 2);
    });

    test('a customer may only ask for it', () => {
      const c = buildComplaintIn('responded');
      refused(apply(c, sampleAction('escalate'), actors.customer), 'COMPLAINT.FORBIDDEN_ROLE');
      const asked = ok(apply(c, sampleAction('request-escalation'), actors.customer));
      assert.equal(asked.state.state, 'responded');
      assert.equal(asked.state.escalationLevel, 0);
      assert.equal(asked.events[0]!.type, 'escalation_requested');
    });
  });

  describe('reasons and payloads', () => {
    const needReason: [ComplaintState, ActionType][] = [
      ['response_proposed', 'reject-response'],
      ['responded', 'reopen'],
      ['investigating', 'escalate'],
      ['investigating', 'deadlock'],
      ['deadlocked', 'refuse-deadlock-letter'],
      ['investigating', 'flag'],
      ['investigating', 'unflag'],
    ];
    for (const [state, action] of needReason) {
      test(`${action} needs a reason`, () => {
        const c = buildComplaintIn(state, PREREQUISITES[action]);
        const { reason: _reason, ...withoutReason } = sampleAction(action) as Action & {
          reason: string;
        };
        refused(apply(c, withoutReason as Action), 'COMPLAINT.REASON_REQUIRED');
        refused(
          apply(c, { ...withoutReason, reason: '   ' } as Action),
          'COMPLAINT.REASON_REQUIRED',
        );
      });
    }

    test('missing or malformed fields are COMPLAINT.INVALID_INPUT', () => {
      const cases: [ComplaintState, Record<string, unknown>][] = [
        ['investigating', { type: 'request-information', questions: [] }],
        ['investigating', { type: 'request-information' }],
        ['investigating', { type: 'transfer' }],
        ['investigating', { type: 'propose-response', response: '' }],
        ['investigating', { type: 'offer-redress', kind: 'money', description: 'credit' }],
        ['investigating', { type: 'flag', flag: 'angry', reason: 'x' }],
        ['closed', { type: 'rate-satisfaction', score: 6 }],
        ['closed', { type: 'rate-satisfaction', score: 0 }],
        ['closed', { type: 'rate-satisfaction', score: 3.5 }],
        ['deadlocked', { type: 'refer-to-adr', referredAt: 'last tuesday' }],
      ];
      for (const [state, action] of cases) {
        const actor = action['type'] === 'rate-satisfaction' ? actors.customer : actors.manager;
        const error = refused(
          apply(buildComplaintIn(state), action as Action, actor),
          'COMPLAINT.INVALID_INPUT',
        );
        assert.ok((error.details?.['problems'] as string[]).length > 0, JSON.stringify(action));
      }
    });

    test('an unknown action or a bad time is refused, not thrown', () => {
      refused(
        apply(buildComplaint(), { type: 'explode' } as unknown as Action),
        'COMPLAINT.UNKNOWN_ACTION',
      );
      const r = applyAction(
        buildComplaint(),
        sampleAction('acknowledge'),
        actors.handler,
        new Date('nonsense'),
        policy,
      );
      refused(r, 'COMPLAINT.INVALID_INPUT');
    });

    test('satisfaction is rated 1 to 5 by the customer', () => {
      for (const score of [1, 5]) {
        const { events } = ok(
          apply(buildComplaintIn('closed'), { type: 'rate-satisfaction', score }, actors.customer),
        );
        assert.equal(events[0]!.data['score'], score);
      }
    });
  });

  describe('flags', () => {
    test('set and removed with a reason; setting twice changes nothing', () => {
      const c = buildComplaintIn('investigating');
      const flagged = ok(apply(c, { type: 'flag', flag: 'vexatious', reason: 'Abusive calls' }));
      assert.deepEqual(flagged.state.flags, ['vexatious']);
      assert.equal(flagged.events[0]!.reason, 'Abusive calls');
      refused(
        apply(flagged.state, { type: 'flag', flag: 'vexatious', reason: 'again' }),
        'COMPLAINT.NO_CHANGE',
      );
      refused(
        apply(flagged.state, { type: 'unflag', flag: 'urgent', reason: 'x' }),
        'COMPLAINT.NO_CHANGE',
      );
      const cleared = ok(
        apply(flagged.state, { type: 'unflag', flag: 'vexatious', reason: 'Mistake' }),
      );
      assert.deepEqual(cleared.state.flags, []);
      assert.ok(!allowedActions(cleared.state, actors.manager, policy).includes('unflag'));
      assert.deepEqual(c.flags, [], 'the input snapshot is not changed');
    });
  });

  describe('redress', () => {
    test('offered, accepted by the customer, then completed — even after closing', () => {
      const c = buildComplaintIn('responded');
      refused(
        apply(c, sampleAction('record-redress-accepted'), actors.customer),
        'COMPLAINT.REDRESS_NOT_OFFERED',
      );
      const offered = ok(apply(c, sampleAction('offer-redress'), actors.handler));
      assert.equal(offered.state.redress?.amount, 25);
      refused(
        apply(offered.state, sampleAction('record-redress-completed'), actors.handler),
        'COMPLAINT.REDRESS_NOT_ACCEPTED',
      );
      const accepted = ok(
        apply(offered.state, sampleAction('record-redress-accepted'), actors.customer),
      );
      const closed = ok(apply(accepted.state, sampleAction('close'), actors.handler));
      const done = ok(apply(closed.state, sampleAction('record-redress-completed'), actors.system));
      assert.equal(done.state.state, 'closed');
      assert.equal(done.state.redress?.completedAt, AT.toISOString());
      refused(
        apply(done.state, sampleAction('record-redress-completed'), actors.handler),
        'COMPLAINT.NO_CHANGE',
      );
    });
  });

  test('reopening clears the outcome; the customer says why', () => {
    const c = buildComplaintIn('responded');
    const { state, events } = ok(apply(c, sampleAction('reopen'), actors.customer));
    assert.equal(state.state, 'reopened');
    assert.equal(state.outcome, null);
    assert.equal(events[0]!.reason, 'The credit never arrived');
    const again = ok(apply(state, sampleAction('start-investigation'), actors.handler));
    assert.equal(again.state.state, 'investigating');
  });
});

describe('events', () => {
  test('carry who, when, why, the payload and both states', () => {
    const { events } = ok(
      apply(buildComplaintIn('investigating'), sampleAction('escalate'), actors.handler),
    );
    assert.deepEqual(events, [
      {
        type: 'escalated',
        at: '2026-03-10T10:00:00.000Z',
        actorId: 'handler-1',
        actorRole: 'handler',
        reason: 'Customer asked for a manager',
        data: { level: 1 },
        fromState: 'investigating',
        toState: 'escalated',
      },
    ]);
  });

  test('each action records its own event type', () => {
    const { events } = ok(
      apply(buildComplaintIn('investigating'), sampleAction('request-information'), actors.handler),
    );
    assert.equal(events[0]!.type, 'information_requested');
    assert.deepEqual(events[0]!.data, { questions: ['Which invoice?'] });
    assert.equal('reason' in events[0]!, false);
  });
});

describe('vocabulary', () => {
  test('isOpen: open states can be escalated, deadlocked and withdrawn', () => {
    assert.deepEqual(STATES.filter(isOpen), [
      'received',
      'acknowledged',
      'investigating',
      'awaiting_customer',
      'awaiting_department',
      'response_proposed',
      'responded',
      'reopened',
      'escalated',
    ]);
    assert.deepEqual([...OPEN_STATES], STATES.filter(isOpen));
    for (const s of [
      'resolved_on_first_contact',
      'deadlocked',
      'referred_to_adr',
      'withdrawn',
      'closed',
    ] as const) {
      assert.equal(isOpen(s), false, s);
    }
  });

  test('ACTIONS are unique kebab-case names, each with a payload schema', () => {
    assert.equal(new Set(ACTIONS).size, ACTIONS.length);
    for (const action of ACTIONS) {
      assert.match(action, /^[a-z]+(-[a-z]+)*$/);
      const { type: _type, ...body } = sampleAction(action);
      assert.ok(actionPayloadSchemas[action].safeParse(body).success, action);
    }
    assert.deepEqual(Object.keys(actionPayloadSchemas).sort(), [...ACTIONS].sort());
  });

  test('parseAction checks a request body for the HTTP layer', () => {
    const parsed = parseAction('escalate', { reason: '  Too slow  ' });
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.action, { type: 'escalate', reason: 'Too slow' });
    const noReason = parseAction('escalate', {});
    assert.ok(!noReason.ok && noReason.error.code === 'COMPLAINT.REASON_REQUIRED');
    const unknown = parseAction('launch', {});
    assert.ok(!unknown.ok && unknown.error.code === 'COMPLAINT.UNKNOWN_ACTION');
    assert.equal(!unknown.ok && unknown.error.status, 404);
    const bad = parseAction('transfer', []);
    assert.ok(!bad.ok && bad.error.code === 'COMPLAINT.INVALID_INPUT');
    const blank = parseAction('withdraw', { reason: '' });
    assert.ok(blank.ok);
    assert.deepEqual(blank.action, { type: 'withdraw', reason: undefined });
  });

  test('error codes are COMPLAINT.* constants', () => {
    for (const code of LIFECYCLE_ERROR_CODES) assert.match(code, /^COMPLAINT\.[A-Z_]+$/);
  });
});

describe('whole journeys', () => {
  test('seed 000: email complaint, information, plan, response, closed', () => {
    let c = buildComplaint({ channel: 'email' });
    const steps: [Action, Actor][] = [
      [{ type: 'acknowledge' }, actors.system],
      [{ type: 'start-investigation' }, actors.handler],
      [sampleAction('request-information'), actors.handler],
      [sampleAction('receive-information'), actors.customer],
      [sampleAction('agree-resolution-plan'), actors.handler],
      [sampleAction('propose-response'), actors.handler],
      [sampleAction('approve-response'), actors.manager],
      [sampleAction('respond'), actors.handler],
      [{ type: 'close' }, actors.handler],
      [sampleAction('rate-satisfaction'), actors.customer],
    ];
    const trail: string[] = [];
    for (const [action, actor] of steps) {
      const r = ok(apply(c, action, actor));
      trail.push(...r.events.map((e) => e.type));
      c = r.state;
    }
    assert.equal(c.state, 'closed');
    assert.deepEqual(trail, [
      'acknowledged',
      'investigation_started',
      'information_requested',
      'information_received',
      'resolution_plan_agreed',
      'response_proposed',
      'response_approved',
      'responded',
      'closed',
      'satisfaction_rated',
    ]);
  });

  test('seed 004: transfer to a department, top-level approval, summary and lessons', () => {
    const vn = buildPolicy({
      closing: { requireRootCause: true, requireSummary: true, requireLessonsLearned: true },
    });
    let c = buildComplaint({ channel: 'phone' });
    const steps: [Action, Actor][] = [
      [{ type: 'start-investigation' }, actors.handler],
      [{ type: 'transfer', departmentId: 'billing' }, actors.handler],
      [sampleAction('department-respond'), actors.member],
      [sampleAction('propose-response'), actors.handler],
      [sampleAction('approve-response'), actors.manager],
      [sampleAction('respond'), actors.handler],
      [sampleAction('close'), actors.handler],
    ];
    for (const [action, actor] of steps) c = ok(apply(c, action, actor, vn)).state;
    assert.equal(c.state, 'closed');
    assert.equal(c.lessonsLearned, 'Check for duplicate direct debits');
  });

  test('seed 000: deadlock after eight weeks, letter, ADR, put things right, closed', () => {
    let c = buildComplaintIn('investigating', { rootCause: 'network_fault' });
    const steps: [Action, Actor][] = [
      [sampleAction('deadlock'), actors.system],
      [sampleAction('request-deadlock-letter'), actors.customer],
      [sampleAction('send-deadlock-letter'), actors.handler],
      [sampleAction('refer-to-adr'), actors.handler],
      [{ type: 'record-adr-decision', decision: 'partly_upheld', award: 'GBP 40' }, actors.handler],
      [sampleAction('offer-redress'), actors.handler],
      [sampleAction('record-redress-accepted'), actors.customer],
      [sampleAction('record-redress-completed'), actors.handler],
      [sampleAction('record-adr-compliance'), actors.handler],
      [{ type: 'close', outcome: 'partly_upheld' }, actors.manager],
    ];
    for (const [action, actor] of steps) c = ok(apply(c, action, actor)).state;
    assert.equal(c.state, 'closed');
    assert.equal(c.adr?.decision, 'partly_upheld');
  });
});

// Policy files: parsing, readable problems (SPEC §3), versions and the version in force.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parsePolicyText, policyInForce, PolicyError } from '../../src/domain/policy/parse.ts';

const MINIMAL = `id: uk-comms-ombudsman
name: Customer complaints code of practice
timezone: Europe/London
calendar:
  holidays: GB-ENG
clocks:
  acknowledge:   { amount: 24, unit: working_hours, stopsOn: acknowledged }
  deadlock:      { amount: 8,  unit: calendar_weeks, pausable: false }
`;

/** The PolicyError thrown by parsing `text`. */
function problemsOf(text: string, source = 'bad.yaml'): PolicyError {
  try {
    parsePolicyText(text, source);
  } catch (err) {
    assert.ok(err instanceof PolicyError, `expected a PolicyError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the policy to be refused');
}

function assertNoStack(err: PolicyError): void {
  assert.doesNotMatch(err.message, /\n\s+at /);
  assert.doesNotMatch(err.message, /node_modules|\.ts:\d+/);
}

describe('parsePolicyText: valid files', () => {
  test('the minimal form of SPEC §3 is a valid policy, with defaults filled in', () => {
    const [policy, ...rest] = parsePolicyText(MINIMAL, 'minimal.yaml');
    assert.equal(rest.length, 0);
    assert.equal(policy!.id, 'uk-comms-ombudsman');
    assert.equal(policy!.version, 1);
    assert.equal(policy!.effectiveFrom, '1970-01-01');
    assert.deepEqual(policy!.calendar.workingDays, ['mon', 'tue', 'wed', 'thu', 'fri']);
    assert.equal(policy!.clocks.acknowledge!.unit, 'working_hours');
  });

  test('JSON is accepted (JSON is YAML)', () => {
    const json = JSON.stringify({
      id: 'p',
      name: 'P',
      timezone: 'Asia/Ho_Chi_Minh',
      calendar: { holidays: 'VN' },
      clocks: { resolution: { amount: 20, unit: 'working_days' } },
    });
    const [policy] = parsePolicyText(json, 'p.json');
    assert.equal(policy!.clocks.resolution!.amount, 20);
  });

  test('several versions as a YAML multi-document stream come back oldest first', () => {
    const v2 = MINIMAL.replace('id:', 'version: 2\neffectiveFrom: "2026-04-08"\nid:');
    const versions = parsePolicyText(`${v2}---\n${MINIMAL}`, 'two.yaml');
    assert.deepEqual(
      versions.map((v) => [v.version, v.effectiveFrom]),
      [
        [1, '1970-01-01'],
        [2, '2026-04-08'],
      ],
    );
  });

  test('several versions as a JSON array', () => {
    const base = {
      id: 'p',
      name: 'P',
      timezone: 'Europe/London',
      calendar: { holidays: 'GB-ENG' },
      clocks: { a: { amount: 1, unit: 'calendar_days' } },
    };
    const text = JSON.stringify([base, { ...base, version: 2, effectiveFrom: '2026-01-01' }]);
    assert.equal(parsePolicyText(text, 'p.json').length, 2);
  });

  test('a trailing document separator is not a version', () => {
    assert.equal(parsePolicyText(`${MINIMAL}---\n`, 'x.yaml').length, 1);
  });
});

describe('parsePolicyText: bad files give one readable line per problem', () => {
  test('an unknown unit names the path, the allowed values and what was given', () => {
    const err = problemsOf(MINIMAL.replace('unit: working_hours', 'unit: workhours'));
    assert.match(err.message, /^bad\.yaml: /);
    assert.ok(
      err.message.includes(
        'bad.yaml: clocks.acknowledge.unit: expected one of calendar_hours, working_hours, business_hours, working_days, calendar_days, calendar_weeks, calendar_months; got "workhours"',
      ),
      err.message,
    );
    assert.equal(err.problems.length, 1);
    assertNoStack(err);
  });

  test('a YAML syntax error gives the line and column', () => {
    const err = problemsOf('id: x\nname: [unclosed\ntimezone: Europe/London\n', 'broken.yaml');
    assert.match(err.problems[0]!, /^broken\.yaml: line \d+, column \d+: /);
    assertNoStack(err);
  });

  test('a duplicated key is a syntax error with its line', () => {
    const err = problemsOf(`${MINIMAL}name: again\n`);
    assert.match(err.message, /bad\.yaml: line 9, column 1: Map keys must be unique/);
  });

  test('an unknown key is named', () => {
    const err = problemsOf(`${MINIMAL}colour: blue\n`);
    assert.deepEqual(err.problems, ['bad.yaml: (top level): unknown key colour']);
  });

  test('an unknown key inside a clock is named with its path', () => {
    const err = problemsOf(MINIMAL.replace('stopsOn: acknowledged', 'stopOn: acknowledged'));
    assert.deepEqual(err.problems, ['bad.yaml: clocks.acknowledge: unknown key stopOn']);
  });

  test('a missing required key is named', () => {
    const err = problemsOf(MINIMAL.replace('timezone: Europe/London\n', ''));
    assert.deepEqual(err.problems, ['bad.yaml: timezone: is required (expected string)']);
  });

  test('a bad time zone shows what was given', () => {
    const err = problemsOf(MINIMAL.replace('Europe/London', 'Europe/Lundon'));
    assert.deepEqual(err.problems, [
      'bad.yaml: timezone: expected an IANA time zone such as Europe/London; got "Europe/Lundon"',
    ]);
  });

  test('every problem is listed, not only the first', () => {
    const err = problemsOf(
      MINIMAL.replace('Europe/London', 'Nowhere').replace('unit: calendar_weeks', 'unit: weeks'),
    );
    assert.equal(err.problems.length, 2);
    assert.equal(err.message.split('\n').length, 2);
    for (const line of err.problems) assert.match(line, /^bad\.yaml: /);
  });

  test('an empty file is refused', () => {
    assert.deepEqual(problemsOf('').problems, ['bad.yaml: the file is empty; expected a policy']);
    assert.deepEqual(problemsOf('# only a comment\n').problems, [
      'bad.yaml: the file is empty; expected a policy',
    ]);
  });

  test('a problem in the second document names that document', () => {
    const v2 = MINIMAL.replace('id:', 'version: 2\neffectiveFrom: "2026-04-08"\nid:').replace(
      'calendar_weeks',
      'fortnights',
    );
    const err = problemsOf(`${MINIMAL}---\n${v2}`);
    assert.equal(err.problems.length, 1);
    assert.match(err.problems[0]!, /^bad\.yaml \(document 2\): clocks\.deadlock\.unit: /);
  });

  test('versions of different policies in one file are refused', () => {
    const other = MINIMAL.replace('id: uk-comms-ombudsman', 'id: other\nversion: 2');
    const err = problemsOf(`${MINIMAL}---\n${other}`);
    assert.match(err.message, /id: expected "uk-comms-ombudsman" .*; got "other"/);
  });

  test('two versions with the same number or the same date are refused', () => {
    const sameNumber = MINIMAL.replace('id:', 'effectiveFrom: "2026-04-08"\nid:');
    assert.match(
      problemsOf(`${MINIMAL}---\n${sameNumber}`).message,
      /version: expected a version number not already used/,
    );
    const sameDate = MINIMAL.replace('id:', 'version: 2\nid:');
    assert.match(
      problemsOf(`${MINIMAL}---\n${sameDate}`).message,
      /effectiveFrom: expected a date no other version takes effect on/,
    );
  });

  test('a later version number must take effect later', () => {
    const v2early = MINIMAL.replace('id:', 'version: 2\neffectiveFrom: "2020-01-01"\nid:');
    const v1late = MINIMAL.replace('id:', 'effectiveFrom: "2026-01-01"\nid:');
    assert.match(
      problemsOf(`${v1late}---\n${v2early}`).message,
      /a later version must have a higher number/,
    );
  });

  test('a breach action must send a communication the policy knows', () => {
    const text = MINIMAL.replace(
      'pausable: false }',
      'pausable: false, onBreach: [{ do: send, communication: carrier_pigeon }] }',
    );
    assert.match(
      problemsOf(text).message,
      /clocks\.deadlock\.onBreach\[0\]\.communication: expected one of .*; got "carrier_pigeon"/,
    );
  });

  test('progress reports must follow a clock the policy has', () => {
    const text = `${MINIMAL}progressReports: { after: target, every: { amount: 2, unit: calendar_weeks } }\n`;
    assert.match(
      problemsOf(text).message,
      /progressReports\.after: expected one of acknowledge, deadlock; got "target"/,
    );
  });
});

describe('policyInForce', () => {
  const v1 = MINIMAL;
  const v2 = MINIMAL.replace('id:', 'version: 2\neffectiveFrom: "2026-04-08"\nid:');
  const versions = parsePolicyText(`${v1}---\n${v2}`, 'uk.yaml');
  const versionAt = (iso: string) => policyInForce(versions, new Date(iso)).version;

  test('picks the latest version whose effective date has begun', () => {
    assert.equal(versionAt('2026-01-01T00:00:00Z'), 1);
    assert.equal(versionAt('2027-01-01T00:00:00Z'), 2);
  });

  test('the switch happens at local midnight: 23:30Z on 7 April is already 8 April in BST', () => {
    assert.equal(versionAt('2026-04-07T22:59:59.999Z'), 1);
    assert.equal(versionAt('2026-04-07T23:00:00Z'), 2);
    assert.equal(versionAt('2026-04-07T23:30:00Z'), 2);
  });

  test('Asia/Ho_Chi_Minh switches at 17:00Z the day before', () => {
    const vn = `id: vn\nname: VN\ntimezone: Asia/Ho_Chi_Minh\ncalendar: { holidays: VN }\nclocks: { resolution: { amount: 20, unit: working_days } }\n`;
    const vn2 = vn.replace('id:', 'version: 2\neffectiveFrom: "2026-07-01"\nid:');
    const vs = parsePolicyText(`${vn}---\n${vn2}`, 'vn.yaml');
    assert.equal(policyInForce(vs, new Date('2026-06-30T16:59:59Z')).version, 1);
    assert.equal(policyInForce(vs, new Date('2026-06-30T17:00:00Z')).version, 2);
  });

  test('an instant before every version is an error naming the earliest', () => {
    const late = parsePolicyText(MINIMAL.replace('id:', 'effectiveFrom: "2026-04-08"\nid:'), 'x');
    assert.throws(
      () => policyInForce(late, new Date('2026-04-07T12:00:00Z')),
      (err: unknown) =>
        err instanceof PolicyError &&
        /no version in force.*takes effect on 2026-04-08/.test(err.message),
    );
  });

  test('no versions at all is an error', () => {
    assert.throws(() => policyInForce([], new Date()), PolicyError);
  });
});

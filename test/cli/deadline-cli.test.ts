// `redress deadline` exactly as SPEC §6: one JSON object, or a one-line error and a non-zero exit.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

// A data directory of its own: other test files run the CLI at the same time, and the checkout's
// ./data would be held by one of them ("in use by another Redress process").
const dataDir = mkdtempSync(join(tmpdir(), 'redress-deadline-cli-'));

function redress(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/redress.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, REDRESS_DATA_DIR: dataDir },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('redress deadline', () => {
  const examples: [string, string, string, string][] = [
    ['uk-comms-ombudsman', 'acknowledge', '2026-03-10T10:00:00Z', '2026-03-11T10:00:00.000Z'],
    ['uk-comms-ombudsman', 'acknowledge', '2026-03-13T17:00:00Z', '2026-03-16T17:00:00.000Z'],
    ['uk-comms-ombudsman', 'acknowledge', '2026-12-24T15:00:00Z', '2026-12-29T15:00:00.000Z'],
    ['uk-comms-ombudsman', 'deadlock', '2026-03-10T10:00:00Z', '2026-05-05T09:00:00.000Z'],
    ['uk-fca-disp', 'summary_resolution', '2026-12-24T11:00:00Z', '2027-01-01T00:00:00.000Z'],
    ['vn-datacentre', 'resolution', '2026-06-01T02:00:00Z', '2026-06-29T17:00:00.000Z'],
  ];
  for (const [policy, clock, received, due] of examples) {
    test(`${policy} ${clock} from ${received} prints due ${due}`, () => {
      const r = redress('deadline', '--policy', policy, '--clock', clock, '--received', received);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), { clock, due });
    });
  }

  test('the six-week ADR rule applies to complaints received from 8 April 2026', () => {
    const r = redress(
      'deadline',
      '--policy',
      'uk-comms-ombudsman',
      '--clock',
      'deadlock',
      '--received',
      '2026-04-08T10:00:00Z',
    );
    assert.deepEqual(JSON.parse(r.stdout), { clock: 'deadlock', due: '2026-05-20T10:00:00.000Z' });
  });

  test('pauses give back the working time paused on a pausable clock', () => {
    const r = redress(
      'deadline',
      '--policy',
      'uk-comms-ombudsman',
      '--clock',
      'resolution_plan',
      '--received',
      '2026-03-10T10:00:00Z',
      '--pause',
      '2026-03-11T10:00:00Z/2026-03-12T10:00:00Z',
    );
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), {
      clock: 'resolution_plan',
      due: '2026-03-18T10:00:00.000Z',
    });
  });

  test('a policy file works like a preset', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redress-policy-'));
    const file = join(dir, 'mine.yaml');
    writeFileSync(
      file,
      'id: mine\nname: Mine\ntimezone: Europe/London\ncalendar:\n  holidays: GB-SCT\nclocks:\n  reply: { amount: 1, unit: working_days }\n',
    );
    const r = redress(
      'deadline',
      '--policy',
      file,
      '--clock',
      'reply',
      '--received',
      '2026-12-31T10:00:00Z',
    );
    assert.deepEqual(JSON.parse(r.stdout), { clock: 'reply', due: '2027-01-06T00:00:00.000Z' });
  });

  const bad: [string, string[], RegExp][] = [
    [
      'a malformed date',
      [
        '--policy',
        'uk-comms-ombudsman',
        '--clock',
        'acknowledge',
        '--received',
        '2026-13-01T10:00:00Z',
      ],
      /not a real date/,
    ],
    [
      'not a date at all',
      ['--policy', 'uk-comms-ombudsman', '--clock', 'acknowledge', '--received', 'yesterday'],
      /ISO-8601/,
    ],
    [
      'an unknown clock',
      ['--policy', 'uk-comms-ombudsman', '--clock', 'nope', '--received', '2026-03-10T10:00:00Z'],
      /no clock "nope"/,
    ],
    [
      'an unknown preset',
      ['--policy', 'nope', '--clock', 'acknowledge', '--received', '2026-03-10T10:00:00Z'],
      /unknown policy "nope"/,
    ],
    [
      'a missing file',
      ['--policy', './nope.yaml', '--clock', 'acknowledge', '--received', '2026-03-10T10:00:00Z'],
      /no such file/,
    ],
    [
      'a missing option',
      ['--policy', 'uk-comms-ombudsman', '--clock', 'acknowledge'],
      /--received is required/,
    ],
    [
      'an unknown option',
      [
        '--policy',
        'uk-comms-ombudsman',
        '--clock',
        'acknowledge',
        '--received',
        '2026-03-10T10:00:00Z',
        '--bogus',
      ],
      /bogus/,
    ],
    [
      'a bad pause',
      [
        '--policy',
        'uk-comms-ombudsman',
        '--clock',
        'resolution_plan',
        '--received',
        '2026-03-10T10:00:00Z',
        '--pause',
        '2026-03-11T10:00:00Z',
      ],
      /--pause/,
    ],
    [
      'a pause on a regulatory clock',
      [
        '--policy',
        'uk-comms-ombudsman',
        '--clock',
        'deadlock',
        '--received',
        '2026-03-10T10:00:00Z',
        '--pause',
        '2026-03-11T10:00:00Z/2026-03-12T10:00:00Z',
      ],
      /never pauses/,
    ],
  ];
  for (const [what, args, message] of bad) {
    test(`${what} exits non-zero with a one-line error`, () => {
      const r = redress('deadline', ...args);
      assert.notEqual(r.code, 0);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    });
  }

  test('a bad policy file exits non-zero with one line naming the file and the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redress-policy-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      'id: bad\nname: Bad\ntimezone: Europe/London\ncalendar:\n  holidays: GB-ENG\nclocks:\n  acknowledge: { amount: 24, unit: workhours }\n',
    );
    const r = redress(
      'deadline',
      '--policy',
      file,
      '--clock',
      'acknowledge',
      '--received',
      '2026-03-10T10:00:00Z',
    );
    assert.notEqual(r.code, 0);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /bad\.yaml/);
    assert.match(
      r.stderr,
      /clocks\.acknowledge\.unit: expected one of .*working_hours.*; got "workhours"/,
    );
  });
});

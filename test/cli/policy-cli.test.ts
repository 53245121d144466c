// `redress policy …` as a user runs it: a child process, its exit code and its output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'redress-policy-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function redress(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/redress.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, REDRESS_DEBUG: '', REDRESS_DATA_DIR: join(dir, 'data') },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const VALID = `id: tiny
name: Tiny procedure
timezone: Europe/London
organisation: { name: Tiny Ltd, email: complaints@tiny.example }
intake: { channels: [email] }
calendar: { holidays: GB-ENG }
clocks:
  acknowledge: { amount: 24, unit: working_hours, stopsOn: acknowledged }
`;

describe('redress policy check', () => {
  test('a valid file: exit 0 and a summary of every version', () => {
    const r = redress('policy', 'check', 'policies/uk-comms-ombudsman.yaml');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /valid \(2 versions\)/);
    assert.match(r.out, /version 1, effective from 1970-01-01 \(Europe\/London\)/);
    assert.match(r.out, /version 2, effective from 2026-04-08/);
    assert.match(r.out, /deadlock: 6 calendar_weeks \(stops on deadlocked/);
    assert.match(r.out, /acknowledge: 24 working_hours \(stops on acknowledged/);
  });

  test('a file of my own', () => {
    const r = redress('policy', 'check', file('tiny.yaml', VALID));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /tiny: Tiny procedure/);
  });

  test('a procedure that does not say where to complain, or who signs, is refused', () => {
    const unsigned = redress(
      'policy',
      'check',
      file('unsigned.yaml', VALID.replace(/organisation: .*\n/, '')),
    );
    assert.equal(unsigned.code, 1);
    assert.match(unsigned.err, /signed by the organisation; give organisation\.name/);
    const noPost = redress(
      'policy',
      'check',
      file('no-post.yaml', VALID.replace('channels: [email]', 'channels: [email, post, web]')),
    );
    assert.equal(noPost.code, 1);
    assert.match(
      noPost.err,
      /"how to complain" needs organisation\.address \(complaints are taken by post\)/,
    );
    assert.match(noPost.err, /"how to complain" needs organisation\.website/);
  });

  test('a bad file: exit 1, one line per problem, no stack trace', () => {
    const bad = file(
      'bad.yaml',
      VALID.replace('working_hours', 'workhours').replace('Europe/London', 'Europe/Lundon') +
        'colour: blue\n',
    );
    const r = redress('policy', 'check', bad);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    const lines = r.err.trimEnd().split('\n');
    assert.equal(lines.length, 4, r.err);
    assert.match(lines[0]!, /^redress policy: .*bad\.yaml is not a valid policy \(3 problems\):$/);
    assert.ok(
      r.err.includes(
        `${bad}: clocks.acknowledge.unit: expected one of calendar_hours, working_hours, business_hours, working_days, calendar_days, calendar_weeks, calendar_months; got "workhours"`,
      ),
      r.err,
    );
    assert.ok(r.err.includes(`${bad}: timezone: expected an IANA time zone`));
    assert.ok(r.err.includes(`${bad}: (top level): unknown key colour`));
    assert.doesNotMatch(r.err, /\n\s+at |Error:|\.ts:\d+/);
  });

  test('a single problem is a single line', () => {
    const r = redress('policy', 'check', file('one.yaml', VALID.replace('working_hours', 'hours')));
    assert.equal(r.code, 1);
    assert.equal(r.err.trimEnd().split('\n').length, 1);
    assert.match(r.err, /^redress policy: .*one\.yaml: clocks\.acknowledge\.unit: expected one of/);
  });

  test('a YAML syntax error names the line', () => {
    const r = redress('policy', 'check', file('syntax.yaml', 'id: x\nname: [oops\n'));
    assert.equal(r.code, 1);
    assert.match(r.err, /syntax\.yaml: line \d+, column \d+: /);
    assert.doesNotMatch(r.err, /\n\s+at /);
  });

  test('a missing file', () => {
    const r = redress('policy', 'check', 'no/such/file.yaml');
    assert.equal(r.code, 1);
    assert.equal(r.err, 'redress policy: cannot read no/such/file.yaml: no such file\n');
  });

  test('no file at all is a usage error', () => {
    assert.equal(redress('policy', 'check').code, 2);
  });
});

describe('redress policy show', () => {
  test('a preset in its first language (Vietnamese for vn-datacentre)', () => {
    const r = redress('policy', 'show', 'vn-datacentre');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Quy trình giải quyết khiếu nại của khách hàng/);
    assert.match(r.out, /trong vòng 20 ngày làm việc/);
  });

  test('--lang en', () => {
    const r = redress('policy', 'show', 'vn-datacentre', '--lang', 'en');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /within 20 working days/);
  });

  test('--at chooses the version in force', () => {
    const before = redress('policy', 'show', 'uk-comms-ombudsman', '--at', '2026-04-07T22:30:00Z');
    const afterSwitch = redress('policy', 'show', 'uk-comms-ombudsman', '--at', '2026-04-08');
    assert.equal(before.code, 0, before.err);
    assert.match(before.out, /within 8 weeks/);
    assert.match(before.out, /On request, we will send you a deadlock letter/);
    assert.match(afterSwitch.out, /within 6 weeks/);
    assert.match(afterSwitch.out, /Communications Ombudsman/);
  });

  test('a file by path', () => {
    const r = redress('policy', 'show', file('show.yaml', VALID));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Tiny procedure\n/);
  });

  test('an unknown preset lists the known ones', () => {
    const r = redress('policy', 'show', 'nope');
    assert.equal(r.code, 1);
    assert.match(r.err, /unknown policy "nope".*uk-comms-ombudsman, uk-fca-disp, vn-datacentre/);
  });

  test('bad options are usage errors', () => {
    assert.equal(redress('policy', 'show', 'vn-datacentre', '--lang', 'fr').code, 2);
    assert.equal(redress('policy', 'show', 'vn-datacentre', '--at', 'soon').code, 2);
    assert.equal(redress('policy', 'show', 'vn-datacentre', '--colour').code, 2);
  });

  test('a date before the first version is refused', () => {
    const r = redress('policy', 'show', 'uk-fca-disp', '--at', '2010-01-01');
    assert.equal(r.code, 1);
    assert.match(r.err, /no version in force/);
  });
});

describe('redress policy list and help', () => {
  test('list shows every preset with its versions', () => {
    const r = redress('policy', 'list');
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.match(
      r.out,
      /uk-comms-ombudsman +Customer complaints code of practice +\(v1 from 1970-01-01, v2 from 2026-04-08\)/,
    );
    assert.match(r.out, /vn-datacentre/);
    assert.match(r.out, /uk-fca-disp/);
  });

  test('--help prints the usage and exits 0', () => {
    const r = redress('policy', '--help');
    assert.equal(r.code, 0);
    assert.match(r.out, /redress policy check <file>/);
    assert.match(r.out, /redress policy show <id\|file>/);
  });

  test('an unknown verb is a usage error', () => {
    const r = redress('policy', 'frobnicate');
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown verb "frobnicate"/);
  });
});

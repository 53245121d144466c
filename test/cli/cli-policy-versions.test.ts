// The CLI reads policies where the server does: a version an administrator added through the
// API (here: the use case the API route calls) is what `redress deadline` and `redress policy`
// then use, on the same database.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { policyVersions } from '../../src/app/policies.ts';
import { addPolicyVersion } from '../../src/app/policies/add-policy-version.ts';
import { openServices } from '../../src/composition.ts';
import { loadConfig } from '../../src/config.ts';
import { newId } from '../../src/app/crypto.ts';
import { insertUser } from '../../src/db/repositories/users.ts';

const dir = mkdtempSync(join(tmpdir(), 'redress-cli-policies-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  REDRESS_DATA_DIR: dir,
  REDRESS_DEMO: '0',
  LOG_LEVEL: 'silent',
};
delete env.DATABASE_URL;

function redress(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/redress.js', ...args], { encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI verbs and policy versions added through the API', () => {
  before(async () => {
    const services = await openServices(loadConfig(env));
    try {
      const admin = await insertUser(services.db, {
        id: newId(),
        email: 'admin@example.test',
        name: 'Admin',
        role: 'administrator',
        departmentId: null,
        passwordHash: null,
      });
      const latest = (await policyVersions('uk-comms-ombudsman')).at(-1)!;
      const document = {
        ...latest,
        effectiveFrom: '2027-01-01',
        clocks: { ...latest.clocks, acknowledge: { ...latest.clocks.acknowledge, amount: 48 } },
      };
      await addPolicyVersion(
        { policies: services.policies, now: () => new Date('2026-12-01T00:00:00Z') },
        { id: admin.id, role: 'administrator' },
        { id: 'uk-comms-ombudsman', document },
      );
    } finally {
      await services.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('redress deadline uses the version in force from the database', () => {
    const at = (received: string) =>
      redress(
        'deadline',
        '--policy',
        'uk-comms-ombudsman',
        '--clock',
        'acknowledge',
        '--received',
        received,
      );
    const added = at('2027-02-02T10:00:00Z');
    assert.equal(added.code, 0, added.stderr);
    // Tue 10:00 + 48 working hours = Thu 10:00 (the added version), not Wed (the preset's 24).
    assert.deepEqual(JSON.parse(added.stdout), {
      clock: 'acknowledge',
      due: '2027-02-04T10:00:00.000Z',
    });
    const before = at('2026-12-01T10:00:00Z');
    assert.deepEqual(JSON.parse(before.stdout), {
      clock: 'acknowledge',
      due: '2026-12-02T10:00:00.000Z',
    });
  });

  test('redress policy list and show see the added version', () => {
    const list = redress('policy', 'list');
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /uk-comms-ombudsman .*v3 from 2027-01-01/);
    const show = redress('policy', 'show', 'uk-comms-ombudsman', '--at', '2027-02-02');
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /48 working hours|48 hours/);
  });

  test('an unknown policy id is a one-line error naming the known ones', () => {
    const r = redress(
      'deadline',
      '--policy',
      'nope',
      '--clock',
      'x',
      '--received',
      '2027-01-01T00:00:00Z',
    );
    assert.notEqual(r.code, 0);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /uk-comms-ombudsman/);
  });
});

// `redress retention …` and `redress hold …` as an operator runs them, on an embedded database
// of their own: the preview, the dry run, holds placed, refused and listed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'redress-privacy-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function redress(...args: string[]) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    REDRESS_DEBUG: '',
    REDRESS_DEMO: '0',
    REDRESS_DATA_DIR: join(dir, 'data'),
    REDRESS_FILES_DIR: join(dir, 'files'),
  };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['bin/redress.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    env,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('redress retention and hold', () => {
  test('the preview and the dry run say what would be anonymised and change nothing', () => {
    const preview = redress('retention', 'preview', '--days', '30', '--timezone', 'Europe/London');
    assert.equal(preview.code, 0, preview.err);
    assert.match(preview.out, /^0 complaints are due for anonymisation now$/m);
    assert.match(preview.out, /none falls due in the next 30 days/);
    const dry = redress('retention', 'run', '--dry-run');
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /dry run: 0 complaints would be anonymised now \(nothing changed\)/);
  });

  test('bad input is a one-line error with a usage exit code', () => {
    const r = redress('retention', 'preview', '--timezone', 'Mars/Olympus');
    assert.equal(r.code, 2);
    assert.match(r.err, /^redress retention: --timezone: not a time zone: Mars\/Olympus\n$/);
    const noReason = redress('hold', 'place', '--complaint', 'RD-2026-000001');
    assert.equal(noReason.code, 2);
    assert.match(noReason.err, /a hold needs a reason/);
  });

  test('a hold on an unknown complaint is refused', () => {
    const r = redress('hold', 'place', '--complaint', 'RD-2026-999999', '--reason', 'Litigation');
    assert.equal(r.code, 1);
    assert.match(r.err, /no complaint RD-2026-999999/);
  });
});

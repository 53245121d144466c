// The web app and the server meet only over HTTP: no file of web/ imports src/ (or anything
// outside web/), and no file of src/ imports web/. (The server reads web/dist's files.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '..', '..');
const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function relativeImports(file: string): string[] {
  const out: string[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const spec = m[1] ?? m[2]!;
    if (spec.startsWith('.')) out.push(resolve(dirname(file), spec));
  }
  return out;
}

describe('web/ and src/ stay apart', () => {
  test('no file under web/ imports from outside web/', () => {
    const web = join(ROOT, 'web');
    const bad = sources(web).flatMap((f) =>
      relativeImports(f)
        .filter((target) => relative(web, target).startsWith('..'))
        .map((target) => `${relative(ROOT, f)} → ${relative(ROOT, target)}`),
    );
    assert.deepEqual(bad, []);
  });

  test('no file under src/ imports from web/', () => {
    const web = join(ROOT, 'web');
    const bad = sources(join(ROOT, 'src')).flatMap((f) =>
      relativeImports(f)
        .filter((target) => !relative(web, target).startsWith('..'))
        .map((target) => `${relative(ROOT, f)} → ${relative(ROOT, target)}`),
    );
    assert.deepEqual(bad, []);
  });

  test('the check sees an import that crosses', () => {
    // The same resolution as above, on a line that would cross from web/ into src/.
    const file = join(ROOT, 'web', 'src', 'api', 'client.ts');
    const target = resolve(dirname(file), '../../../src/config.ts');
    assert.ok(relative(join(ROOT, 'web'), target).startsWith('..'));
    assert.ok([...`import { x } from '../../../src/config.ts';`.matchAll(IMPORT)].length === 1);
  });
});

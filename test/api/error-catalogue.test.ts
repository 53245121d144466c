// The catalogue of error codes is the one list: every code the source names is in it (or is
// declared as never reaching HTTP), every code in it is used, each has one status and a meaning,
// and the README's table says the same.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { AppError, ERROR_CATALOGUE, ERROR_CODES, NON_HTTP_CODES } from '../../src/app/errors.ts';
import { BEGIN, END } from '../../scripts/error-codes.ts';

/** Where the codes are declared; a code named only there is not used. */
const CATALOGUE_FILES = new Set(['src/app/errors.ts', 'src/domain/complaint/errors.ts']);
const CODE_LITERAL = /['"`]((?:[A-Z][A-Z0-9_]*\.[A-Z][A-Z0-9_]*)|RATE_LIMITED|INTERNAL)['"`]/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every code-shaped string literal in src/, with the files that name it. */
function namedCodes(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of sources('src')) {
    for (const m of readFileSync(file, 'utf8').matchAll(CODE_LITERAL)) {
      const files = out.get(m[1]!) ?? new Set<string>();
      files.add(file);
      out.set(m[1]!, files);
    }
  }
  return out;
}

/** The README table's rows as [code, status, meaning]. */
function readmeRows(readme: string): string[][] {
  const from = readme.indexOf(BEGIN);
  const to = readme.indexOf(END);
  assert.ok(from >= 0 && to > from, 'README.md has no error-code section');
  return readme
    .slice(from + BEGIN.length, to)
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim().replace(/^`|`$/g, '')),
    );
}

describe('the error catalogue', () => {
  const named = namedCodes();

  test('every code named in the source is catalogued or declared as never sent over HTTP', () => {
    const unknown = [...named.keys()].filter(
      (code) => !(code in ERROR_CATALOGUE) && !(code in NON_HTTP_CODES),
    );
    assert.deepEqual(unknown, [], `not catalogued: ${unknown.join(', ')}`);
  });

  test('every catalogued code is used outside the catalogue', () => {
    const unused = ERROR_CODES.filter((code) => {
      const files = [...(named.get(code) ?? [])].filter((f) => !CATALOGUE_FILES.has(f));
      return files.length === 0;
    });
    assert.deepEqual(unused, [], `catalogued but never used: ${unused.join(', ')}`);
  });

  test('each code has one status (4xx, or 500 for INTERNAL) and a one-line meaning', () => {
    for (const [code, e] of Object.entries(ERROR_CATALOGUE)) {
      assert.match(code, /^([A-Z]+\.[A-Z0-9_]+|RATE_LIMITED|INTERNAL)$/);
      assert.ok(code === 'INTERNAL' ? e.status === 500 : e.status >= 400 && e.status < 500, code);
      assert.ok(e.meaning.length > 10 && !e.meaning.includes('\n'), code);
    }
  });

  test('an AppError takes its status from the catalogue', () => {
    assert.equal(new AppError('COMPLAINT.NOT_FOUND', 'x').status, 404);
    assert.equal(new AppError('COMPLAINT.ILLEGAL_TRANSITION', 'x').status, 409);
    assert.equal(new AppError('IDEMPOTENCY.KEY_REUSED', 'x').status, 422);
  });

  test('the README lists exactly the catalogue (npm run docs:errors rewrites it)', () => {
    const rows = readmeRows(readFileSync('README.md', 'utf8'));
    const expected = Object.entries(ERROR_CATALOGUE).map(([code, e]) => [
      code,
      String(e.status),
      e.meaning,
    ]);
    assert.deepEqual(rows, expected);
  });

  test('the README check notices a drift', () => {
    const readme = readFileSync('README.md', 'utf8').replace(
      /\| `COMPLAINT\.NOT_FOUND` *\| 404/,
      '| `COMPLAINT.NOT_FOUND` | 410',
    );
    const row = readmeRows(readme).find((r) => r[0] === 'COMPLAINT.NOT_FOUND');
    assert.deepEqual(row?.slice(0, 2), ['COMPLAINT.NOT_FOUND', '410']);
  });
});

// The architecture, checked: every SQL statement lives under src/db/, and nothing under
// src/domain/ imports anything outside the domain (other layers, or packages that do I/O).
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import {
  domainImportProblems,
  importCycles,
  looksLikeSql,
  read,
  rel,
  sourceFiles,
  sqlIn,
  type Finding,
} from './helpers/architecture.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = resolve(ROOT, 'src');
const DOMAIN = resolve(SRC, 'domain');

const show = (f: Finding[]) => f.map((x) => `${rel(ROOT, x.file)}:${x.line} ${x.what}`).join('\n');

describe('the scanner', () => {
  test('finds statements in strings and templates, not English or regular expressions', () => {
    for (const sql of [
      'select * from complaints where id = $1',
      'insert into events (a) values ($1)',
      "update complaints c set status = 'x'",
      'delete from sessions where id = $1',
      'with picked as (select 1) select * from picked',
      'SELECT id FROM users',
      'savepoint sweep_item',
      "select pg_advisory_xact_lock(hashtext('x'))",
      'select 1',
      'truncate complaints cascade',
    ]) {
      assert.ok(looksLikeSql(sql), sql);
    }
    for (const prose of [
      'Select a file from your computer',
      'update your address',
      'select the policy',
      'the customer asked to delete from the list',
    ]) {
      assert.ok(!looksLikeSql(prose), prose);
    }
  });

  test('flags SQL, .query and drivers outside src/db; not a regex exec', () => {
    const bad = sqlIn(
      '/x/src/app/a.ts',
      [
        "import pg from 'pg';",
        'const q = `select id from complaints where reference = ${ref}`;',
        "await db.query('select 1');",
        "await db.exec('create table t (a int)');",
      ].join('\n'),
    );
    assert.deepEqual(
      bad.map((f) => f.line),
      [2, 3, 3, 4, 4, 1],
    );
    const fine = sqlIn(
      '/x/src/app/b.ts',
      [
        'const m = /select (.*) from/.exec(text); // select * from nowhere',
        "const s = 'Select the complaint from the list';",
        'const query = request.query;',
      ].join('\n'),
    );
    assert.deepEqual(fine, []);
  });

  test('flags domain imports that leave the domain', () => {
    const file = resolve(DOMAIN, 'complaint/x.ts');
    const problems = domainImportProblems(
      file,
      [
        "import { z } from 'zod';",
        "import type { Policy } from '../policy/schema.ts';",
        "import type { Db } from '../../db/client.ts';",
        "import { readFile } from 'node:fs/promises';",
        "export { x } from '../../app/errors.ts';",
        "const m = await import('../../http/server.ts');",
      ].join('\n'),
      DOMAIN,
    );
    assert.deepEqual(
      problems.map((p) => p.line),
      [3, 4, 5, 6],
    );
  });
});

describe('the source tree', () => {
  const files = sourceFiles(SRC);

  test('SQL appears only under src/db/', () => {
    const findings = files
      .filter((f) => !rel(ROOT, f).startsWith('src/db/'))
      .flatMap((f) => sqlIn(f, read(f)));
    assert.deepEqual(findings, [], `SQL outside src/db/:\n${show(findings)}`);
  });

  test('the scan reads the database layer too (so it would see SQL that moved out)', () => {
    const db = files.filter((f) => rel(ROOT, f).startsWith('src/db/'));
    assert.ok(db.flatMap((f) => sqlIn(f, read(f))).length > 50);
  });

  test('nothing under src/domain/ imports from outside the domain', () => {
    const findings = files
      .filter((f) => rel(ROOT, f).startsWith('src/domain/'))
      .flatMap((f) => domainImportProblems(f, read(f), DOMAIN));
    assert.deepEqual(findings, [], `domain imports leaving the domain:\n${show(findings)}`);
  });
});

describe('modules', () => {
  test('import no module that imports them back (types and import() count too)', () => {
    const cycles = importCycles(sourceFiles(SRC)).map((c) =>
      c.map((f) => rel(ROOT, f)).join(' → '),
    );
    assert.deepEqual(cycles, []);
  });

  test('the cycle finder finds a cycle of type imports and import()', () => {
    const cycles = importCycles(sourceFiles(resolve(import.meta.dirname, 'fixtures/cycle')));
    assert.equal(cycles.length, 1);
    assert.deepEqual(cycles[0]!.map((f) => rel(ROOT, f)).sort(), [
      'test/fixtures/cycle/a.ts',
      'test/fixtures/cycle/b.ts',
    ]);
  });
});

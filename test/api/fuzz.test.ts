// Doors (issue 8): a fuzzer over every operation of the OpenAPI document (valid and mutated
// bodies, parameters, query strings and headers; as each role and anonymously) gets no 5xx.
// This is the suite's short run (600 requests); `npm run fuzz` sends 6,000 or more.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { formatCounts, fuzz, seedFuzzTarget } from '../../bench/fuzz-core.ts';
import { startApp, type TestApp } from '../helpers/app.ts';

describe('the API under a fuzzer', () => {
  let t: TestApp;
  before(async () => {
    t = await startApp('pglite');
  });
  after(() => t.close());

  test('600 requests over every operation of the document: no answer is a 5xx', async () => {
    const seeded = await seedFuzzTarget(t.app, t.tokens);
    const result = await fuzz(
      { app: t.app, tokens: t.tokens, ...seeded },
      { requests: 600, seed: Number(process.env.FUZZ_SEED ?? 8) },
    );
    assert.ok(result.operations >= 80, `${result.operations} operations`);
    assert.deepEqual(
      result.failures,
      [],
      `5xx answers:\n${result.failures.map((f) => `${f.request} → ${f.status} ${f.body}`).join('\n')}\n${formatCounts(result)}`,
    );
    const statuses = Object.keys(result.byStatus).map(Number);
    assert.ok(
      statuses.some((s) => s >= 200 && s < 300),
      'some requests succeed',
    );
    assert.ok(
      statuses.some((s) => s >= 400 && s < 500),
      'some requests are refused',
    );
  });
});

// Doors (issue 8): long text never causes a 500. Two replies of 100,000 words each used to make
// every later action on the complaint fail ("string is too long for tsvector"); the search
// index now reads a bounded prefix, so the complaint goes on and stays findable.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';

const NOW = new Date('2026-03-20T12:00:00Z');

/** 100,000 words, most of them different (the worst case for a tsvector's size). */
const longReply = (seed: string) =>
  Array.from({ length: 100_000 }, (_, i) => `${seed}${i.toString(36)}`).join(' ');

for (const engine of engines()) {
  describe(`long text (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startApp(engine, {
        now: NOW,
        env: { REDRESS_BODY_LIMIT_MB: '4', REDRESS_PUBLIC_RATE_LIMIT: '1000' },
      });
    });
    after(() => t.close());

    test('two replies of 100,000 words each, then every later action still succeeds', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/complaints',
        payload: complaintBody({ subject: 'Zanzibarquux outage', receivedAt: undefined }),
      });
      assert.equal(created.statusCode, 201, created.body);
      const { reference, trackingToken } = created.json();
      for (const seed of ['alpha', 'beta']) {
        const r = await t.app.inject({
          method: 'POST',
          url: `/api/v1/public/complaints/${reference}/reply`,
          headers: { 'x-tracking-token': trackingToken },
          payload: { message: longReply(seed) },
        });
        assert.equal(r.statusCode, 200, r.body.slice(0, 500));
      }
      for (const action of ['acknowledge', 'add-note']) {
        const r = await t.app.inject({
          method: 'POST',
          url: `/api/v1/complaints/${reference}/actions/${action}`,
          headers: t.as('handler'),
          payload: action === 'add-note' ? { text: longReply('gamma').slice(0, 200_000) } : {},
        });
        assert.equal(r.statusCode, 200, `${action}: ${r.body.slice(0, 300)}`);
      }
      const found = await t.app.inject({
        url: `/api/v1/complaints?q=zanzibarquux`,
        headers: t.as('handler'),
      });
      assert.equal(found.statusCode, 200, found.body);
      assert.ok(found.json().items.some((c: { reference: string }) => c.reference === reference));
      const early = await t.app.inject({
        url: `/api/v1/complaints?q=alpha1`,
        headers: t.as('handler'),
      });
      assert.ok(early.json().items.some((c: { reference: string }) => c.reference === reference));
    });
  });
}

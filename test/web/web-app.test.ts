// redress serve serves the web app: index.html for the app's pages (never cached, with the
// settings it needs), hashed assets cached for a year and pre-compressed, and the SPA fallback
// only for pages — /api/… and missing assets stay 404.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { WEB_DIST } from '../../src/http/web-app.ts';
import { startApp, type TestApp } from '../helpers/app.ts';
import { ensureWebBuilt } from '../helpers/web-build.ts';

const settingsOf = (html: string) =>
  JSON.parse(
    /<script type="application\/json" id="redress-settings">([^<]*)<\/script>/.exec(html)![1]!,
  );

describe('the web app, served by redress serve', () => {
  let t: TestApp;
  let script: string;
  before(async () => {
    ensureWebBuilt();
    script = readdirSync(join(WEB_DIST, 'assets')).find((f) => /^index-.*\.js$/.test(f))!;
    t = await startApp('pglite', {
      env: { REDRESS_DEFAULT_POLICY: 'vn-datacentre', REDRESS_MAX_UPLOAD_MB: '2' },
    });
  });
  after(() => t.close());

  test('/ is the app, not cached, with the settings the app reads', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(r.statusCode, 200);
    assert.match(r.headers['content-type'] as string, /^text\/html/);
    assert.equal(r.headers['cache-control'], 'no-cache');
    assert.equal(r.headers['referrer-policy'], 'no-referrer');
    assert.match(r.body, /<div id="root">/);
    const s = settingsOf(r.body);
    assert.equal(s.defaultPolicy, 'vn-datacentre');
    assert.equal(s.maxUploadBytes, 2 * 1024 * 1024);
    const vn = s.policies.find((p: { id: string }) => p.id === 'vn-datacentre');
    assert.deepEqual(vn.languages, ['vi', 'en']);
    assert.equal(vn.timezone, 'Asia/Ho_Chi_Minh');
  });

  test('app pages such as /queue and /track/… get index.html', async () => {
    for (const url of [
      '/queue',
      '/track/RD-2026-000001?token=abc',
      '/complain?policy=x',
      '/login',
    ]) {
      const r = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      assert.equal(r.statusCode, 200, url);
      assert.match(r.body, /<div id="root">/, url);
    }
  });

  test('/api/nope is a JSON 404, never the page', async () => {
    for (const url of ['/api/nope', '/api/v1/nope', '/healthz/x']) {
      const r = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      assert.equal(r.statusCode, 404, url);
      assert.equal(r.json().error.code, 'ROUTE.NOT_FOUND', url);
    }
  });

  test('a missing asset or file is a 404, not the page', async () => {
    for (const url of ['/assets/missing.js', '/favicon.ico', '/robots.txt']) {
      const r = await t.app.inject({ method: 'GET', url });
      assert.equal(r.statusCode, 404, url);
      assert.doesNotMatch(r.body, /<div id="root">/, url);
    }
  });

  test('a request that does not want HTML gets a 404, not the page', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: '/queue',
      headers: { accept: 'application/json' },
    });
    assert.equal(r.statusCode, 404);
  });

  test('hashed assets are cached for a year and sent compressed when asked', async () => {
    const plain = await t.app.inject({ method: 'GET', url: `/assets/${script}` });
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(plain.headers['content-type'] as string, /javascript/);
    assert.equal(plain.headers['content-encoding'], undefined);
    for (const [accept, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
    ]) {
      const r = await t.app.inject({
        method: 'GET',
        url: `/assets/${script}`,
        headers: { 'accept-encoding': accept! },
      });
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['content-encoding'], encoding);
      assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.match(String(r.headers.vary), /accept-encoding/i);
      assert.ok(r.rawPayload.length < plain.rawPayload.length);
    }
  });

  test('the web app is not in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.ok(
      !Object.keys(doc.paths).some((p) => p === '/' || p.startsWith('/assets') || p === '/*'),
    );
  });
});

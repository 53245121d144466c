// The OpenAPI document: valid OpenAPI 3.0 (checked structurally, schema keywords included),
// listing every /api/v1 route the app serves (collected from the app), with the complaint
// create body. And the health check.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { routes, type RoutePlugin } from '../../src/http/routes/index.ts';
import { startApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { documentProblems, HTTP_METHODS, isObject, type Json } from '../helpers/openapi-check.ts';

// Every route as the app registers it, with whether it is hidden from the document.
const declaredBy = new Map<unknown, { method: string; url: string; hidden: boolean }[]>();
routes.splice(
  0,
  routes.length,
  ...routes.map((plugin): RoutePlugin => async (app, ctx) => {
    const list = declaredBy.get(ctx.db) ?? [];
    declaredBy.set(ctx.db, list);
    app.addHook('onRoute', (r) => {
      const hidden = !!(r.schema as { hide?: boolean } | undefined)?.hide;
      for (const method of [r.method].flat()) {
        if (method !== 'HEAD') list.push({ method, url: r.url, hidden });
      }
    });
    await plugin(app, ctx);
  }),
);

const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

for (const engine of engines()) {
  describe(`OpenAPI document and health (${engine})`, async () => {
    const t = await startApp(engine);
    after(() => t.close());
    const declared = (declaredBy.get(t.db) ?? []).filter((r) => r.url.startsWith('/api/v1/'));
    const res = await t.app.inject({ url: '/api/openapi.json' });
    const doc = res.json() as Json;
    const paths = doc.paths as Record<string, Json>;

    test('GET /api/openapi.json is public, JSON, and valid OpenAPI 3.0', () => {
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /application\/json/);
      assert.deepEqual(documentProblems(doc), []);
      const schemes = (doc.components as Json).securitySchemes as Json;
      assert.deepEqual(Object.keys(schemes).sort(), ['bearer', 'session']);
    });

    test('the checker itself finds what is wrong', () => {
      const broken = structuredClone(doc);
      const p = (broken.paths as Record<string, Json>)['/api/v1/complaints/{reference}']!;
      const get = p.get as Json;
      (get.parameters as Json[])[0]!.required = false;
      get.responses = {};
      ((broken.paths as Record<string, Json>)['/api/v1/complaints']!.post as Json).requestBody = {
        content: { 'application/json': { schema: { type: ['string', 'null'], const: 1 } } },
      };
      const problems = documentProblems(broken);
      assert.ok(
        problems.some((x) => x.includes('not required')),
        problems.join('\n'),
      );
      assert.ok(problems.some((x) => x.includes('no responses')));
      assert.ok(problems.some((x) => x.includes('keyword const')));
      assert.ok(problems.some((x) => x.includes('type ["string","null"]')));
    });

    test('every /api/v1 route the app serves is in the document, and nothing else', () => {
      assert.ok(declared.length >= 50, `only ${declared.length} routes collected`);
      const shown = declared.filter((r) => !r.hidden);
      for (const r of shown) {
        const item = paths[toOpenApiPath(r.url)];
        assert.ok(item?.[r.method.toLowerCase()], `${r.method} ${r.url} is not documented`);
      }
      const documented = Object.entries(paths)
        .filter(([p]) => p.startsWith('/api/v1/'))
        .flatMap(([p, item]) => HTTP_METHODS.filter((m) => m in item).map((m) => `${m} ${p}`));
      const expected = new Set(
        shown.map((r) => `${r.method.toLowerCase()} ${toOpenApiPath(r.url)}`),
      );
      for (const op of documented)
        assert.ok(expected.has(op), `${op} is documented but not served`);
      // The only hidden API route is the catch-all for unknown action names.
      assert.deepEqual(
        declared.filter((r) => r.hidden).map((r) => `${r.method} ${r.url}`),
        ['POST /api/v1/complaints/:reference/actions/:action'],
      );
      // Every operation is grouped and described.
      for (const [p, item] of Object.entries(paths).filter(([k]) => k.startsWith('/api/v1/'))) {
        for (const m of HTTP_METHODS.filter((x) => x in item)) {
          const op = item[m] as Json;
          assert.ok(Array.isArray(op.tags) && op.tags.length > 0, `${m} ${p} has no tag`);
          assert.equal(typeof op.summary, 'string', `${m} ${p} has no summary`);
        }
      }
    });

    test('the complaint create body is documented, with its required fields', () => {
      for (const path of ['/api/v1/complaints', '/api/v1/public/complaints']) {
        const op = paths[path]!.post as Json;
        const body = (op.requestBody as Json).content as Record<string, Json>;
        const schema = body['application/json']!.schema as Json;
        assert.equal(schema.type, 'object');
        assert.equal(schema.additionalProperties, false);
        const props = schema.properties as Record<string, Json>;
        for (const k of ['policy', 'channel', 'receivedAt', 'customer', 'subject', 'description']) {
          assert.ok(props[k], `${path} body has no ${k}`);
        }
        assert.deepEqual([...(schema.required as string[])].sort(), [
          'customer',
          'description',
          'policy',
          'subject',
        ]);
        assert.ok((props.channel!.enum as string[]).includes('web'));
        const customer = props.customer!;
        assert.equal(customer.type, 'object');
        assert.ok((customer.required as string[]).includes('name'));
        assert.ok((customer.properties as Json).email);
        assert.ok(isObject((op.responses as Json)['201']), `${path} documents no 201`);
      }
      const staff = paths['/api/v1/complaints']!.post as Json;
      const headers = (staff.parameters as Json[]).filter((p) => p.in === 'header');
      assert.deepEqual(
        headers.map((h) => h.name),
        ['idempotency-key'],
      );
    });

    test('GET /healthz is 200 without credentials', async () => {
      const r = await t.app.inject({ url: '/healthz' });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json(), { status: 'ok' });
    });
  });
}

// The OpenAPI document: valid OpenAPI 3.0 (checked structurally, schema keywords included),
// listing every /api/v1 route the app serves (collected from the app), with the complaint
// create body. And the health check.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ERROR_CATALOGUE, ERROR_CODES } from '../../src/app/errors.ts';
import { routes, type RoutePlugin } from '../../src/http/routes/index.ts';
import { startApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';

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

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PATH_ITEM_KEYS = new Set([
  ...HTTP_METHODS,
  'summary',
  'description',
  'servers',
  'parameters',
]);
const OPERATION_KEYS = new Set([
  'tags',
  'summary',
  'description',
  'externalDocs',
  'operationId',
  'parameters',
  'requestBody',
  'responses',
  'callbacks',
  'deprecated',
  'security',
  'servers',
]);
/** The Schema Object of OpenAPI 3.0: a subset of JSON Schema plus a few keywords of its own. */
const SCHEMA_KEYS = new Set([
  'title',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'type',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'items',
  'properties',
  'additionalProperties',
  'description',
  'format',
  'default',
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'xml',
  'externalDocs',
  'example',
  'deprecated',
  '$ref',
]);
const TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean']);

/** Every problem of a Schema Object, with where it is. */
function schemaProblems(s: unknown, where: string, doc: Json): string[] {
  if (!isObject(s)) return [`${where}: a schema must be an object`];
  const out: string[] = [];
  for (const key of Object.keys(s)) {
    if (!SCHEMA_KEYS.has(key) && !key.startsWith('x-')) out.push(`${where}: keyword ${key}`);
  }
  if ('$ref' in s) {
    const target = String(s['$ref'])
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, k) => (isObject(node) ? node[k] : undefined), doc);
    if (target === undefined) out.push(`${where}: $ref ${String(s['$ref'])} resolves to nothing`);
  }
  if ('type' in s && !(typeof s.type === 'string' && TYPES.has(s.type))) {
    out.push(`${where}: type ${JSON.stringify(s.type)}`);
  }
  for (const k of ['exclusiveMinimum', 'exclusiveMaximum', 'nullable']) {
    if (k in s && typeof s[k] !== 'boolean') out.push(`${where}: ${k} must be a boolean`);
  }
  if ('required' in s && !(Array.isArray(s.required) && s.required.length > 0)) {
    out.push(`${where}: required must be a non-empty array`);
  }
  if ('enum' in s && !(Array.isArray(s.enum) && s.enum.length > 0)) {
    out.push(`${where}: enum must be a non-empty array`);
  }
  if (isObject(s.properties)) {
    for (const [k, v] of Object.entries(s.properties)) {
      out.push(...schemaProblems(v, `${where}.properties.${k}`, doc));
    }
  }
  if ('items' in s) out.push(...schemaProblems(s.items, `${where}.items`, doc));
  if (isObject(s.additionalProperties)) {
    out.push(...schemaProblems(s.additionalProperties, `${where}.additionalProperties`, doc));
  }
  for (const k of ['allOf', 'anyOf', 'oneOf']) {
    if (k in s) {
      if (!Array.isArray(s[k])) out.push(`${where}: ${k} must be an array`);
      else
        (s[k] as unknown[]).forEach((x, i) =>
          out.push(...schemaProblems(x, `${where}.${k}[${i}]`, doc)),
        );
    }
  }
  if ('not' in s) out.push(...schemaProblems(s.not, `${where}.not`, doc));
  return out;
}

/** Every problem of the document against the OpenAPI 3.0 structure. */
function documentProblems(doc: Json): string[] {
  const out: string[] = [];
  if (typeof doc.openapi !== 'string' || !/^3\.0\.\d+$/.test(doc.openapi)) out.push('openapi');
  const info = doc.info;
  if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string') {
    out.push('info needs title and version');
  }
  if (!isObject(doc.paths)) return [...out, 'paths'];
  const schemes = isObject(doc.components) ? doc.components.securitySchemes : undefined;
  const checkSecurity = (sec: unknown, where: string) => {
    if (!Array.isArray(sec)) return out.push(`${where}: security must be an array`);
    for (const req of sec as unknown[]) {
      for (const name of Object.keys(req as Json)) {
        if (!isObject(schemes) || !(name in schemes)) out.push(`${where}: unknown scheme ${name}`);
      }
    }
  };
  if ('security' in doc) checkSecurity(doc.security, 'security');
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/')) out.push(`${path}: a path starts with /`);
    if (!isObject(item)) {
      out.push(`${path}: not an object`);
      continue;
    }
    for (const key of Object.keys(item)) {
      if (!PATH_ITEM_KEYS.has(key) && !key.startsWith('x-')) out.push(`${path}: key ${key}`);
    }
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).sort();
    for (const method of HTTP_METHODS.filter((m) => m in item)) {
      const op = item[method];
      const where = `${method.toUpperCase()} ${path}`;
      if (!isObject(op)) {
        out.push(`${where}: not an object`);
        continue;
      }
      for (const key of Object.keys(op)) {
        if (!OPERATION_KEYS.has(key) && !key.startsWith('x-')) out.push(`${where}: key ${key}`);
      }
      if (typeof op.operationId === 'string') {
        if (operationIds.has(op.operationId)) out.push(`${where}: duplicate operationId`);
        operationIds.add(op.operationId);
      }
      if ('security' in op) checkSecurity(op.security, where);
      const params = (op.parameters ?? []) as Json[];
      const inPath: string[] = [];
      const seen = new Set<string>();
      for (const p of params) {
        const id = `${String(p.in)}:${String(p.name)}`;
        if (seen.has(id)) out.push(`${where}: parameter ${id} twice`);
        seen.add(id);
        if (typeof p.name !== 'string') out.push(`${where}: a parameter without a name`);
        if (!['path', 'query', 'header', 'cookie'].includes(String(p.in))) {
          out.push(`${where}: parameter ${String(p.name)} in ${String(p.in)}`);
        }
        if (p.in === 'path') {
          inPath.push(String(p.name));
          if (p.required !== true)
            out.push(`${where}: path parameter ${String(p.name)} not required`);
        }
        if (!('schema' in p) && !('content' in p))
          out.push(`${where}: ${String(p.name)} has no schema`);
        if ('schema' in p) out.push(...schemaProblems(p.schema, `${where} ${String(p.name)}`, doc));
      }
      if (inPath.sort().join() !== templated.join()) {
        out.push(`${where}: path parameters ${inPath.join()} but template ${templated.join()}`);
      }
      if ('requestBody' in op) {
        const rb = op.requestBody;
        if (!isObject(rb) || !isObject(rb.content) || Object.keys(rb.content).length === 0) {
          out.push(`${where}: requestBody needs content`);
        } else {
          for (const [type, media] of Object.entries(rb.content)) {
            out.push(...schemaProblems((media as Json).schema, `${where} body ${type}`, doc));
          }
        }
      }
      if (!isObject(op.responses) || Object.keys(op.responses).length === 0) {
        out.push(`${where}: no responses`);
        continue;
      }
      for (const [status, res] of Object.entries(op.responses)) {
        if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) out.push(`${where}: status ${status}`);
        if (!isObject(res) || typeof res.description !== 'string') {
          out.push(`${where} ${status}: a response needs a description`);
          continue;
        }
        if (isObject(res.content)) {
          for (const [type, media] of Object.entries(res.content)) {
            if (isObject(media) && 'schema' in media) {
              out.push(...schemaProblems(media.schema, `${where} ${status} ${type}`, doc));
            }
          }
        }
      }
    }
  }
  return out;
}

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

    test('the error catalogue is in the document: the Error schema, its code enum, x-error-codes', () => {
      const schemas = (doc.components as Json).schemas as Record<string, Json>;
      assert.deepEqual(schemas.ErrorCode!.enum, ERROR_CODES);
      assert.deepEqual(doc['x-error-codes'], ERROR_CATALOGUE);
      const error = schemas.Error!;
      const inner = (error.properties as Record<string, Json>).error!;
      assert.deepEqual((inner.properties as Record<string, Json>).code, {
        $ref: '#/components/schemas/ErrorCode',
      });
      assert.deepEqual([...(inner.required as string[])].sort(), ['code', 'message']);
    });

    test('GET /healthz is 200 without credentials', async () => {
      const r = await t.app.inject({ url: '/healthz' });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json(), { status: 'ok' });
    });
  });
}

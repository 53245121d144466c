// The OpenAPI document as a contract a client is generated from: every operation says what it
// returns (a named component, text, or a declared binary type), every error response is the
// shared Error whose code enum is the catalogue, every $ref resolves.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ERROR_CATALOGUE, ERROR_CODES, isErrorCode } from '../../src/app/errors.ts';
import { startApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { contractProblems, danglingRefs, operations, type Json } from '../helpers/openapi-check.ts';

const statusOf = (code: string) => (isErrorCode(code) ? ERROR_CATALOGUE[code].status : undefined);

// The document does not depend on the engine: one is enough.
const engine = engines()[0]!;

describe(`the OpenAPI contract (${engine})`, async () => {
  const t = await startApp(engine);
  after(() => t.close());
  const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as Json;
  const schemas = (doc.components as Json).schemas as Record<string, Json>;

  test('every operation has a success schema, and every error response is the Error', () => {
    assert.ok(operations(doc).length >= 80, `only ${operations(doc).length} operations`);
    assert.deepEqual(contractProblems(doc, statusOf), []);
  });

  test('every $ref resolves, and every component is used', () => {
    assert.deepEqual(danglingRefs(doc), []);
    const text = JSON.stringify({ paths: doc.paths, schemas });
    for (const name of Object.keys(schemas)) {
      assert.ok(text.includes(`"#/components/schemas/${name}"`), `${name} is never used`);
    }
  });

  test('the checks find what is wrong', () => {
    const broken = structuredClone(doc);
    const paths = broken.paths as Record<string, Record<string, Json>>;
    const detail = paths['/api/v1/complaints/{reference}']!.get!;
    const responses = detail.responses as Record<string, Json>;
    delete responses['200'];
    (responses['404'] as Json).description = 'COMPLAINT.NOT_FOUND, COMPLAINT.NO_CHANGE';
    const pdf = paths['/api/v1/letters/{id}/pdf']!.get!.responses as Record<string, Json>;
    pdf['200'] = { description: 'x', content: { 'application/pdf': { schema: {} } } };
    const queue = paths['/api/v1/complaints']!.get!.responses as Record<string, Json>;
    ((queue['200']!.content as Json)['application/json'] as Json).schema = { type: 'object' };
    (queue['400']!.content as Record<string, Json>)['application/json']!.schema = {
      $ref: '#/components/schemas/Nothing',
    };
    const problems = contractProblems(broken, statusOf);
    const expected = [
      'GET /api/v1/complaints/{reference}: no success response',
      'GET /api/v1/complaints/{reference} 404: lists COMPLAINT.NO_CHANGE',
      'GET /api/v1/letters/{id}/pdf 200 application/pdf: {}',
      'GET /api/v1/complaints 200 application/json: {"type":"object"}',
      'GET /api/v1/complaints 400: not the Error schema',
    ];
    for (const p of expected) assert.ok(problems.includes(p), `${p}\n${problems.join('\n')}`);
    assert.equal(problems.length, expected.length, problems.join('\n'));
    assert.deepEqual(danglingRefs(broken), [
      '#.paths./api/v1/complaints.get.responses.400.content.application/json.schema: #/components/schemas/Nothing',
    ]);
  });

  test('the Error schema: its code is the ErrorCode enum, which is the catalogue', () => {
    assert.deepEqual(schemas.ErrorCode!.enum, ERROR_CODES);
    assert.deepEqual(doc['x-error-codes'], ERROR_CATALOGUE);
    const inner = (schemas.Error!.properties as Record<string, Json>).error!;
    assert.deepEqual((inner.properties as Record<string, Json>).code, {
      $ref: '#/components/schemas/ErrorCode',
    });
    assert.deepEqual([...(inner.required as string[])].sort(), ['code', 'message']);
  });

  test('the main reads and every action return named components a client can type', () => {
    const ref = (path: string, method = 'get', status = '200') => {
      const op = (doc.paths as Record<string, Record<string, Json>>)[path]![method]!;
      const res = (op.responses as Record<string, Json>)[status]!;
      return ((res.content as Record<string, Json>)['application/json']!.schema as Json).$ref;
    };
    const c = '#/components/schemas/';
    assert.equal(ref('/api/v1/complaints'), `${c}QueuePage`);
    assert.equal(ref('/api/v1/complaints/{reference}'), `${c}Complaint`);
    assert.equal(ref('/api/v1/complaints', 'post', '201'), `${c}Registered`);
    assert.equal(ref('/api/v1/public/complaints/{reference}'), `${c}TrackedComplaint`);
    assert.equal(ref('/api/v1/auth/session'), `${c}Session`);
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      if (/\/complaints\/\{reference\}\/actions\//.test(path)) {
        assert.equal(ref(path, 'post'), `${c}ActionResult`, path);
      }
      void item;
    }
    // A policy version is described by the policy schema itself.
    const policy = schemas.Policy!.properties as Record<string, Json>;
    for (const k of ['id', 'version', 'timezone', 'calendar', 'clocks']) assert.ok(policy[k], k);
    // Objects in responses name every property they may carry: nothing else is sent.
    for (const name of ['Complaint', 'QueueItem', 'TrackedComplaint', 'User', 'Message']) {
      assert.equal(schemas[name]!.additionalProperties, false, name);
    }
  });
});

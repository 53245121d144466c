// Malformed requests, route by route: each one is a 4xx in the error shape
// {"error": {"code", "message"}}, never a 500. First a table of requests aimed at one route's
// rules, then every body-taking route (collected from the app) with every kind of broken body.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { ROLES, type Role } from '../../src/domain/complaint/states.ts';
import { PERMISSIONS, type Access } from '../../src/domain/access/permissions.ts';
import { routes, type RoutePlugin } from '../../src/http/routes/index.ts';
import { MINIMAL_POLICY_INPUT } from '../factories/policy.ts';
import { complaintBody, startApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { recordErrors, undocumented } from '../helpers/documented-errors.ts';

interface DeclaredRoute {
  method: string;
  url: string;
  roles: Access | undefined;
  takesBody: boolean;
}

// The app's own route list: an onRoute hook in every resource plugin (see role-matrix.test.ts).
const declaredBy = new Map<unknown, DeclaredRoute[]>();
routes.splice(
  0,
  routes.length,
  ...routes.map((plugin): RoutePlugin => async (app, ctx) => {
    const list = declaredBy.get(ctx.db) ?? [];
    declaredBy.set(ctx.db, list);
    app.addHook('onRoute', (r) => {
      for (const method of [r.method].flat()) {
        if (method === 'HEAD') continue;
        const takesBody = !!(r.schema as { body?: unknown } | undefined)?.body;
        const permission = r.config?.permission;
        const roles = permission ? PERMISSIONS[permission] : undefined;
        list.push({ method, url: r.url, roles, takesBody });
      }
    });
    await plugin(app, ctx);
  }),
);

const answered = recordErrors();

const JSON_TYPE = { 'content-type': 'application/json' };
const NOW = new Date('2026-03-20T12:00:00Z');

interface Case {
  name: string;
  method?: 'GET' | 'POST' | 'PATCH';
  url: string;
  as?: Role | null;
  /** An object is sent as JSON; a string or Buffer as it is. */
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  code?: string;
  /** A known failure: the case runs, but does not fail the suite (see the reason). */
  todo?: string;
}

function assertErrorShape(r: LightMyRequestResponse, where: string): void {
  assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${where}: ${r.statusCode} ${r.body}`);
  assert.match(String(r.headers['content-type']), /application\/json/, where);
  const body = r.json() as { error?: { code?: unknown; message?: unknown } };
  assert.equal(typeof body.error?.code, 'string', `${where}: ${r.body}`);
  assert.equal(typeof body.error?.message, 'string', `${where}: ${r.body}`);
  assert.ok((body.error!.message as string).length > 0, where);
}

for (const engine of engines()) {
  describe(`bad input (${engine})`, async () => {
    const t = await startApp(engine, { now: NOW, env: { REDRESS_PUBLIC_RATE_LIMIT: '1000' } });
    after(() => t.close());
    const declared = (declaredBy.get(t.db) ?? []).filter((r) => r.url.startsWith('/api/v1/'));

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: t.as('handler'),
      payload: complaintBody(),
    });
    assert.equal(created.statusCode, 201, created.body);
    const ref = created.json().reference as string;
    const tracked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: complaintBody(),
    });
    const pub = { ref: tracked.json().reference as string, token: tracked.json().trackingToken };
    const investigating = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody({ subject: 'Under investigation' }),
      })
    ).json().reference as string;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${investigating}/actions/start-investigation`,
      headers: t.as('handler'),
    });
    const cursor = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const handlerId = t.users.handler.id;
    const policy = (o: Record<string, unknown> = {}) => ({
      ...MINIMAL_POLICY_INPUT,
      id: 'bad-input',
      ...o,
    });

    const A = { as: 'administrator' as const };
    const ANON = { as: null };
    const raw = { headers: JSON_TYPE };
    const C = '/api/v1/complaints';
    const act = (r: string, action: string) => `${C}/${r}/actions/${action}`;
    const P = '/api/v1/policies';
    const track = `/api/v1/public/complaints/${pub.ref}`;
    const get = (
      name: string,
      url: string,
      status: number,
      code?: string,
      o: Partial<Case> = {},
    ): Case => ({ name, url, status, code, ...o });
    const post = (
      name: string,
      url: string,
      body: unknown,
      status: number,
      code?: string,
      o: Partial<Case> = {},
    ): Case => ({ name, method: 'POST', url, body, status, code, ...o });
    const patch = (
      name: string,
      url: string,
      body: unknown,
      status: number,
      code?: string,
    ): Case => ({ name, method: 'PATCH', url, body, status, code, ...A });
    const utf8 = Buffer.concat([
      Buffer.from('{"subject": "'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    const surrogate = JSON.stringify(complaintBody()).replace('Line dead', '\\ud800 dead');
    const admin = t.users.administrator.id;
    const INVALID = 'INPUT.INVALID';

    // prettier-ignore
    const cases: Case[] = [
      // The body itself
      post('malformed JSON', C, '{"policy":', 400, 'INPUT.MALFORMED_JSON', raw),
      post('a JSON array', C, '[]', 400, INVALID, raw),
      post('a JSON string', C, '"complaint"', 400, INVALID, raw),
      post('a JSON number', C, '42', 400, INVALID, raw),
      post('JSON null', C, 'null', 400, INVALID, raw),
      post('an empty body', C, '', 400, undefined, raw),
      post('no body at all', C, undefined, 400),
      post('invalid UTF-8 bytes (0xff 0xfe)', C, utf8, 400, 'INPUT.INVALID_UTF8', raw),
      post('a NUL character', C, complaintBody({ subject: 'a\u0000b' }), 400, 'INPUT.NUL_CHARACTER'),
      post('half a surrogate pair', C, surrogate, 400, 'INPUT.INVALID_UNICODE', raw),
      post('a form-encoded body', C, 'policy=uk', 415, 'INPUT.UNSUPPORTED_MEDIA_TYPE', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      post('an XML body', C, '<complaint/>', 415, 'INPUT.UNSUPPORTED_MEDIA_TYPE', { headers: { 'content-type': 'application/xml' } }),
      post('a text/plain body', C, JSON.stringify(complaintBody()), 400, INVALID, { headers: { 'content-type': 'text/plain' } }),
      post('a 30 MB body', C, complaintBody({ description: 'x'.repeat(30 * 1024 * 1024) }), 413, 'INPUT.TOO_LARGE'),
      // POST /complaints: fields
      post('missing required fields', C, {}, 400, INVALID),
      post('subject of the wrong type', C, complaintBody({ subject: 5 }), 400, INVALID),
      post('customer as a string', C, complaintBody({ customer: 'Ann' }), 400, INVALID),
      post('an unknown channel', C, complaintBody({ channel: 'pigeon' }), 400, INVALID),
      post('receivedAt not a date', C, complaintBody({ receivedAt: 'yesterday' }), 400, INVALID),
      post('an unknown field', C, complaintBody({ priority: 'high' }), 400, INVALID),
      post('an unknown customer field', C, complaintBody({ customer: { name: 'Ann', email: 'a@example.com', isAdmin: true } }), 400, INVALID),
      post('no way to contact the customer', C, complaintBody({ customer: { name: 'Ann' } }), 400, INVALID),
      post('a blank subject', C, complaintBody({ subject: '   ' }), 400, INVALID),
      post('an unknown policy', C, complaintBody({ policy: 'no-such-policy' }), 404, 'POLICY.NOT_FOUND'),
      post('a policy id like a path', C, complaintBody({ policy: '../../package.json' }), 404, 'POLICY.NOT_FOUND'),
      post('received in the future', C, complaintBody({ receivedAt: '2027-01-01T00:00:00Z' }), 400, 'COMPLAINT.RECEIVED_IN_FUTURE'),
      post('received before any policy version', C, complaintBody({ receivedAt: '1960-01-01T00:00:00Z' }), 422, 'POLICY.NOT_IN_FORCE'),
      post('a channel the policy does not take', C, complaintBody({ policy: 'vn-datacentre', channel: 'post' }), 400, 'COMPLAINT.CHANNEL_NOT_ACCEPTED'),
      post('an unknown department', C, complaintBody({ departmentId: 'no-such' }), 422, 'COMPLAINT.UNKNOWN_REFERENCE'),
      post('an unknown assignee', C, complaintBody({ assigneeId: 'no-such' }), 422, 'COMPLAINT.UNKNOWN_REFERENCE'),
      post('an Idempotency-Key of 201 characters', C, complaintBody(), 400, INVALID, { headers: { 'idempotency-key': 'k'.repeat(201) } }),
      post('an empty Idempotency-Key', C, complaintBody(), 400, INVALID, { headers: { 'idempotency-key': '' } }),
      // GET /complaints
      get('a cursor that is not base64 JSON', `${C}?cursor=garbage`, 400, 'INPUT.BAD_CURSOR'),
      get('a cursor with a fractional id', `${C}?cursor=${cursor({ k: null, id: 1.5 })}`, 400, 'INPUT.BAD_CURSOR'),
      get('a cursor with an id past bigint', `${C}?cursor=${Buffer.from('{"k":null,"id":99999999999999999999}').toString('base64url')}`, 400, 'INPUT.BAD_CURSOR'),
      get('a cursor with a date out of range', `${C}?sort=received&cursor=${cursor({ k: '-271821-04-20T00:00:00Z', id: 1 })}`, 400, 'INPUT.BAD_CURSOR'),
      get('a cursor with a key that is no date', `${C}?cursor=${cursor({ k: 'soon', id: 1 })}`, 400, 'INPUT.BAD_CURSOR'),
      get('a cursor over 200 characters', `${C}?cursor=${'a'.repeat(201)}`, 400, INVALID),
      get('limit 0', `${C}?limit=0`, 400, INVALID),
      get('limit 101', `${C}?limit=101`, 400, INVALID),
      get('limit not a number', `${C}?limit=ten`, 400, INVALID),
      get('limit given twice', `${C}?limit=1&limit=2`, 400, INVALID),
      get('an unknown sort', `${C}?sort=random`, 400, INVALID),
      get('an unknown status', `${C}?status=received,lost`, 400, INVALID),
      get('open neither true nor false', `${C}?open=maybe`, 400, INVALID),
      get('dueBefore not a date-time', `${C}?dueBefore=tomorrow`, 400, INVALID),
      get('an unknown query parameter', `${C}?admin=true`, 400, INVALID),
      get('a search of 201 characters', `${C}?q=${'q'.repeat(201)}`, 400, INVALID),
      get('a NUL in the search', `${C}?q=a%00b`, 400, 'INPUT.NUL_CHARACTER'),
      // GET /complaints/:reference
      get('an unknown reference', `${C}/RD-2026-999999`, 404, 'COMPLAINT.NOT_FOUND'),
      get('a path-traversal reference', `${C}/..%2F..%2Fetc%2Fpasswd`, 400, INVALID),
      get('a reference with a dot-dot', `${C}/RD-2026-000001..`, 400, INVALID),
      get('a reference of 41 characters', `${C}/${'R'.repeat(41)}`, 400, INVALID),
      get('a path segment of 150 characters', `${C}/${'R'.repeat(150)}`, 400, 'INPUT.PATH_TOO_LONG'),
      get('a broken %-escape', `${C}/%E0%A4%A`, 400, 'INPUT.BAD_URL'),
      get('a NUL in the reference', `${C}/RD%00`, 400, 'INPUT.NUL_CHARACTER'),
      get('an unknown route', `${C}/RD-2026-000001/secrets`, 404, 'ROUTE.NOT_FOUND'),
      // Actions
      post('an unknown action', act(ref, 'teleport'), {}, 404, 'COMPLAINT.UNKNOWN_ACTION'),
      post('an action name in camelCase', act(ref, 'startInvestigation'), {}, 404, 'COMPLAINT.UNKNOWN_ACTION'),
      post('an action like a path', act(ref, '..%2Fclose'), {}, 404, 'COMPLAINT.UNKNOWN_ACTION'),
      post('closing a complaint just received', act(ref, 'close'), { rootCause: 'x' }, 409, 'COMPLAINT.ILLEGAL_TRANSITION'),
      post('responding before any proposal', act(ref, 'respond'), undefined, 409, 'COMPLAINT.ILLEGAL_TRANSITION'),
      post('referring to ADR before deadlock', act(ref, 'refer-to-adr'), { referredAt: '2026-03-19' }, 409, 'COMPLAINT.ILLEGAL_TRANSITION'),
      post('an action on an unknown complaint', act('RD-2026-999999', 'acknowledge'), undefined, 404, 'COMPLAINT.NOT_FOUND'),
      post('escalating without a reason', act(ref, 'escalate'), {}, 400, INVALID),
      post('a reason that is a number', act(ref, 'escalate'), { reason: 5 }, 400, INVALID),
      post('a field acknowledge does not take', act(ref, 'acknowledge'), { status: 'closed' }, 400, INVALID),
      post('an action body that is an array', act(ref, 'add-note'), '["note"]', 400, INVALID, raw),
      post('a money redress without amount', act(ref, 'offer-redress'), { kind: 'money', description: 'Credit' }, 400, INVALID),
      post('a target date that does not exist', act(investigating, 'agree-resolution-plan'), { plan: 'Fix', targetDate: '2026-02-30' }, 400, INVALID),
      post('a transfer to an unknown department', act(investigating, 'transfer'), { departmentId: 'no-such' }, 422, 'COMPLAINT.UNKNOWN_REFERENCE'),
      post('assigning to an unknown user', act(investigating, 'assign'), { assigneeId: 'no-such-user' }, 422, 'COMPLAINT.UNKNOWN_REFERENCE'),
      // Public routes
      post('a reply without a message', `${track}/reply?token=${pub.token}`, {}, 400, INVALID, ANON),
      post('a reply with an unknown field', `${track}/reply?token=${pub.token}`, { message: 'Hi', status: 'closed' }, 400, INVALID, ANON),
      get('a tracking token of 201 characters', `${track}?token=${'t'.repeat(201)}`, 400, INVALID, ANON),
      get('an unknown tracking query parameter', `${track}?token=${pub.token}&debug=1`, 400, INVALID, ANON),
      post('a public form with no fields', '/api/v1/public/complaints', {}, 400, INVALID, ANON),
      // Users
      post('a user with an unknown role', '/api/v1/users', { email: 'new@example.test', name: 'New', role: 'king' }, 400, INVALID),
      post('a user with a bad email', '/api/v1/users', { email: 'not an email', name: 'New', role: 'handler' }, 400, INVALID),
      post('a user with a short password', '/api/v1/users', { email: 'new@example.test', name: 'New', role: 'handler', password: 'short' }, 400, 'USER.WEAK_PASSWORD'),
      post('a user with an unknown field', '/api/v1/users', { email: 'new@example.test', name: 'New', role: 'handler', superuser: true }, 400, INVALID),
      post('a department member without department', '/api/v1/users', { email: 'new@example.test', name: 'New', role: 'department_member' }, 400, 'USER.DEPARTMENT_REQUIRED'),
      post('a user in an unknown department', '/api/v1/users', { email: 'new@example.test', name: 'New', role: 'handler', departmentId: 'no-such' }, 400, 'USER.UNKNOWN_DEPARTMENT'),
      post('a user whose email is taken (any case)', '/api/v1/users', { email: 'HANDLER@example.test', name: 'Twin', role: 'handler' }, 409, 'USER.ALREADY_EXISTS'),
      get('an unknown user', '/api/v1/users/00000000-0000-0000-0000-000000000000', 404, 'USER.NOT_FOUND'),
      get('a path-traversal user id', '/api/v1/users/..%2F..%2Fetc', 400, INVALID),
      get('users by an unknown role', '/api/v1/users?role=king', 400, INVALID),
      get('users by active=maybe', '/api/v1/users?active=maybe', 400, INVALID),
      patch('an empty change to a user', `/api/v1/users/${handlerId}`, {}, 400, INVALID),
      patch('changing a user email', `/api/v1/users/${handlerId}`, { email: 'x@example.test' }, 400, INVALID),
      patch('active as a string', `/api/v1/users/${handlerId}`, { active: 'yes' }, 400, INVALID),
      patch('a department member with no department', `/api/v1/users/${handlerId}`, { role: 'department_member' }, 400, 'USER.DEPARTMENT_REQUIRED'),
      patch('a user moved to an unknown department', `/api/v1/users/${handlerId}`, { departmentId: 'no-such' }, 400, 'USER.UNKNOWN_DEPARTMENT'),
      patch('a change to an unknown user', '/api/v1/users/00000000-0000-0000-0000-000000000000', { name: 'Ghost' }, 404, 'USER.NOT_FOUND'),
      patch('the last administrator deactivated', `/api/v1/users/${admin}`, { active: false }, 409, 'USER.LAST_ADMINISTRATOR'),
      patch('the last administrator demoted', `/api/v1/users/${admin}`, { role: 'handler' }, 409, 'USER.LAST_ADMINISTRATOR'),
      // Departments
      post('a department id that is no slug', '/api/v1/departments', { id: 'Customer Care', name: 'Care' }, 400, INVALID, A),
      post('a department id like a path', '/api/v1/departments', { id: '../etc', name: 'Etc' }, 400, INVALID, A),
      post('a department without a name', '/api/v1/departments', { id: 'care' }, 400, INVALID, A),
      post('a department with a bad email', '/api/v1/departments', { id: 'care', name: 'Care', email: 'care@' }, 400, INVALID, A),
      post('a department that exists', '/api/v1/departments', { id: 'billing', name: 'Billing again' }, 409, 'DEPARTMENT.ALREADY_EXISTS', A),
      // Policies
      get('an unknown policy', `${P}/no-such-policy`, 404, 'POLICY.NOT_FOUND'),
      get('a path-traversal policy id', `${P}/..%2F..%2Fpackage.json`, 400, INVALID),
      get('a policy id in capitals', `${P}/UK`, 400, INVALID),
      get('at that is no date', `${P}/uk-comms-ombudsman?at=soon`, 400, INVALID),
      get('at on a day that does not exist', `${P}/uk-comms-ombudsman?at=2026-02-30`, 400, INVALID),
      get('at before every version', `${P}/uk-comms-ombudsman?at=1960-01-01`, 422, 'POLICY.NOT_IN_FORCE'),
      post('a version that is an array', `${P}/bad-input/versions`, '[]', 400, INVALID, raw),
      post('an empty policy', `${P}/bad-input/versions`, {}, 400, 'POLICY.INVALID'),
      post('a policy with a bad clock', `${P}/bad-input/versions`, policy({ clocks: { ack: { amount: -1, unit: 'fortnights' } } }), 400, 'POLICY.INVALID'),
      post('a policy with an unknown key', `${P}/bad-input/versions`, policy({ owner: 'me' }), 400, 'POLICY.INVALID'),
      post('progress reports after no clock', `${P}/bad-input/versions`, policy({ progressReports: { after: 'nothing', every: { amount: 1, unit: 'calendar_weeks' } } }), 400, 'POLICY.INVALID'),
      post('a policy sent to another id', `${P}/vn-datacentre/versions`, policy({ effectiveFrom: '2099-01-01' }), 400, 'POLICY.ID_MISMATCH'),
      post('a version before the latest', `${P}/uk-comms-ombudsman/versions`, policy({ id: 'uk-comms-ombudsman', effectiveFrom: '2020-01-01' }), 409, 'POLICY.EFFECTIVE_DATE'),
      get('the procedure in French', `${P}/uk-comms-ombudsman/procedure?lang=fr`, 400, INVALID, ANON),
      get('the procedure as XML', `${P}/uk-comms-ombudsman/procedure?format=xml`, 400, INVALID, ANON),
      get('the procedure of an unknown policy', `${P}/no-such/procedure`, 404, 'POLICY.NOT_FOUND', ANON),
      // Calendars
      get('a year that is a word', `${P}/uk-comms-ombudsman/calendar/next`, 400, INVALID),
      get('year 1970', `${P}/uk-comms-ombudsman/calendar/1970`, 400, INVALID),
      get('year 2200', `${P}/uk-comms-ombudsman/calendar/2200`, 400, INVALID),
      get('a five-digit year', `${P}/uk-comms-ombudsman/calendar/20260`, 400, INVALID),
      get('a calendar of an unknown policy', `${P}/no-such/calendar/2026`, 404, 'POLICY.NOT_FOUND'),
      get('a calendar of an unknown version', `${P}/uk-comms-ombudsman/calendar/2026?version=99`, 404, 'POLICY.VERSION_NOT_FOUND'),
      get('a version that is no number', `${P}/uk-comms-ombudsman/calendar/2026?version=latest`, 400, INVALID),
      // Auth
      post('a login without password', '/api/v1/auth/login', { email: 'handler@example.test' }, 400, INVALID, ANON),
      post('a login with an array', '/api/v1/auth/login', '[]', 400, INVALID, { ...ANON, ...raw }),
      get('a malformed Authorization header', C, 401, 'AUTH.BAD_HEADER', { ...ANON, headers: { authorization: 'Token abc' } }),
    ];

    for (const c of cases) {
      const method = c.method ?? 'GET';
      test(
        `${method} ${c.url.split('?')[0]!.slice(0, 60)}: ${c.name} → ${c.status}`,
        { todo: c.todo },
        async () => {
          const as = c.as === undefined ? 'administrator' : c.as;
          const isRaw = typeof c.body === 'string' || Buffer.isBuffer(c.body);
          const payload = isRaw ? (c.body as string | Buffer) : JSON.stringify(c.body);
          const r = await t.app.inject({
            method,
            url: c.url,
            headers: {
              ...(as ? t.as(as) : {}),
              ...(c.body !== undefined && !isRaw ? JSON_TYPE : {}),
              ...c.headers,
            },
            ...(c.body === undefined ? {} : { payload }),
          });
          assertErrorShape(r, c.name);
          assert.equal(r.statusCode, c.status, `${c.name}: ${r.body.slice(0, 300)}`);
          if (c.code)
            assert.equal(r.json().error.code, c.code, `${c.name}: ${r.body.slice(0, 300)}`);
        },
      );
    }

    test('POLICY.INVALID lists every problem, one readable line each', async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/policies/bad-input/versions',
        headers: t.as('administrator'),
        payload: policy({ timezone: 'Mars/Olympus', clocks: { ack: { amount: 0, unit: 'x' } } }),
      });
      assert.equal(r.statusCode, 400);
      const { error } = r.json();
      assert.equal(error.code, 'POLICY.INVALID');
      const problems: string[] = error.details.problems;
      assert.ok(problems.length >= 3, r.body);
      assert.ok(problems.some((p) => p.startsWith('timezone: ')));
      assert.ok(problems.some((p) => p.startsWith('clocks.ack.amount: ')));
      assert.ok(problems.some((p) => p.startsWith('clocks.ack.unit: expected one of ')));
    });

    test('INPUT.INVALID gives each field’s problem as a code with its parameters, and in English', async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: t.as('administrator'),
        payload: { email: 'not an email', name: '', role: 'boss', password: 7, extra: 1 },
      });
      assert.equal(r.statusCode, 400, r.body);
      const { error } = r.json();
      assert.equal(error.code, 'INPUT.INVALID');
      type Issue = Record<string, unknown> & { message: string; code: string };
      const listed = error.details as ({ path: string } & Issue)[];
      const of = (path: string): Issue => {
        const found = listed.find((x) => x.path === path);
        assert.ok(found, `no issue at ${path}: ${r.body}`);
        const { path: _p, ...rest } = found;
        return rest;
      };
      const email = of('body.email');
      assert.deepEqual(email, {
        code: 'invalid_format',
        format: 'email',
        origin: 'string',
        message: email.message,
      });
      assert.match(email.message, /^body\.email: /);
      assert.deepEqual(
        { ...of('body.name'), message: undefined },
        { code: 'too_small', origin: 'string', minimum: 1, inclusive: true, message: undefined },
      );
      assert.equal(of('body.role').code, 'invalid_value');
      assert.ok((of('body.role').values as string[]).includes('administrator'));
      // A value of the wrong type is not said to be missing; a password is never repeated back.
      assert.equal(of('body.password').code, 'invalid_type');
      assert.equal(of('body.password').expected, 'string');
      assert.doesNotMatch(of('body.password').message, /required|7/);
      assert.deepEqual([of('body').code, of('body').keys], ['unrecognized_keys', ['extra']]);

      const c = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('administrator'),
        payload: complaintBody({
          subject: 'x'.repeat(5000),
          receivedAt: 'yesterday',
          policy: undefined,
        }),
      });
      assert.equal(c.statusCode, 400, c.body);
      const issues = c.json().error.details as Record<string, unknown>[];
      const at = (path: string) => issues.find((i) => i.path === path);
      assert.equal(at('body.policy')?.code, 'required');
      assert.equal(at('body.policy')?.expected, 'string');
      assert.deepEqual([at('body.subject')?.code, at('body.subject')?.maximum], ['too_big', 300]);
      // A date-time or nothing (a union): said as the first option's problem.
      assert.deepEqual(
        [at('body.receivedAt')?.code, at('body.receivedAt')?.format],
        ['invalid_format', 'datetime'],
      );
      for (const i of issues)
        assert.ok(!('input' in i), 'what was sent is never echoed as a field');
    });

    // Every route that takes a JSON body, with every kind of broken body.
    const BROKEN: {
      name: string;
      body: string | Buffer;
      type: string;
      status?: number;
      code?: string;
    }[] = [
      {
        name: 'malformed JSON',
        body: '{"a": ',
        type: 'application/json',
        status: 400,
        code: 'INPUT.MALFORMED_JSON',
      },
      { name: 'a JSON array', body: '[1, 2]', type: 'application/json', status: 400 },
      { name: 'a JSON string', body: '"text"', type: 'application/json', status: 400 },
      { name: 'a JSON number', body: '7', type: 'application/json', status: 400 },
      {
        name: 'invalid UTF-8',
        body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
        type: 'application/json',
        status: 400,
        code: 'INPUT.INVALID_UTF8',
      },
      {
        name: 'a NUL escape',
        body: '{"\\u0000": "\\u0000"}',
        type: 'application/json',
        status: 400,
        code: 'INPUT.NUL_CHARACTER',
      },
      {
        name: 'wrong field types',
        body: '{"email": 1, "name": [], "message": {}, "reason": 5, "subject": true, "id": 9}',
        type: 'application/json',
        status: 400,
      },
      {
        name: 'a form-encoded body',
        body: 'a=1',
        type: 'application/x-www-form-urlencoded',
        status: 415,
        code: 'INPUT.UNSUPPORTED_MEDIA_TYPE',
      },
      { name: 'a text/plain body', body: 'hello', type: 'text/plain' },
    ];
    const bodied = declared.filter((r) => r.takesBody && r.method !== 'GET');

    test('the sweep finds the body-taking routes', () => {
      assert.ok(bodied.length >= 40, `only ${bodied.length}`);
    });

    for (const route of bodied) {
      test(`${route.method} ${route.url}: every kind of broken body is a 4xx`, async () => {
        const roles = route.roles!;
        const as: Role | null =
          roles === 'public' ? null : roles === 'any' ? 'handler' : (roles[0] ?? ROLES[0]);
        let url = route.url
          .replace(':reference', route.url.includes('/public/') ? pub.ref : ref)
          .replace(':action', 'no-such-action')
          .replace(':year', '2026');
        if (url.startsWith('/api/v1/users/')) url = url.replace(':id', handlerId);
        else url = url.replace(':id', 'uk-comms-ombudsman');
        if (route.url.includes('/public/complaints/:reference')) url += `?token=${pub.token}`;
        for (const b of BROKEN) {
          const r = await t.app.inject({
            method: route.method as 'POST',
            url,
            headers: { ...(as ? t.as(as) : {}), 'content-type': b.type },
            payload: b.body,
          });
          const where = `${route.method} ${route.url} with ${b.name}`;
          assertErrorShape(r, where);
          // Auth is checked first: a route no staff role may call (a customer's) answers 403.
          if (r.statusCode === 403 && Array.isArray(roles) && roles.length === 0) continue;
          if (b.status) assert.equal(r.statusCode, b.status, `${where}: ${r.body}`);
          if (b.code) assert.equal(r.json().error.code, b.code, `${where}: ${r.body}`);
        }
        const huge = await t.app.inject({
          method: route.method as 'POST',
          url,
          headers: { ...(as ? t.as(as) : {}), 'content-type': 'application/json' },
          payload: Buffer.alloc(2 * 1024 * 1024, 0x20),
        });
        assertErrorShape(huge, `${route.method} ${route.url} with 2 MB`);
        if (!(huge.statusCode === 403 && Array.isArray(roles) && roles.length === 0)) {
          assert.equal(huge.statusCode, 413, huge.body);
        }
      });
    }

    test('every error answered above is listed for its operation and status in the document', async () => {
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.ok(answered.length > 200, `only ${answered.length} errors recorded`);
      assert.deepEqual(undocumented(doc, answered), []);
    });
  });
}

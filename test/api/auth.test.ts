// Signing in: a password gives an httpOnly session cookie whose unsafe requests need the CSRF
// token; integrations send a bearer token. Everything else is 401 in the error shape.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { newId, newSecret, sha256 } from '../../src/app/crypto.ts';
import { createUser } from '../../src/app/users/create-user.ts';
import { insertApiToken } from '../../src/db/repositories/api-tokens.ts';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { recordErrors, undocumented } from '../helpers/documented-errors.ts';

const answered = recordErrors();

const NOW = new Date('2026-03-20T12:00:00Z');
const PASSWORD = 'a long enough passphrase';
const COOKIE = 'redress_session';

function assertError(r: LightMyRequestResponse, status: number, code: string): void {
  assert.equal(r.statusCode, status, r.body);
  const { error } = r.json();
  assert.equal(error.code, code, r.body);
  assert.equal(typeof error.message, 'string');
}

for (const engine of engines()) {
  describe(`signing in (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startApp(engine, { now: NOW });
      const admin = { id: t.users.administrator.id, role: 'administrator' } as const;
      for (const [email, role] of [
        ['ada@example.test', 'handler'],
        ['bo@example.test', 'manager'],
      ] as const) {
        await createUser({ db: t.db, now: () => NOW }, admin, {
          email,
          name: email,
          role,
          password: PASSWORD,
        });
      }
    });
    after(() => t.close());

    async function login(email: string, password = PASSWORD) {
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
      });
    }
    async function session(email: string) {
      const r = await login(email);
      assert.equal(r.statusCode, 200, r.body);
      const cookie = r.cookies.find((c) => c.name === COOKIE)!;
      return { cookie: cookie.value, csrf: r.json().csrfToken as string };
    }

    test('a password sign-in sets an httpOnly session cookie and returns the CSRF token', async () => {
      const r = await login('ADA@example.test');
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json();
      assert.equal(body.user.email, 'ada@example.test');
      assert.equal(body.user.role, 'handler');
      assert.equal(typeof body.csrfToken, 'string');
      assert.ok(body.csrfToken.length >= 20);
      assert.ok(!('passwordHash' in body.user) && !r.body.includes('argon2'));
      const cookie = r.cookies.find((c) => c.name === COOKIE);
      assert.ok(cookie, String(r.headers['set-cookie']));
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      assert.equal(cookie.path, '/');
      assert.ok(cookie.value.length >= 32);
      assert.ok(!r.body.includes(cookie.value), 'the session secret is only in the cookie');

      const me = await t.app.inject({
        url: '/api/v1/auth/session',
        cookies: { [COOKIE]: cookie.value },
      });
      assert.equal(me.statusCode, 200, me.body);
      assert.equal(me.json().via, 'session');
      assert.equal(me.json().user.email, 'ada@example.test');
    });

    test('a POST with the cookie but without x-csrf-token is 403 AUTH.CSRF; with it, it works', async () => {
      const s = await session('ada@example.test');
      const post = (headers: Record<string, string>) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/complaints',
          cookies: { [COOKIE]: s.cookie },
          headers,
          payload: complaintBody(),
        });
      assertError(await post({}), 403, 'AUTH.CSRF');
      assertError(await post({ 'x-csrf-token': 'not-the-token' }), 403, 'AUTH.CSRF');
      const other = await session('bo@example.test');
      assertError(await post({ 'x-csrf-token': other.csrf }), 403, 'AUTH.CSRF');
      const ok = await post({ 'x-csrf-token': s.csrf });
      assert.equal(ok.statusCode, 201, ok.body);
      // Safe methods need no CSRF token.
      const list = await t.app.inject({
        url: '/api/v1/complaints',
        cookies: { [COOKIE]: s.cookie },
      });
      assert.equal(list.statusCode, 200, list.body);
      // Nor do bearer tokens, which a browser never sends on its own.
      const bearer = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody(),
      });
      assert.equal(bearer.statusCode, 201, bearer.body);
    });

    test('a wrong password, an unknown email and a passwordless account are all 401, alike', async () => {
      const wrong = await login('ada@example.test', 'not the passphrase');
      assertError(wrong, 401, 'AUTH.INVALID_CREDENTIALS');
      assert.equal(wrong.cookies.length, 0);
      const unknown = await login('nobody@example.test');
      assertError(unknown, 401, 'AUTH.INVALID_CREDENTIALS');
      assert.equal(unknown.json().error.message, wrong.json().error.message);
      // The role users of the test app have bearer tokens but no password.
      assertError(
        await login('handler@example.test', 'anything at all'),
        401,
        'AUTH.INVALID_CREDENTIALS',
      );
    });

    test('logout ends the session and clears the cookie', async () => {
      const s = await session('ada@example.test');
      const cookies = { [COOKIE]: s.cookie };
      const out = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        cookies,
        headers: { 'x-csrf-token': s.csrf },
      });
      assert.equal(out.statusCode, 204, out.body);
      const cleared = out.cookies.find((c) => c.name === COOKIE);
      assert.ok(cleared, String(out.headers['set-cookie']));
      assert.equal(cleared.value, '');
      assert.ok(cleared.expires && cleared.expires.getTime() <= Date.now());
      const after = await t.app.inject({ url: '/api/v1/auth/session', cookies });
      assertError(after, 401, 'AUTH.REQUIRED');
    });

    test('a session expires after REDRESS_SESSION_HOURS', async () => {
      const s = await session('bo@example.test');
      const cookies = { [COOKIE]: s.cookie };
      t.setNow(new Date(NOW.getTime() + 11 * 3_600_000));
      assert.equal((await t.app.inject({ url: '/api/v1/auth/session', cookies })).statusCode, 200);
      t.setNow(new Date(NOW.getTime() + 13 * 3_600_000));
      assertError(
        await t.app.inject({ url: '/api/v1/auth/session', cookies }),
        401,
        'AUTH.REQUIRED',
      );
      t.setNow(NOW);
    });

    test('a deactivated account can neither sign in nor use its session or token', async () => {
      const admin = { id: t.users.administrator.id, role: 'administrator' } as const;
      const u = await createUser({ db: t.db, now: () => NOW }, admin, {
        email: 'cy@example.test',
        name: 'Cy',
        role: 'handler',
        password: PASSWORD,
      });
      const s = await session('cy@example.test');
      const token = newSecret();
      await insertApiToken(t.db, {
        id: newId(),
        userId: u.id,
        tokenHash: sha256(token),
        name: 'cy',
        expiresAt: new Date('2100-01-01T00:00:00Z'),
      });
      const bearer = { authorization: `Bearer ${token}` };
      assert.equal(
        (await t.app.inject({ url: '/api/v1/complaints', headers: bearer })).statusCode,
        200,
      );
      const off = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${u.id}`,
        headers: t.as('administrator'),
        payload: { active: false },
      });
      assert.equal(off.statusCode, 200, off.body);
      assert.equal(off.json().active, false);
      assertError(await login('cy@example.test'), 401, 'AUTH.INVALID_CREDENTIALS');
      const me = await t.app.inject({
        url: '/api/v1/auth/session',
        cookies: { [COOKIE]: s.cookie },
      });
      assertError(me, 401, 'AUTH.REQUIRED');
      const viaToken = await t.app.inject({ url: '/api/v1/complaints', headers: bearer });
      assertError(viaToken, 401, 'AUTH.INVALID_TOKEN');
    });

    test('an invalid bearer token is 401, whatever the route', async () => {
      for (const url of ['/api/v1/complaints', '/api/v1/auth/session', '/api/v1/users']) {
        const bad = await t.app.inject({ url, headers: { authorization: 'Bearer not-a-token' } });
        assertError(bad, 401, 'AUTH.INVALID_TOKEN');
      }
      const malformed = [
        'Bearer',
        'Bearer ',
        'Basic dXNlcjpwYXNz',
        `Bearer ${t.tokens.handler} extra`,
        t.tokens.handler,
      ];
      for (const authorization of malformed) {
        const r = await t.app.inject({ url: '/api/v1/complaints', headers: { authorization } });
        assertError(r, 401, 'AUTH.BAD_HEADER');
      }
      const none = await t.app.inject({ url: '/api/v1/complaints' });
      assertError(none, 401, 'AUTH.REQUIRED');
      // A bearer token takes precedence: a bad one is refused even beside a good cookie.
      const s = await session('ada@example.test');
      const mixed = await t.app.inject({
        url: '/api/v1/complaints',
        cookies: { [COOKIE]: s.cookie },
        headers: { authorization: 'Bearer not-a-token' },
      });
      assertError(mixed, 401, 'AUTH.INVALID_TOKEN');
      const good = await t.app.inject({ url: '/api/v1/auth/session', headers: t.as('auditor') });
      assert.equal(good.statusCode, 200);
      assert.equal(good.json().via, 'token');
      assert.equal(good.json().user.role, 'auditor');
    });

    test('a forged or unknown session cookie is no session at all', async () => {
      const r = await t.app.inject({
        url: '/api/v1/auth/session',
        cookies: { [COOKIE]: 'forged-session-value' },
      });
      assertError(r, 401, 'AUTH.REQUIRED');
      const post = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        cookies: { [COOKIE]: 'forged-session-value' },
        headers: { 'x-csrf-token': 'whatever' },
        payload: complaintBody(),
      });
      assertError(post, 401, 'AUTH.REQUIRED');
    });

    test('every error answered above is listed for its operation and status in the document', async () => {
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.deepEqual(undocumented(doc, answered), []);
    });
  });
}

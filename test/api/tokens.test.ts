// Doors (issue 8): bearer tokens expire, can be revoked one by one (API and CLI), and
// deactivating their user ends them for good — reactivating the account brings none back.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';

const NOW = new Date('2026-03-20T12:00:00Z');

for (const engine of engines()) {
  describe(`bearer tokens (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startApp(engine, { now: NOW });
    });
    after(() => t.close());

    const admin = () => t.as('administrator');
    const mint = async (userId: string, body: Record<string, unknown> = {}) => {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/users/${userId}/tokens`,
        headers: admin(),
        payload: body,
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json() as { id: string; token: string; expiresAt: string };
    };
    const useToken = (token: string) =>
      t.app.inject({ url: '/api/v1/auth/session', headers: { authorization: `Bearer ${token}` } });

    test('a token works until it expires, then is refused as expired', async () => {
      const created = await mint(t.users.handler.id, { name: 'short', days: 1 });
      assert.equal(created.expiresAt, new Date(NOW.getTime() + 86_400_000).toISOString());
      assert.equal((await useToken(created.token)).statusCode, 200);
      t.setNow(new Date(NOW.getTime() + 86_400_000 + 1000));
      const r = await useToken(created.token);
      t.setNow(NOW);
      assert.equal(r.statusCode, 401, r.body);
      assert.equal(r.json().error.code, 'AUTH.INVALID_TOKEN');
    });

    test('revoking one token stops it at once and leaves the user’s other tokens working', async () => {
      const a = await mint(t.users.manager.id, { name: 'a' });
      const b = await mint(t.users.manager.id, { name: 'b' });
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/users/${t.users.manager.id}/tokens/${a.id}/revoke`,
        headers: admin(),
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().revokedAt, NOW.toISOString());
      assert.equal((await useToken(a.token)).statusCode, 401);
      assert.equal((await useToken(b.token)).statusCode, 200);
      const list = await t.app.inject({
        url: `/api/v1/users/${t.users.manager.id}/tokens`,
        headers: admin(),
      });
      assert.equal(list.statusCode, 200, list.body);
      assert.ok(!list.body.includes(a.token) && !list.body.includes(b.token));
      const byName = Object.fromEntries(
        list.json().items.map((i: { name: string; revokedAt: string | null }) => [i.name, i]),
      );
      assert.equal(byName.a.revokedAt, NOW.toISOString());
      assert.equal(byName.b.revokedAt, null);
    });

    test("a token of another user cannot be revoked through this user's path", async () => {
      const other = await mint(t.users.auditor.id);
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/users/${t.users.handler.id}/tokens/${other.id}/revoke`,
        headers: admin(),
      });
      assert.equal(r.statusCode, 404, r.body);
      assert.equal(r.json().error.code, 'TOKEN.NOT_FOUND');
      assert.equal((await useToken(other.token)).statusCode, 200);
    });

    test('deactivating a user ends their tokens for good: reactivation brings none back', async () => {
      const id = t.users.department_member.id;
      const created = await mint(id);
      assert.equal((await useToken(created.token)).statusCode, 200);
      for (const active of [false, true]) {
        const r = await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/users/${id}`,
          headers: admin(),
          payload: { active },
        });
        assert.equal(r.statusCode, 200, r.body);
      }
      assert.equal((await useToken(created.token)).statusCode, 401);
      assert.equal((await useToken(t.tokens.department_member)).statusCode, 401);
    });

    test('a token lifetime outside 1–366 days is refused', async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/users/${t.users.handler.id}/tokens`,
        headers: admin(),
        payload: { days: 400 },
      });
      assert.equal(r.statusCode, 400, r.body);
    });

    test('only administrators manage tokens', async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/users/${t.users.handler.id}/tokens`,
        headers: t.as('manager'),
        payload: {},
      });
      assert.equal(r.statusCode, 403, r.body);
    });
  });
}

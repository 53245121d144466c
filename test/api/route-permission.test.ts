// Every API route declares a permission of the table, or it refuses to register.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { registerAuth } from '../../src/http/plugins/auth.ts';

test('an API route without a permission, or with one not in the table, refuses to register', async () => {
  for (const config of [{}, { permission: 'complaint.obliterate' }]) {
    const app = Fastify();
    registerAuth(app, null as never, () => new Date());
    assert.throws(
      () => app.get('/api/v1/x', { config: config as never }, async () => ({})),
      /permission/,
    );
    await app.close();
  }
  const ok = Fastify();
  registerAuth(ok, null as never, () => new Date());
  ok.get('/api/v1/x', { config: { permission: 'policy.read' } }, async () => ({}));
  await ok.ready();
  await ok.close();
});

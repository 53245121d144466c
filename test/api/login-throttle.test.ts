// Doors (issue 8): sign-in is limited per account and per client address, with a lockout that
// no X-Forwarded-For header can get round unless a configured proxy sends it; the web form's
// limit counts by the same address. Passwords are at least 12 characters and not common, and no
// refusal repeats one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createUser } from '../../src/app/users/create-user.ts';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';

const NOW = new Date('2026-03-20T12:00:00Z');
const PASSWORD = 'a long enough passphrase';

let forged = 0;
const forgedHeader = () => ({ 'x-forwarded-for': `203.0.113.${++forged % 250}` });

async function addUser(t: TestApp, email: string) {
  const admin = { id: t.users.administrator.id, role: 'administrator' } as const;
  await createUser({ db: t.db, now: () => NOW }, admin, {
    email,
    name: email.split('@')[0]!,
    role: 'handler',
    password: PASSWORD,
  });
}

function login(
  t: TestApp,
  email: string,
  password: string,
  opts: { headers?: Record<string, string>; remoteAddress?: string } = {},
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    headers: opts.headers ?? {},
    remoteAddress: opts.remoteAddress ?? '198.51.100.7',
  });
}

describe('sign-in lockout (no proxy trusted: the default)', () => {
  let t: TestApp;
  let now = NOW;
  before(async () => {
    t = await startApp('pglite', { now: NOW });
    await addUser(t, 'victim@example.test');
    await addUser(t, 'other@example.test');
  });
  after(() => t.close());

  test('five wrong passwords lock the account, whatever X-Forwarded-For says; the right one is then refused too', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await login(t, 'victim@example.test', `wrong guess ${i}`, {
        headers: forgedHeader(),
        remoteAddress: `192.0.2.${i + 1}`,
      });
      assert.equal(r.statusCode, 401, r.body);
    }
    const locked = await login(t, 'VICTIM@example.test', PASSWORD, { headers: forgedHeader() });
    assert.equal(locked.statusCode, 429, locked.body);
    assert.equal(locked.json().error.code, 'AUTH.LOCKED');
    assert.ok(Number(locked.headers['retry-after']) > 0);
    assert.ok(!locked.body.includes(PASSWORD));

    now = new Date(NOW.getTime() + 16 * 60_000);
    t.setNow(now);
    const later = await login(t, 'victim@example.test', PASSWORD);
    assert.equal(later.statusCode, 200, later.body);
  });

  test('an address that fails twenty times is locked out of every account, forged headers or not', async () => {
    const from = '198.51.100.99';
    for (let i = 0; i < 20; i++) {
      const r = await login(t, `nobody${i}@example.test`, 'a wrong password', {
        headers: forgedHeader(),
        remoteAddress: from,
      });
      assert.equal(r.statusCode, 401, r.body);
    }
    const r = await login(t, 'other@example.test', PASSWORD, {
      headers: forgedHeader(),
      remoteAddress: from,
    });
    assert.equal(r.statusCode, 429, r.body);
    assert.equal(r.json().error.code, 'AUTH.LOCKED');
    const elsewhere = await login(t, 'other@example.test', PASSWORD, {
      remoteAddress: '198.51.100.100',
    });
    assert.equal(elsewhere.statusCode, 200, elsewhere.body);
  });

  test('a burst of parallel guesses gets at most five passwords checked', async () => {
    await addUser(t, 'burst@example.test');
    const rs = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        login(t, 'burst@example.test', i === 29 ? PASSWORD : `guess ${i}`, {
          remoteAddress: `192.0.2.${100 + i}`,
        }),
      ),
    );
    const checked = rs.filter((r) => r.statusCode !== 429).length;
    assert.ok(checked <= 5, `${checked} passwords checked`);
    assert.ok(rs.every((r) => r.statusCode !== 200));
  });

  test('the web form counts by the TCP peer: rotating X-Forwarded-For does not reset its limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/complaints',
        payload: complaintBody({ receivedAt: undefined }),
        headers: forgedHeader(),
        remoteAddress: '198.51.100.50',
      });
      statuses.push(r.statusCode);
    }
    assert.equal(statuses.filter((s) => s === 201).length, 20, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 429).length, 5, statuses.join(','));
  });
});

describe('sign-in behind a trusted proxy (REDRESS_TRUST_PROXY)', () => {
  let t: TestApp;
  before(async () => {
    t = await startApp('pglite', { now: NOW, env: { REDRESS_TRUST_PROXY: '10.0.0.1' } });
    await addUser(t, 'staff@example.test');
  });
  after(() => t.close());

  test('the proxy names the client: one client locked out does not lock out another', async () => {
    for (let i = 0; i < 20; i++) {
      await login(t, `x${i}@example.test`, 'a wrong password', {
        headers: { 'x-forwarded-for': '203.0.113.1' },
        remoteAddress: '10.0.0.1',
      });
    }
    const same = await login(t, 'staff@example.test', PASSWORD, {
      headers: { 'x-forwarded-for': '203.0.113.1' },
      remoteAddress: '10.0.0.1',
    });
    assert.equal(same.statusCode, 429, same.body);
    const other = await login(t, 'staff@example.test', PASSWORD, {
      headers: { 'x-forwarded-for': '203.0.113.2' },
      remoteAddress: '10.0.0.1',
    });
    assert.equal(other.statusCode, 200, other.body);
  });

  test('a client that is not the proxy cannot name itself another address', async () => {
    for (let i = 0; i < 20; i++) {
      await login(t, `y${i}@example.test`, 'a wrong password', {
        headers: forgedHeader(),
        remoteAddress: '192.0.2.200',
      });
    }
    const r = await login(t, 'staff@example.test', PASSWORD, {
      headers: forgedHeader(),
      remoteAddress: '192.0.2.200',
    });
    assert.equal(r.statusCode, 429, r.body);
  });

  test('a malformed proxy list stops start-up with a message naming the variable', async () => {
    const { loadConfig } = await import('../../src/config.ts');
    assert.throws(() => loadConfig({ REDRESS_TRUST_PROXY: 'everyone' }), /REDRESS_TRUST_PROXY/);
    assert.deepEqual(loadConfig({}).trustProxy, []);
  });
});

describe('passwords', () => {
  let t: TestApp;
  before(async () => {
    t = await startApp('pglite', { now: NOW });
  });
  after(() => t.close());

  const create = (password: string, email = 'new.person@example.test') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: t.as('administrator'),
      payload: { email, name: 'New Person', role: 'handler', password },
    });

  for (const [why, password] of [
    ['shorter than 12 characters', 'elevenchars'],
    ['a common password', 'Password1234'],
    ['a common password with spaces', 'correct horse battery staple'],
    ['one character repeated', 'zzzzzzzzzzzzzzzz'],
    ["the account's own email", 'new.person@example.test!'],
  ] as const) {
    test(`a password that is ${why} is refused, and the refusal does not repeat it`, async () => {
      const r = await create(password);
      assert.equal(r.statusCode, 400, r.body);
      assert.equal(r.json().error.code, 'USER.WEAK_PASSWORD');
      assert.ok(!r.body.includes(password), r.body);
    });
  }

  test('a password too long for the schema is refused without being repeated', async () => {
    const password = 'x'.repeat(150) + 'UNIQUE-MARKER' + 'y'.repeat(100);
    const r = await create(password);
    assert.equal(r.statusCode, 400, r.body);
    assert.ok(!r.body.includes('UNIQUE-MARKER') && !r.body.includes('xxxxxxxx'), r.body);
  });

  test('a long uncommon password is accepted', async () => {
    const r = await create('violet kettle under granite', 'fine@example.test');
    assert.equal(r.statusCode, 201, r.body);
  });
});

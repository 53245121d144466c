// The customer's side: the public web form and the tracking link. A link shows its own
// complaint's public part, lets the customer reply, ask for escalation or a deadlock letter —
// and nothing else, and nothing of any other complaint.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { recordErrors, undocumented } from '../helpers/documented-errors.ts';

const answered = recordErrors();

const NOW = new Date('2026-03-20T12:00:00Z');
const FORM = '/api/v1/public/complaints';

interface Tracked {
  reference: string;
  token: string;
  trackingUrl: string;
}

async function complain(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Tracked> {
  const r = await t.app.inject({ method: 'POST', url: FORM, payload: complaintBody(overrides) });
  assert.equal(r.statusCode, 201, r.body);
  const b = r.json();
  return { reference: b.reference, token: b.trackingToken, trackingUrl: b.trackingUrl };
}

async function staff(t: TestApp, ref: string, action: string, payload: object = {}) {
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/${ref}/actions/${action}`,
    headers: t.as('manager'),
    payload,
  });
  assert.equal(r.statusCode, 200, `${action}: ${r.body}`);
}

/** Every public route on one complaint, read from the router itself (so new ones are tried). */
function trackingRoutes(t: TestApp): { method: string; url: string }[] {
  const out: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    stack.length = m[1]!.length / 4;
    stack.push(m[2]!);
    const url = stack.join('');
    if (!url.startsWith(`${FORM}/:reference`)) continue;
    for (const method of m[3]?.split(', ') ?? []) if (method !== 'HEAD') out.push({ method, url });
  }
  return out;
}

const BOUNDARY = 'tracking-test-boundary';

/** A valid body for each public POST route (a file for uploads, JSON for the rest). */
function bodyFor(path: string): { payload: string | object; headers?: Record<string, string> } {
  const last = path.split('/').at(-1)!;
  if (last === 'attachments') {
    return {
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload:
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="bill.txt"\r\n` +
        `Content-Type: text/plain\r\n\r\nMy bill.\r\n--${BOUNDARY}--\r\n`,
    };
  }
  const bodies: Record<string, object> = {
    reply: { message: 'Hello?' },
    'request-escalation': { reason: 'Too slow' },
    'rate-satisfaction': { score: 4 },
  };
  return { payload: bodies[last] ?? {} };
}

for (const engine of engines()) {
  describe(`tracking link (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startApp(engine, { now: NOW, env: { REDRESS_PUBLIC_RATE_LIMIT: '1000' } });
    });
    after(() => t.close());

    test('the web form sets channel web and receivedAt now, whatever the body says', async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: FORM,
        payload: complaintBody({ channel: 'phone', receivedAt: '2026-01-05T09:00:00Z' }),
      });
      assert.equal(r.statusCode, 201, r.body);
      const body = r.json();
      assert.match(body.reference, /^RD-2026-\d{6}$/);
      assert.equal(body.receivedAt, NOW.toISOString());
      assert.equal(typeof body.trackingToken, 'string');
      assert.ok(body.trackingToken.length >= 32);
      assert.ok(
        body.trackingUrl.endsWith(`/track/${body.reference}?token=${body.trackingToken}`),
        body.trackingUrl,
      );
      const seen = await t.app.inject({
        url: `/api/v1/complaints/${body.reference}`,
        headers: t.as('handler'),
      });
      assert.equal(seen.json().channel, 'web');
      assert.equal(seen.json().receivedAt, NOW.toISOString());
      assert.equal(seen.json().timeline[0].data.channel, 'web');
    });

    test('the web form cannot route, assign or name staff in its own complaint', async () => {
      const { reference } = await complain(t, {
        departmentId: 'billing',
        assigneeId: t.users.handler.id,
        subjectUserIds: [t.users.manager.id],
      });
      const seen = (
        await t.app.inject({ url: `/api/v1/complaints/${reference}`, headers: t.as('handler') })
      ).json();
      assert.equal(seen.departmentId, null);
      assert.equal(seen.assigneeId, null);
      assert.deepEqual(seen.subjectUserIds, []);
    });

    test('the link shows status, the public timeline and messages — no notes, no staff ids', async () => {
      const c = await complain(t);
      await staff(t, c.reference, 'acknowledge');
      await staff(t, c.reference, 'assign', { assigneeId: t.users.handler.id, reason: 'rota' });
      await staff(t, c.reference, 'add-note', { text: 'INTERNAL: call the account manager' });
      await staff(t, c.reference, 'start-investigation');
      await staff(t, c.reference, 'transfer', { departmentId: 'billing', reason: 'SECRET route' });
      await staff(t, c.reference, 'flag', { flag: 'vexatious', reason: 'PRIVATE judgement' });

      for (const how of ['query', 'header'] as const) {
        const r = await t.app.inject({
          url: `${FORM}/${c.reference}${how === 'query' ? `?token=${c.token}` : ''}`,
          headers: how === 'header' ? { 'x-tracking-token': c.token } : {},
        });
        assert.equal(r.statusCode, 200, r.body);
        const view = r.json();
        assert.equal(view.reference, c.reference);
        assert.equal(view.status, 'awaiting_department');
        const types: string[] = view.timeline.map((e: { type: string }) => e.type);
        for (const e of ['received', 'acknowledged', 'investigation_started']) {
          assert.ok(types.includes(e), `${e} missing from ${types.join(', ')}`);
        }
        for (const e of ['assigned', 'note_added', 'transferred', 'flagged']) {
          assert.ok(!types.includes(e), `internal ${e} shown: ${types.join(', ')}`);
        }
        for (const m of view.messages as { direction: string; channel: string }[]) {
          assert.notEqual(m.direction, 'internal');
          assert.notEqual(m.channel, 'note');
        }
        for (const secret of ['INTERNAL', 'SECRET', 'PRIVATE', 'vexatious', 'billing']) {
          assert.ok(!r.body.includes(secret), `the view shows "${secret}": ${r.body}`);
        }
        for (const u of Object.values(t.users)) {
          assert.ok(!r.body.includes(u.id), `the view shows a staff id: ${r.body}`);
          assert.ok(!r.body.includes(u.email), `the view shows a staff email: ${r.body}`);
        }
        for (const key of ['assigneeId', 'departmentId', 'actor', 'flags', 'subjectUserIds']) {
          assert.ok(!(key in view), key);
        }
      }
    });

    test('the customer can reply, request escalation and request a deadlock letter', async () => {
      const c = await complain(t);
      const send = (path: string, payload: object, headers: Record<string, string> = {}) =>
        t.app.inject({
          method: 'POST',
          url: `${FORM}/${c.reference}/${path}`,
          headers: { 'x-tracking-token': c.token, ...headers },
          payload,
        });
      const reply = await send('reply', { message: 'Still no dial tone this morning.' });
      assert.equal(reply.statusCode, 200, reply.body);
      assert.deepEqual(reply.json(), { reference: c.reference, status: 'received' });
      const esc = await send('request-escalation', { reason: 'Nobody has called me back' });
      assert.equal(esc.statusCode, 200, esc.body);
      const letter = await send('request-deadlock-letter', {});
      assert.equal(letter.statusCode, 200, letter.body);

      const view = (await t.app.inject({ url: `${FORM}/${c.reference}?token=${c.token}` })).json();
      assert.deepEqual(
        view.messages
          .filter((m: { direction: string }) => m.direction === 'in')
          .map((m: { body: string; direction: string }) => [m.direction, m.body]),
        [['in', 'Still no dial tone this morning.']],
      );
      const types = view.timeline.map((e: { type: string }) => e.type);
      for (const e of ['customer_replied', 'escalation_requested', 'deadlock_letter_requested']) {
        assert.ok(types.includes(e), `${e} in ${types}`);
      }
      const seen = (
        await t.app.inject({ url: `/api/v1/complaints/${c.reference}`, headers: t.as('handler') })
      ).json();
      for (const type of [
        'customer_replied',
        'escalation_requested',
        'deadlock_letter_requested',
      ]) {
        const e = seen.timeline.find((x: { type: string }) => x.type === type);
        assert.equal(e?.actor.role, 'customer', type);
      }
    });

    test('and nothing else: every other path or method on the link is 404', async () => {
      const c = await complain(t);
      const q = `?token=${c.token}`;
      const base = `${FORM}/${c.reference}`;
      const refused: [string, string][] = [
        ...[
          'close',
          'acknowledge',
          'reopen',
          'escalate',
          'add-note',
          'assign',
          'customer-reply',
          'receive-information',
          'actions/close',
          'actions/withdraw',
          'actions/request-escalation',
          'messages',
        ].map((p): [string, string] => ['POST', `${base}/${p}${q}`]),
        ['PUT', `${base}${q}`],
        ['PATCH', `${base}${q}`],
        ['DELETE', `${base}${q}`],
        ['GET', `${FORM}${q}`],
        ['GET', `${base}/timeline${q}`],
        ['GET', `${base}/reply${q}`],
      ];
      for (const [method, url] of refused) {
        const r = await t.app.inject({
          method: method as 'POST',
          url,
          ...(method === 'GET' ? {} : { payload: { reason: 'x' } }),
        });
        assert.equal(r.statusCode, 404, `${method} ${url}: ${r.body}`);
        assert.equal(r.json().error.code, 'ROUTE.NOT_FOUND', `${method} ${url}`);
      }
      // Nor does the link open the staff API.
      for (const url of [`/api/v1/complaints/${c.reference}${q}`, `/api/v1/complaints${q}`]) {
        const r = await t.app.inject({ url, headers: { 'x-tracking-token': c.token } });
        assert.equal(r.statusCode, 401, `${url}: ${r.body}`);
      }
      const after = (await t.app.inject({ url: `${base}${q}` })).json();
      assert.equal(after.status, 'received');
    });

    test("one complaint's link opens nothing of any other complaint", async () => {
      const [a, ...others] = await Promise.all([
        complain(t),
        complain(t),
        complain(t),
        complain(t),
      ]);
      const routes = trackingRoutes(t);
      assert.ok(routes.length >= 4, JSON.stringify(routes));
      const wrong = randomBytes(32).toString('base64url');
      const notFound = async (
        method: string,
        path: string,
        ref: string,
        token: { query?: string; header?: string },
      ) => {
        const url =
          path.replace(':reference', ref).replace(':id', '1') +
          (token.query === undefined ? '' : `?token=${encodeURIComponent(token.query)}`);
        const sample: ReturnType<typeof bodyFor> | { headers?: undefined } =
          method === 'GET' ? {} : bodyFor(path);
        const r = await t.app.inject({
          method: method as 'POST',
          url,
          ...sample,
          headers: {
            ...sample.headers,
            ...(token.header === undefined ? {} : { 'x-tracking-token': token.header }),
          },
        });
        const where = `${method} ${url} ${JSON.stringify(token)}: ${r.body}`;
        assert.equal(r.statusCode, 404, where);
        assert.deepEqual(
          r.json(),
          {
            error: {
              code: 'TRACKING.NOT_FOUND',
              message: 'no complaint matches this tracking link',
            },
          },
          where,
        );
      };
      for (const { method, url } of routes) {
        for (const b of others) {
          await notFound(method, url, b.reference, { query: a.token });
          await notFound(method, url, b.reference, { header: a.token });
        }
        const b = others[0]!;
        await notFound(method, url, b.reference, { query: wrong });
        await notFound(method, url, b.reference, { header: wrong });
        await notFound(method, url, b.reference, {});
        await notFound(method, url, b.reference, { header: '' });
        await notFound(method, url, b.reference, { query: b.token.toUpperCase() });
        await notFound(method, url, 'RD-2026-999999', { query: a.token });
        await notFound(method, url, a.reference, { query: b.token });
      }
      // B was not touched by any of it.
      for (const b of others) {
        const view = (
          await t.app.inject({ url: `${FORM}/${b.reference}?token=${b.token}` })
        ).json();
        const types: string[] = view.timeline.map((e: { type: string }) => e.type);
        for (const e of ['customer_replied', 'escalation_requested', 'deadlock_letter_requested']) {
          assert.ok(!types.includes(e), `${b.reference}: ${types.join(', ')}`);
        }
        assert.deepEqual(
          view.messages.filter((m: { direction: string }) => m.direction === 'in'),
          [],
        );
      }
    });

    test('every error answered above is listed for its operation and status in the document', async () => {
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.deepEqual(undocumented(doc, answered), []);
    });
  });

  describe(`web form rate limit (${engine})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startApp(engine, { now: NOW, env: { REDRESS_PUBLIC_RATE_LIMIT: '3' } });
    });
    after(() => t.close());

    test('after REDRESS_PUBLIC_RATE_LIMIT complaints a minute, 429 in the error shape', async () => {
      for (let i = 0; i < 3; i++) {
        const r = await t.app.inject({ method: 'POST', url: FORM, payload: complaintBody() });
        assert.equal(r.statusCode, 201, r.body);
      }
      const limited = await t.app.inject({ method: 'POST', url: FORM, payload: complaintBody() });
      assert.equal(limited.statusCode, 429, limited.body);
      const { error } = limited.json();
      assert.equal(error.code, 'RATE_LIMITED');
      assert.equal(typeof error.message, 'string');
      // Staff intake is not limited by the public form's allowance.
      const staffMade = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody(),
      });
      assert.equal(staffMade.statusCode, 201, staffMade.body);
    });
  });
}

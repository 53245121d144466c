// Every API route × every caller (anonymous and each role): 401 without credentials, 403 for a
// role that does not hold the route's permission, neither for a role that does. Who holds what
// is the permission table (src/domain/access/permissions.ts) as the API hands it to clients
// (GET /auth/session's capability flags); the route list comes from the app itself (an onRoute
// hook in every resource plugin, checked against the router), so a route added later is in the
// matrix without anyone remembering to add it.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createUser } from '../../src/app/users/create-user.ts';
import type { ActionType } from '../../src/domain/complaint/actions.ts';
import { ROLES, type Role } from '../../src/domain/complaint/states.ts';
import {
  actionPermission,
  capabilitiesOf,
  PERMISSION_NAMES,
  PERMISSIONS,
  type Permission,
} from '../../src/domain/access/permissions.ts';
import { RULES } from '../../src/domain/complaint/rules.ts';
import { routes, type RoutePlugin } from '../../src/http/routes/index.ts';
import { SAMPLE_ACTIONS } from '../factories/complaint.ts';
import { MINIMAL_POLICY_INPUT } from '../factories/policy.ts';
import { complaintBody, startApp, type TestApp } from '../helpers/app.ts';
import { engines } from '../helpers/db.ts';
import { recordErrors, undocumented } from '../helpers/documented-errors.ts';

interface DeclaredRoute {
  method: string;
  url: string;
  permission: Permission | undefined;
}

// Each resource plugin is wrapped so that an onRoute hook, added before its routes, records them
// with their config.permission. Keyed by the app's database: one list per app started.
const declaredBy = new Map<unknown, DeclaredRoute[]>();
routes.splice(
  0,
  routes.length,
  ...routes.map((plugin): RoutePlugin => async (app, ctx) => {
    const list = declaredBy.get(ctx.db) ?? [];
    declaredBy.set(ctx.db, list);
    app.addHook('onRoute', (r) => {
      for (const method of [r.method].flat()) {
        if (method !== 'HEAD') list.push({ method, url: r.url, permission: r.config?.permission });
      }
    });
    await plugin(app, ctx);
  }),
);

/** Every method and path the router serves, read from its printed tree. */
function routerRoutes(t: TestApp): { method: string; url: string }[] {
  const out: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    stack.length = m[1]!.length / 4;
    stack.push(m[2]!);
    for (const method of m[3]?.split(', ') ?? []) out.push({ method, url: stack.join('') });
  }
  return out;
}

const answered = recordErrors();

type Caller = 'anonymous' | Role;
const CALLERS: Caller[] = ['anonymous', ...ROLES];

const BOUNDARY = 'redress-matrix-boundary';
const MULTIPART = {
  headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  payload:
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="note.txt"\r\n` +
    `Content-Type: text/plain\r\n\r\nThe bill, scanned.\r\n--${BOUNDARY}--\r\n`,
};

interface Sample {
  url: string;
  payload?: string | object;
  headers?: Record<string, string>;
}

for (const engine of engines()) {
  describe(`role matrix (${engine})`, async () => {
    // Every public route is called once per caller: lift the web form's limit for this file.
    const t = await startApp(engine, {
      now: new Date('2026-03-20T12:00:00Z'),
      env: { REDRESS_PUBLIC_RATE_LIMIT: '1000' },
    });
    after(() => t.close());
    const declared = declaredBy.get(t.db) ?? [];
    const api = declared.filter((r) => r.url.startsWith('/api/v1/'));

    const login = { email: 'matrix-login@example.test', password: 'correct horse battery' };
    await createUser(
      t.services,
      { id: 'test', role: 'administrator' },
      { email: login.email, name: 'Matrix Login', role: 'handler', password: login.password },
    );
    const target = await createUser(
      t.services,
      { id: 'test', role: 'administrator' },
      { email: 'matrix-target@example.test', name: 'Matrix Target', role: 'handler' },
    );

    /** A new complaint with the billing department (so its member may see it). */
    async function staffComplaint(overrides: Record<string, unknown> = {}): Promise<string> {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: t.as('handler'),
        payload: complaintBody({ departmentId: 'billing', ...overrides }),
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().reference as string;
    }
    async function publicComplaint(): Promise<{ reference: string; token: string }> {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/complaints',
        payload: complaintBody(),
      });
      assert.equal(r.statusCode, 201, r.body);
      return { reference: r.json().reference, token: r.json().trackingToken };
    }

    let serial = 0;
    /** A plausible, valid request for a route (new ids each time, so creations do not clash). */
    async function sampleFor(route: DeclaredRoute): Promise<Sample> {
      const n = ++serial;
      const isPublic = route.url.startsWith('/api/v1/public/complaints/:reference');
      const tracked = isPublic ? await publicComplaint() : null;
      const needsComplaint = !tracked && route.url.includes(':reference');
      const reference = tracked?.reference ?? (needsComplaint ? await staffComplaint() : '');
      let url = route.url
        .replace(':reference', reference)
        .replace(':year', '2026')
        .replace(':action', 'no-such-action');
      if (url.startsWith('/api/v1/users/')) url = url.replace(':id', target.id);
      else if (url.startsWith('/api/v1/policies/')) url = url.replace(':id', 'uk-comms-ombudsman');
      else url = url.replace(':id', '1');
      if (tracked) url += `?token=${tracked.token}`;

      const action = /\/actions\/([a-z-]+)$/.exec(route.url)?.[1];
      if (action && action in SAMPLE_ACTIONS) {
        const { type: _type, ...payload } = SAMPLE_ACTIONS[action as ActionType];
        return { url, payload };
      }
      const key = `${route.method} ${route.url}`;
      const bodies: Record<string, object> = {
        'POST /api/v1/auth/login': login,
        'POST /api/v1/complaints': complaintBody({ subject: `Matrix ${n}` }),
        'POST /api/v1/public/complaints': complaintBody({ subject: `Matrix ${n}` }),
        'POST /api/v1/public/complaints/:reference/reply': { message: 'Any news?' },
        'POST /api/v1/public/complaints/:reference/request-escalation': { reason: 'Too slow' },
        'POST /api/v1/public/complaints/:reference/request-deadlock-letter': {},
        'POST /api/v1/users': { email: `matrix-${n}@example.test`, name: 'New', role: 'handler' },
        'PATCH /api/v1/users/:id': { name: `Renamed ${n}` },
        'POST /api/v1/departments': { id: `matrix-${n}`, name: `Matrix ${n}` },
        'POST /api/v1/policies/:id/versions': {
          ...MINIMAL_POLICY_INPUT,
          id: 'uk-comms-ombudsman',
          effectiveFrom: `${2100 + n}-01-01`,
        },
      };
      if (bodies[key]) return { url, payload: bodies[key] };
      if (route.method === 'POST' && route.url.endsWith('/attachments')) {
        return { url, ...MULTIPART };
      }
      return { url };
    }

    async function call(route: DeclaredRoute, caller: Caller) {
      const s = await sampleFor(route);
      return t.app.inject({
        method: route.method as 'GET',
        url: s.url,
        headers: { ...(caller === 'anonymous' ? {} : t.as(caller)), ...s.headers },
        ...(s.payload === undefined ? {} : { payload: s.payload }),
      });
    }

    /** Each role's capability flags, as the API hands them to a signed-in client. */
    const flags = {} as Record<Role, Record<Permission, boolean>>;
    for (const role of ROLES) {
      const r = await t.app.inject({ url: '/api/v1/auth/session', headers: t.as(role) });
      assert.equal(r.statusCode, 200, r.body);
      flags[role] = r.json().capabilities;
    }
    /** Whether the caller may use the permission, by the flags (anonymous: public ones only). */
    const allowed = (permission: Permission, caller: Caller) =>
      caller === 'anonymous' ? PERMISSIONS[permission] === 'public' : flags[caller][permission];

    test('the matrix covers every /api/v1 route the router serves, each with a permission', () => {
      assert.ok(api.length >= 50, `only ${api.length} routes collected`);
      const seen = new Set(api.map((r) => `${r.method} ${r.url}`));
      const served = routerRoutes(t).filter(
        (r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD',
      );
      assert.ok(served.length > 0);
      for (const r of served) assert.ok(seen.has(`${r.method} ${r.url}`), `${r.method} ${r.url}`);
      for (const r of api) assert.notEqual(r.permission, undefined, `${r.method} ${r.url}`);
    });

    test("every permission of the table is some route's, and the session hands out the table", () => {
      const used = new Set(api.map((r) => r.permission));
      assert.deepEqual(
        PERMISSION_NAMES.filter((p) => !used.has(p)),
        [],
      );
      for (const role of ROLES) assert.deepEqual(flags[role], capabilitiesOf(role), role);
    });

    test("each action's route takes its roles from the lifecycle's own table", () => {
      for (const r of api) {
        const action = /\/actions\/([a-z-]+)$/.exec(r.url)?.[1] as ActionType | undefined;
        if (!action) continue;
        assert.equal(r.permission, actionPermission(action), r.url);
        const staff = RULES[action].roles.filter((x) => (ROLES as readonly string[]).includes(x));
        assert.deepEqual(PERMISSIONS[actionPermission(action)], staff, action);
      }
    });

    for (const route of api) {
      const permission = route.permission!;
      const access = PERMISSIONS[permission];
      const who = typeof access === 'string' ? access : `[${access.join(', ')}]`;
      test(`${route.method} ${route.url} (${permission}: ${who})`, async () => {
        for (const caller of CALLERS) {
          const r = await call(route, caller);
          const where = `${route.method} ${route.url} as ${caller}: ${r.statusCode} ${r.body.slice(0, 300)}`;
          assert.ok(r.statusCode < 500, where);
          if (allowed(permission, caller)) {
            assert.ok(r.statusCode !== 401 && r.statusCode !== 403, where);
          } else {
            const expected = caller === 'anonymous' ? 401 : 403;
            assert.equal(r.statusCode, expected, where);
            const { error } = r.json();
            assert.equal(error.code, expected === 401 ? 'AUTH.REQUIRED' : 'AUTH.FORBIDDEN', where);
            assert.equal(typeof error.message, 'string');
          }
        }
      });
    }

    test('auditors read every staff resource but may write nothing', async () => {
      const exempt = new Set([
        'POST /api/v1/auth/login', // signing in and out is not a change to any record
        'POST /api/v1/auth/logout',
        'POST /api/v1/complaints/:reference/actions/:action', // unknown action: 404 for all
        'POST /api/v1/notifications/:id/read', // one's own notification, not a record
      ]);
      const writes = api.filter(
        (r) =>
          r.method !== 'GET' &&
          PERMISSIONS[r.permission!] !== 'public' &&
          !exempt.has(`${r.method} ${r.url}`),
      );
      assert.ok(writes.length > 40);
      for (const route of writes) {
        assert.ok(
          !flags.auditor[route.permission!],
          `${route.method} ${route.url} is open to auditors`,
        );
        const r = await call(route, 'auditor');
        assert.equal(r.statusCode, 403, `${route.method} ${route.url}: ${r.body}`);
      }
      // A customer's data export hands over everything held about them: administrators only.
      const notForAuditors = new Set([
        'GET /api/v1/customers/:id/export',
        // The tracking link lets its holder act as the customer: those who deal with them only.
        'GET /api/v1/complaints/:reference/tracking-link',
      ]);
      const reads = api.filter(
        (r) =>
          r.method === 'GET' &&
          !r.url.startsWith('/api/v1/public') &&
          !notForAuditors.has(`${r.method} ${r.url}`),
      );
      for (const route of reads) {
        assert.ok(allowed(route.permission!, 'auditor'), `${route.method} ${route.url}`);
      }
      const ref = await staffComplaint();
      for (const url of ['/api/v1/complaints', `/api/v1/complaints/${ref}`, '/api/v1/users']) {
        const r = await t.app.inject({ url, headers: t.as('auditor') });
        assert.equal(r.statusCode, 200, `${url}: ${r.body}`);
      }
    });

    test('a department member sees only complaints of their own department', async () => {
      const own = await staffComplaint({ subject: 'Billing matter' });
      const other = await staffComplaint({ subject: 'Network matter', departmentId: 'network' });
      const unassigned = await staffComplaint({ subject: 'Nobody yet', departmentId: undefined });
      const member = t.as('department_member');

      const mine = await t.app.inject({ url: `/api/v1/complaints/${own}`, headers: member });
      assert.equal(mine.statusCode, 200, mine.body);
      for (const ref of [other, unassigned]) {
        const r = await t.app.inject({ url: `/api/v1/complaints/${ref}`, headers: member });
        assert.equal(r.statusCode, 404, r.body);
        assert.equal(r.json().error.code, 'COMPLAINT.NOT_FOUND');
        const act = await t.app.inject({
          method: 'POST',
          url: `/api/v1/complaints/${ref}/actions/add-note`,
          headers: member,
          payload: { text: 'peeking' },
        });
        assert.equal(act.statusCode, 404, act.body);
      }

      const refsOf = async (headers: Record<string, string>) => {
        const refs: string[] = [];
        let cursor: string | null = null;
        do {
          const q: string = cursor ? `&cursor=${cursor}` : '';
          const r = await t.app.inject({ url: `/api/v1/complaints?limit=100${q}`, headers });
          assert.equal(r.statusCode, 200, r.body);
          refs.push(...r.json().items.map((i: { reference: string }) => i.reference));
          cursor = r.json().nextCursor;
        } while (cursor);
        return refs;
      };
      const seen = await refsOf(member);
      assert.ok(seen.includes(own));
      assert.ok(!seen.includes(other) && !seen.includes(unassigned));
      const all = await refsOf(t.as('handler'));
      assert.ok(all.includes(own) && all.includes(other) && all.includes(unassigned));
      const filtered = await t.app.inject({
        url: '/api/v1/complaints?department=network',
        headers: member,
      });
      assert.equal(filtered.json().items.length, 0);
    });

    test('every error answered above is listed for its operation and status in the document', async () => {
      const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
      assert.ok(answered.length > 100, `only ${answered.length} errors recorded`);
      assert.deepEqual(undocumented(doc, answered), []);
    });
  });
}

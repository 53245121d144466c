// A running API (injected requests, no port) on a test database, with one user and bearer
// token per role, and two departments.
import { newId, newSecret, sha256 } from '../../src/app/crypto.ts';
import { PolicyRegistry } from '../../src/app/policy-registry.ts';
import { loadConfig } from '../../src/config.ts';
import { insertApiToken } from '../../src/db/repositories/api-tokens.ts';
import { insertUser } from '../../src/db/repositories/users.ts';
import { ROLES, type Role } from '../../src/domain/complaint/states.ts';
import { buildServices, type Services } from '../../src/composition.ts';
import { buildServer } from '../../src/http/server.ts';
import { openTestDb, type Engine } from './db.ts';
import { tempFiles } from './services.ts';

export interface TestApp {
  app: Awaited<ReturnType<typeof buildServer>>;
  db: Awaited<ReturnType<typeof openTestDb>>['db'];
  policies: PolicyRegistry;
  /** What the server was built with (its clock is the one setNow moves). */
  services: Services;
  tokens: Record<Role, string>;
  users: Record<Role, { id: string; email: string }>;
  /** Headers for a bearer-token request as the given role. */
  as(role: Role): { authorization: string };
  /** Moves the server's clock (tests of deadlines). */
  setNow(d: Date): void;
  close(): Promise<void>;
}

export const DEPARTMENTS = ['billing', 'network'] as const;

export async function startApp(
  engine: Engine,
  opts: { now?: Date; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const t = await openTestDb(engine);
  const config = loadConfig({
    REDRESS_DEMO: '0',
    LOG_LEVEL: 'silent',
    REDRESS_FILES_DIR: tempFiles(),
    ...opts.env,
  });
  const policies = new PolicyRegistry(t.db);
  await policies.syncPresets();
  for (const d of DEPARTMENTS) {
    await t.db.query('insert into departments (id, name) values ($1, $2)', [
      d,
      d[0]!.toUpperCase() + d.slice(1),
    ]);
  }
  const tokens = {} as Record<Role, string>;
  const users = {} as Record<Role, { id: string; email: string }>;
  for (const role of ROLES) {
    const email = `${role}@example.test`;
    const u = await insertUser(t.db, {
      id: newId(),
      email,
      name: role.replace('_', ' '),
      role,
      departmentId: role === 'department_member' ? 'billing' : null,
      passwordHash: null,
    });
    const token = newSecret();
    await insertApiToken(t.db, {
      id: newId(),
      userId: u.id,
      tokenHash: sha256(token),
      name: 'test',
      expiresAt: new Date('2100-01-01T00:00:00Z'),
    });
    tokens[role] = token;
    users[role] = { id: u.id, email };
  }
  let now = opts.now ?? null;
  const services = buildServices({ config, db: t.db, policies, now: () => now ?? new Date() });
  const app = await buildServer(services);
  await app.ready();
  return {
    app,
    db: t.db,
    policies,
    services,
    tokens,
    users,
    as: (role) => ({ authorization: `Bearer ${tokens[role]}` }),
    setNow: (d) => {
      now = d;
    },
    async close() {
      await app.close();
      await t.close();
    },
  };
}

/** A minimal valid complaint body (SPEC §6). */
export function complaintBody(overrides: Record<string, unknown> = {}) {
  return {
    policy: 'uk-comms-ombudsman',
    channel: 'email',
    receivedAt: '2026-03-13T17:00:00Z',
    customer: { name: 'Ann Customer', email: 'ann@example.com' },
    subject: 'Line dead since Tuesday',
    description: 'My phone line has not worked since Tuesday.',
    ...overrides,
  };
}

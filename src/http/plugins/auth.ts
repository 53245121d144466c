// Who is calling: a session cookie (browser, with a CSRF token on unsafe methods) or a bearer
// token (integrations). Every API route declares its permission in `config.permission` (the
// table in src/domain/access/permissions.ts says who holds it); a route without one refuses
// to register.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../app/errors.ts';
import { sha256 } from '../../app/crypto.ts';
import type { Db } from '../../db/client.ts';
import { findUserByToken } from '../../db/repositories/api-tokens.ts';
import { findSession } from '../../db/repositories/sessions.ts';
import { toUser, type User } from '../../db/repositories/users.ts';
import {
  isPermission,
  may,
  PERMISSIONS,
  type Permission,
} from '../../domain/access/permissions.ts';

export const SESSION_COOKIE = 'redress_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    authVia: 'session' | 'token' | null;
  }
  interface FastifyContextConfig {
    permission?: Permission;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function identify(db: Db, request: FastifyRequest, now: Date): Promise<void> {
  const header = request.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new AppError('AUTH.BAD_HEADER', 'Authorization must be "Bearer <token>"');
    const row = await findUserByToken(db, sha256(m[1]!), now);
    if (!row) {
      throw new AppError('AUTH.INVALID_TOKEN', 'the bearer token is unknown, expired or revoked');
    }
    request.user = toUser(row);
    request.authVia = 'token';
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const found = await findSession(db, sha256(cookie), now);
  if (!found) return; // an expired session is the same as none
  if (UNSAFE.has(request.method) && request.headers[CSRF_HEADER] !== found.csrfToken) {
    throw new AppError('AUTH.CSRF', `a signed-in browser must send the ${CSRF_HEADER} header`);
  }
  request.user = toUser(found.user);
  request.authVia = 'session';
}

export function registerAuth(app: FastifyInstance, db: Db, now: () => Date): void {
  app.decorateRequest('user', null);
  app.decorateRequest('authVia', null);
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    if (route.url.startsWith('/api/v1') && permission === undefined) {
      throw new Error(`route ${route.method} ${route.url} does not declare config.permission`);
    }
    if (permission !== undefined && !isPermission(permission)) {
      throw new Error(`route ${route.method} ${route.url}: no permission "${String(permission)}"`);
    }
  });
  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (permission === undefined) return;
    await identify(db, request, now());
    if (PERMISSIONS[permission] === 'public') return;
    if (!request.user) throw new AppError('AUTH.REQUIRED', 'sign in or send a bearer token');
    if (!may(request.user.role, permission)) {
      throw new AppError('AUTH.FORBIDDEN', `the ${request.user.role} role may not do this`);
    }
  });
}

/** The signed-in user of a route that requires one. */
export function actorOf(request: FastifyRequest): User {
  if (!request.user) throw new AppError('AUTH.REQUIRED', 'sign in or send a bearer token');
  return request.user;
}

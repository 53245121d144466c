// Who is calling: a session cookie (browser, with a CSRF token on unsafe methods) or a bearer
// token (integrations). Every API route declares who may call it in `config.roles`; a route
// without a declaration refuses to register.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../app/errors.ts';
import { sha256 } from '../../app/crypto.ts';
import type { Db } from '../../db/client.ts';
import { findSession, findUserByToken, toUser, type User } from '../../db/repositories/users.ts';
import type { Role } from '../../domain/complaint/states.ts';

export const SESSION_COOKIE = 'redress_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Who may call a route: a list of roles, 'public' (no account), or 'any' signed-in user. */
export type RouteAccess = readonly Role[] | 'public' | 'any';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    authVia: 'session' | 'token' | null;
  }
  interface FastifyContextConfig {
    roles?: RouteAccess;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function identify(db: Db, request: FastifyRequest, now: Date): Promise<void> {
  const header = request.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new AppError('AUTH.BAD_HEADER', 'Authorization must be "Bearer <token>"');
    const row = await findUserByToken(db, sha256(m[1]!));
    if (!row) throw new AppError('AUTH.INVALID_TOKEN', 'the bearer token is not valid');
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
    if (route.url.startsWith('/api/v1') && route.config?.roles === undefined) {
      throw new Error(`route ${route.method} ${route.url} does not declare config.roles`);
    }
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.roles;
    if (access === undefined) return;
    await identify(db, request, now());
    if (access === 'public') return;
    if (!request.user) throw new AppError('AUTH.REQUIRED', 'sign in or send a bearer token');
    if (access !== 'any' && !access.includes(request.user.role)) {
      throw new AppError('AUTH.FORBIDDEN', `the ${request.user.role} role may not do this`);
    }
  });
}

/** The signed-in user of a route that requires one. */
export function actorOf(request: FastifyRequest): User {
  if (!request.user) throw new AppError('AUTH.REQUIRED', 'sign in or send a bearer token');
  return request.user;
}

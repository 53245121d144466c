// POST /auth/login, POST /auth/logout, GET /auth/session.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sha256 } from '../../../app/crypto.ts';
import { signIn } from '../../../app/users/sign-in.ts';
import { deleteSession } from '../../../db/repositories/sessions.ts';
import { actorOf, SESSION_COOKIE } from '../../plugins/auth.ts';
import type { RouteContext } from '../../../composition.ts';
import {
  capabilitiesSchema,
  presentCapabilities,
  presentUser,
  userSchema,
} from '../../presenters/user.ts';

const signedInSchema = z
  .object({
    user: userSchema,
    csrfToken: z.string().describe('send as X-CSRF-Token on every change made with the cookie'),
    capabilities: capabilitiesSchema,
  })
  .meta({ id: 'SignedIn' });

const sessionSchema = z
  .object({ user: userSchema, via: z.enum(['session', 'token']), capabilities: capabilitiesSchema })
  .meta({ id: 'Session' });

export async function authRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/auth/login',
    {
      config: {
        permission: 'session.start',
        // A flood guard only (argon2 is costly); guesses are limited per account and address
        // by the sign-in throttle (src/domain/access/login-throttle.ts).
        rateLimit: { max: 60, timeWindow: '1 minute' },
        errors: ['AUTH.INVALID_CREDENTIALS', 'AUTH.LOCKED'],
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets an httpOnly session cookie',
        body: z.strictObject({
          email: z.string().min(1).max(254),
          password: z.string().min(1).max(200),
        }),
        response: { 200: signedInSchema },
      },
    },
    async (request, reply) => {
      const { user, secret, csrfToken, expiresAt } = await signIn(ctx, {
        email: request.body.email,
        password: request.body.password,
        address: request.ip,
      });
      reply.setCookie(SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.secureCookies,
        path: '/',
        expires: expiresAt,
      });
      return { user: presentUser(user), csrfToken, capabilities: presentCapabilities(user) };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { permission: 'session.end' },
      schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.undefined() } },
    },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) await deleteSession(ctx.db, sha256(cookie));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/session',
    {
      config: { permission: 'session.read' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, and what they may do (a flag per permission)',
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      const user = actorOf(request);
      return {
        user: presentUser(user),
        via: request.authVia!,
        capabilities: presentCapabilities(user),
      };
    },
  );
}

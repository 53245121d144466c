// POST /auth/login, POST /auth/logout, GET /auth/session.
import { verify } from '@node-rs/argon2';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newSecret, sha256 } from '../../../app/crypto.ts';
import { AppError } from '../../../app/errors.ts';
import { deleteSession, insertSession } from '../../../db/repositories/sessions.ts';
import { findUserByEmail, toUser } from '../../../db/repositories/users.ts';
import { actorOf, SESSION_COOKIE } from '../../plugins/auth.ts';
import type { RouteContext } from '../../../composition.ts';
import {
  capabilitiesSchema,
  presentCapabilities,
  presentUser,
  userSchema,
} from '../../presenters/user.ts';

// A fixed hash to verify against when the email is unknown, so timing does not tell.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$IU/cMNwwMYNIr1n17XXLkw$44seNp3+w+EGBhk3mNGYqc69Kjp1yiaTEBfUoIF/9W4';

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
        rateLimit: { max: 20, timeWindow: '1 minute' },
        errors: ['AUTH.INVALID_CREDENTIALS'],
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
      const row = await findUserByEmail(ctx.db, request.body.email);
      const ok = await verify(row?.password_hash ?? DUMMY_HASH, request.body.password).catch(
        () => false,
      );
      if (!row || !row.password_hash || !row.active || !ok) {
        throw new AppError('AUTH.INVALID_CREDENTIALS', 'wrong email or password');
      }
      const secret = newSecret();
      const csrfToken = newSecret(24);
      const expiresAt = new Date(ctx.now().getTime() + ctx.config.sessionHours * 3_600_000);
      await insertSession(ctx.db, { idHash: sha256(secret), userId: row.id, csrfToken, expiresAt });
      reply.setCookie(SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.secureCookies,
        path: '/',
        expires: expiresAt,
      });
      const user = toUser(row);
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

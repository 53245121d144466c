// /users: staff accounts. Administrators create and change them; managers and auditors read.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUser, createUserInput } from '../../../app/users/create-user.ts';
import { getUser } from '../../../app/users/get-user.ts';
import { listUsers } from '../../../app/users/list-users.ts';
import { updateUser, updateUserInput } from '../../../app/users/update-user.ts';
import { ROLES } from '../../../domain/complaint/states.ts';
import { actorOf } from '../../plugins/auth.ts';
import type { RouteContext } from '../../../composition.ts';
import {
  apiTokenListSchema,
  apiTokenSchema,
  createdApiTokenSchema,
  presentApiToken,
  presentUser,
  userListSchema,
  userSchema,
} from '../../presenters/user.ts';
import { createApiToken, MAX_TOKEN_DAYS } from '../../../app/users/create-api-token.ts';
import { listApiTokens } from '../../../app/users/list-api-tokens.ts';
import { revokeApiToken } from '../../../app/users/revoke-api-token.ts';

export const userIdParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'expected a user id'),
});

const listQuery = z.strictObject({
  role: z.enum(ROLES).optional(),
  department: z.string().min(1).max(100).optional(),
  active: z.enum(['true', 'false']).optional(),
});

export async function userRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/users',
    {
      config: { permission: 'user.read' },
      schema: {
        tags: ['users'],
        summary: 'Staff accounts, optionally by role, department or active',
        querystring: listQuery,
        response: { 200: userListSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const users = await listUsers(ctx, actorOf(request), {
        role: q.role,
        departmentId: q.department,
        active: q.active === undefined ? undefined : q.active === 'true',
      });
      return { items: users.map(presentUser) };
    },
  );

  app.post(
    '/users',
    {
      config: {
        permission: 'user.manage',
        errors: [
          'USER.ALREADY_EXISTS',
          'USER.DEPARTMENT_REQUIRED',
          'USER.UNKNOWN_DEPARTMENT',
          'USER.WEAK_PASSWORD',
        ],
      },
      schema: {
        tags: ['users'],
        summary: 'Create a staff account (a password lets the user sign in)',
        body: createUserInput,
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      const user = await createUser(ctx, actorOf(request), request.body);
      return reply.code(201).send(presentUser(user));
    },
  );

  app.get(
    '/users/:id',
    {
      config: { permission: 'user.read', errors: ['USER.NOT_FOUND'] },
      schema: {
        tags: ['users'],
        summary: 'One staff account',
        params: userIdParam,
        response: { 200: userSchema },
      },
    },
    async (request) => presentUser(await getUser(ctx, actorOf(request), { id: request.params.id })),
  );

  app.patch(
    '/users/:id',
    {
      config: {
        permission: 'user.manage',
        errors: [
          'USER.NOT_FOUND',
          'USER.DEPARTMENT_REQUIRED',
          'USER.UNKNOWN_DEPARTMENT',
          'USER.LAST_ADMINISTRATOR',
        ],
      },
      schema: {
        tags: ['users'],
        summary: 'Change name, role, department or active (recorded in the audit trail)',
        params: userIdParam,
        body: updateUserInput,
        response: { 200: userSchema },
      },
    },
    async (request) =>
      presentUser(
        await updateUser(ctx, actorOf(request), { id: request.params.id, changes: request.body }),
      ),
  );

  app.get(
    '/users/:id/tokens',
    {
      config: { permission: 'user.read', errors: ['USER.NOT_FOUND'] },
      schema: {
        tags: ['users'],
        summary: "A user's bearer tokens: names and dates, never the tokens",
        params: userIdParam,
        response: { 200: apiTokenListSchema },
      },
    },
    async (request) => ({
      items: (await listApiTokens(ctx, actorOf(request), { userId: request.params.id })).map(
        presentApiToken,
      ),
    }),
  );

  app.post(
    '/users/:id/tokens',
    {
      config: { permission: 'user.manage', errors: ['USER.NOT_FOUND', 'TOKEN.BAD_LIFETIME'] },
      schema: {
        tags: ['users'],
        summary: 'Create a bearer token for an active user; it is shown once and expires',
        params: userIdParam,
        body: z.strictObject({
          name: z.string().trim().min(1).max(100).optional(),
          days: z.number().int().min(1).max(MAX_TOKEN_DAYS).optional(),
        }),
        response: { 201: createdApiTokenSchema },
      },
    },
    async (request, reply) => {
      const user = await getUser(ctx, actorOf(request), { id: request.params.id });
      const created = await createApiToken(ctx, actorOf(request), {
        email: user.email,
        name: request.body.name,
        days: request.body.days,
      });
      return reply.code(201).send({ ...created, expiresAt: created.expiresAt.toISOString() });
    },
  );

  app.post(
    '/users/:id/tokens/:tokenId/revoke',
    {
      config: { permission: 'user.manage', errors: ['TOKEN.NOT_FOUND'] },
      schema: {
        tags: ['users'],
        summary: 'Revoke one bearer token: it stops working at once, for good',
        params: userIdParam.extend({
          tokenId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'expected a token id'),
        }),
        response: { 200: apiTokenSchema },
      },
    },
    async (request) =>
      presentApiToken(
        await revokeApiToken(ctx, actorOf(request), {
          id: request.params.tokenId,
          userId: request.params.id,
        }),
      ),
  );
}

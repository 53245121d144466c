// A staff account, and the signed-in session.
import { z } from 'zod';
import { instant } from './common.ts';
import type { ApiTokenRow } from '../../db/repositories/api-tokens.ts';
import type { User } from '../../db/repositories/users.ts';
import { capabilitiesOf, PERMISSION_NAMES } from '../../domain/access/permissions.ts';
import { ROLES } from '../../domain/complaint/states.ts';

export const roleSchema = z.enum(ROLES).meta({ id: 'Role' });

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    departmentId: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'User' });

export const userListSchema = z.object({ items: z.array(userSchema) }).meta({ id: 'UserList' });

export const presentUser = (u: User): z.infer<typeof userSchema> => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  departmentId: u.departmentId,
  active: u.active,
});

/** Every permission of the table, true when the caller holds it (show a menu item only then). */
export const capabilitiesSchema = z
  .object(Object.fromEntries(PERMISSION_NAMES.map((p) => [p, z.boolean()])))
  .meta({ id: 'Capabilities' });

export const presentCapabilities = (u: User): z.infer<typeof capabilitiesSchema> =>
  capabilitiesOf(u.role);

/** A bearer token as listed: never the token itself. */
export const apiTokenSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    createdAt: instant(),
    expiresAt: instant(),
    revokedAt: instant().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const apiTokenListSchema = z
  .object({ items: z.array(apiTokenSchema) })
  .meta({ id: 'ApiTokenList' });

export const createdApiTokenSchema = z
  .object({
    id: z.string(),
    token: z.string().describe('send as "Authorization: Bearer <token>"; shown this once only'),
    expiresAt: instant(),
  })
  .meta({ id: 'CreatedApiToken' });

export const presentApiToken = (t: ApiTokenRow): z.infer<typeof apiTokenSchema> => ({
  id: t.id,
  userId: t.user_id,
  name: t.name,
  createdAt: t.created_at.toISOString(),
  expiresAt: t.expires_at.toISOString(),
  revokedAt: t.revoked_at?.toISOString() ?? null,
});

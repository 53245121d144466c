// A staff account, and the signed-in session.
import { z } from 'zod';
import type { User } from '../../db/repositories/users.ts';
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

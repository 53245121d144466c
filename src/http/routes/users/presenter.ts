import { z } from 'zod';
import type { User } from '../../../db/repositories/users.ts';
import { ROLES } from '../../../domain/complaint/states.ts';

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  departmentId: z.string().nullable(),
  active: z.boolean(),
});

export const presentUser = (u: User): z.infer<typeof userSchema> => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  departmentId: u.departmentId,
  active: u.active,
});

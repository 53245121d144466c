// A department complaints are transferred to.
import { z } from 'zod';
import type { Department } from '../../app/departments/list-departments.ts';
import { instant, iso } from './common.ts';

export const departmentSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string().nullable(), createdAt: instant() })
  .meta({ id: 'Department' });

export const departmentListSchema = z
  .object({ items: z.array(departmentSchema) })
  .meta({ id: 'DepartmentList' });

export const presentDepartment = (d: Department): z.infer<typeof departmentSchema> => ({
  id: d.id,
  name: d.name,
  email: d.email,
  createdAt: iso(d.createdAt),
});

// /departments: where complaints are transferred. Anyone signed in reads; administrators add.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createDepartment,
  createDepartmentInput,
} from '../../../app/departments/create-department.ts';
import { listDepartments, type Department } from '../../../app/departments/list-departments.ts';
import { actorOf } from '../../plugins/auth.ts';
import type { RouteContext } from '../../../composition.ts';

const departmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  createdAt: z.string(),
});

const present = (d: Department): z.infer<typeof departmentSchema> => ({
  id: d.id,
  name: d.name,
  email: d.email,
  createdAt: d.createdAt.toISOString(),
});

export async function departmentRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/departments',
    {
      config: { roles: 'any' },
      schema: {
        tags: ['departments'],
        summary: 'Every department',
        response: { 200: z.object({ items: z.array(departmentSchema) }) },
      },
    },
    async (request) => ({
      items: (await listDepartments(ctx, actorOf(request))).map(present),
    }),
  );

  app.post(
    '/departments',
    {
      config: { roles: ['administrator'] },
      schema: {
        tags: ['departments'],
        summary: 'Add a department (409 when the id is taken)',
        body: createDepartmentInput,
        response: { 201: departmentSchema },
      },
    },
    async (request, reply) => {
      const d = await createDepartment(ctx, actorOf(request), request.body);
      return reply.code(201).send(present(d));
    },
  );
}

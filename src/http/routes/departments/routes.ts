// /departments: where complaints are transferred. Anyone signed in reads; administrators add.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createDepartment,
  createDepartmentInput,
} from '../../../app/departments/create-department.ts';
import { listDepartments } from '../../../app/departments/list-departments.ts';
import {
  renameDepartment,
  renameDepartmentInput,
} from '../../../app/departments/rename-department.ts';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import {
  departmentListSchema,
  departmentSchema,
  presentDepartment,
} from '../../presenters/department.ts';
import type { RouteContext } from '../../../composition.ts';

export async function departmentRoutes(base: FastifyInstance, ctx: RouteContext): Promise<void> {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/departments',
    {
      config: { permission: 'department.read' },
      schema: {
        tags: ['departments'],
        summary: 'Every department',
        response: { 200: departmentListSchema },
      },
    },
    async (request) => ({
      items: (await listDepartments(ctx, actorOf(request))).map(presentDepartment),
    }),
  );

  app.post(
    '/departments',
    {
      config: { permission: 'department.manage', errors: ['DEPARTMENT.ALREADY_EXISTS'] },
      schema: {
        tags: ['departments'],
        summary: 'Add a department (409 when the id is taken)',
        body: createDepartmentInput,
        response: { 201: departmentSchema },
      },
    },
    async (request, reply) => {
      const d = await createDepartment(ctx, actorOf(request), request.body);
      return reply.code(201).send(presentDepartment(d));
    },
  );

  app.patch(
    '/departments/:id',
    {
      config: { permission: 'department.manage', errors: ['DEPARTMENT.NOT_FOUND'] },
      schema: {
        tags: ['departments'],
        summary: 'Rename a department (its id stays; recorded in the audit trail)',
        params: z.object({
          id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a department id'),
        }),
        body: renameDepartmentInput,
        response: { 200: departmentSchema },
      },
    },
    async (request) =>
      presentDepartment(
        await renameDepartment(ctx, actorOf(request), {
          id: request.params.id,
          name: request.body.name,
        }),
      ),
  );
}

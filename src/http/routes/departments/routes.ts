// /departments: where complaints are transferred. Anyone signed in reads; administrators add.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createDepartment,
  createDepartmentInput,
} from '../../../app/departments/create-department.ts';
import { listDepartments } from '../../../app/departments/list-departments.ts';
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
}

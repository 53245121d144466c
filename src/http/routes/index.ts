// Every resource's routes, registered under /api/v1 by server.ts.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../server.ts';
import { attachmentRoutes } from './attachments/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { complaintRoutes } from './complaints/routes.ts';
import { publicRoutes } from './public/routes.ts';

export type RoutePlugin = (app: FastifyInstance, ctx: RouteContext) => Promise<void> | void;

export const routes: RoutePlugin[] = [authRoutes, complaintRoutes, publicRoutes, attachmentRoutes];

// Every resource's routes, registered under /api/v1 by server.ts.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../../composition.ts';
import { attachmentRoutes } from './attachments/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { calendarRoutes } from './calendars/routes.ts';
import { complaintRoutes } from './complaints/routes.ts';
import { workspaceRoutes } from './complaints/workspace-routes.ts';
import { queueRoutes } from './complaints/queue-routes.ts';
import { senderReviewRoutes } from './complaints/sender-review-routes.ts';
import { departmentRoutes } from './departments/routes.ts';
import { policyRoutes } from './policies/routes.ts';
import { publicRoutes } from './public/routes.ts';
import { templateRoutes } from './templates/routes.ts';
import { userRoutes } from './users/routes.ts';
import { workRoutes } from './work/routes.ts';
import { mailboxRoutes } from './mailboxes/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { returnRoutes } from './returns/routes.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { lessonRoutes } from './lessons/routes.ts';

export type RoutePlugin = (app: FastifyInstance, ctx: RouteContext) => Promise<void> | void;

export const routes: RoutePlugin[] = [
  authRoutes,
  complaintRoutes,
  workspaceRoutes,
  queueRoutes,
  senderReviewRoutes,
  publicRoutes,
  attachmentRoutes,
  userRoutes,
  departmentRoutes,
  policyRoutes,
  calendarRoutes,
  workRoutes,
  mailboxRoutes,
  templateRoutes,
  reportRoutes,
  returnRoutes,
  privacyRoutes,
  lessonRoutes,
  auditRoutes,
];

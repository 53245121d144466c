// The queue's extras: its saved views with their counts, a bulk change's result, and the
// people a complaint can be assigned to.
import { z } from 'zod';
import type { BulkResult } from '../../app/complaints/bulk-change-complaints.ts';
import {
  INBOX_VIEWS,
  QUEUE_VIEWS,
  type ViewCount,
} from '../../app/complaints/count-queue-views.ts';
import type { Assignee } from '../../app/users/list-assignees.ts';

export const queueViewsSchema = z
  .object({
    items: z.array(
      z.object({
        view: z.enum([...QUEUE_VIEWS, ...INBOX_VIEWS]),
        query: z
          .record(z.string(), z.string())
          .describe('the GET /complaints query that lists the view'),
        count: z.number().int().describe('complaints in the view'),
      }),
    ),
  })
  .meta({ id: 'QueueViews' });

export const bulkResultSchema = z
  .object({
    changed: z.array(z.string()).describe('references of the complaints changed'),
    refused: z.array(z.object({ reference: z.string(), code: z.string(), message: z.string() })),
  })
  .meta({ id: 'BulkResult' });

export const assigneeListSchema = z
  .object({
    items: z.array(
      z.object({ id: z.string(), name: z.string(), role: z.enum(['handler', 'manager']) }),
    ),
  })
  .meta({ id: 'AssigneeList' });

export const presentQueueViews = (views: ViewCount[]): z.infer<typeof queueViewsSchema> => ({
  items: views,
});
export const presentBulkResult = (r: BulkResult): z.infer<typeof bulkResultSchema> => r;
export const presentAssignees = (a: Assignee[]): z.infer<typeof assigneeListSchema> => ({
  items: a,
});

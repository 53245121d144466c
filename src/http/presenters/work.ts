// Staff work lists: tasks, notifications, emails with problems, letters to post.
import { z } from 'zod';
import type {
  ListedMessageRecord,
  NotificationRecord,
  TaskRecord,
} from '../../db/queries/work-lists.ts';
import { instant, iso, isoOrNull } from './common.ts';

export const taskSchema = z
  .object({
    id: z.number().int(),
    reference: z.string().describe('the complaint'),
    kind: z.string().describe('call_customer, follow_up, …'),
    title: z.string(),
    dueAt: instant().nullable(),
    createdAt: instant(),
    doneAt: instant().nullable(),
    doneBy: z.string().nullable(),
    note: z.string().nullable(),
    departmentId: z.string().nullable().describe('a coordination task: for this department'),
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'Task' });

export const notificationSchema = z
  .object({
    id: z.number().int(),
    reference: z.string().nullable(),
    kind: z.string(),
    message: z.string().describe('the notice in English'),
    data: z
      .record(z.string(), z.string())
      .nullable()
      .describe(
        'what the notice is about (clock, dueAt, author, excerpt), to say it in any language',
      ),
    createdAt: instant(),
  })
  .meta({ id: 'Notification' });

export const listedMessageSchema = z
  .object({
    id: z.number().int(),
    reference: z.string(),
    kind: z.string().nullable().describe('the communication kind'),
    subject: z.string().nullable(),
    to: z.string().nullable(),
    status: z.string(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: instant(),
    postedAt: instant().nullable(),
  })
  .meta({ id: 'OutgoingMessage' });

export const taskListSchema = z.object({ items: z.array(taskSchema) }).meta({ id: 'TaskList' });
export const notificationListSchema = z
  .object({ items: z.array(notificationSchema) })
  .meta({ id: 'NotificationList' });
export const outgoingListSchema = z
  .object({ items: z.array(listedMessageSchema) })
  .meta({ id: 'OutgoingMessageList' });
export const letterPostedSchema = z
  .object({ ok: z.boolean(), postedAt: instant() })
  .meta({ id: 'LetterPosted' });

export const presentTask = (t: TaskRecord): z.infer<typeof taskSchema> => ({
  id: Number(t.id),
  reference: t.reference,
  kind: t.kind,
  title: t.title,
  dueAt: isoOrNull(t.due_at),
  createdAt: iso(t.created_at),
  doneAt: isoOrNull(t.done_at),
  doneBy: t.done_by,
  note: t.note,
  departmentId: t.department_id,
  createdBy: t.created_by,
});

export const presentNotification = (n: NotificationRecord): z.infer<typeof notificationSchema> => ({
  id: Number(n.id),
  reference: n.reference,
  kind: n.kind,
  message: n.message,
  data: n.data,
  createdAt: iso(n.created_at),
});

export const presentListedMessage = (
  m: ListedMessageRecord,
): z.infer<typeof listedMessageSchema> => ({
  id: Number(m.id),
  reference: m.reference,
  kind: m.kind,
  subject: m.subject,
  to: m.to_address,
  status: m.status,
  attempts: m.attempts,
  lastError: m.last_error,
  createdAt: iso(m.created_at),
  postedAt: isoOrNull(m.posted_at),
});

export const presenceSchema = z
  .object({
    others: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        mode: z.enum(['viewing', 'editing']),
        seenAt: instant(),
      }),
    ),
  })
  .describe('the other staff seen on the complaint in the last 45 seconds, editing first')
  .meta({ id: 'Presence' });

export const taskCreatedSchema = z.object({ id: z.number().int() }).meta({ id: 'TaskCreated' });

// Staff work lists: call tasks, notifications, the outbox's problems and the letters to post.
// The lists are read models (src/db/queries/work-lists.ts); src/http/presenters/work.ts shapes
// them for the API.
import type { Db } from '../../db/client.ts';
import {
  letters,
  letterToPrint,
  outboxProblems,
  tasks,
  unreadNotifications,
  type ListedMessageRecord,
  type NotificationRecord,
  type TaskRecord,
} from '../../db/queries/work-lists.ts';
import { findComplaint, lockComplaintById } from '../../db/repositories/complaints.ts';
import { departmentExists } from '../../db/repositories/departments.ts';
import { insertTask, taskScope } from '../../db/repositories/tasks.ts';
import { canSeeComplaint } from '../../domain/access/complaint-access.ts';
import {
  letterComplaintId,
  lockLetterStatus,
  markLetterPosted as setLetterPosted,
  markNotificationRead as setNotificationRead,
  markTaskDone,
} from '../../db/repositories/work-items.ts';
import type { Kind } from '../../domain/communications/variables.ts';
import { renderLetterPdf } from '../../letters/letter-pdf.ts';
import { enclosurePdfs } from '../../letters/scheme-leaflet.ts';
import { appendEvents } from '../../db/repositories/events.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';

interface Caller {
  id: string;
  role: string;
  departmentId?: string | null;
}

/** A department member's scope: only their department's tasks (and its complaints'). */
const departmentScope = (user: Caller): string | null | undefined =>
  user.role === 'department_member' ? (user.departmentId ?? null) : undefined;

export function listTasks(deps: { db: Db }, user: Caller, open: boolean): Promise<TaskRecord[]> {
  return tasks(deps.db, open, departmentScope(user));
}

export async function completeTask(
  deps: { db: Db; now: () => Date },
  user: Caller,
  input: { id: number; note?: string | undefined },
): Promise<void> {
  const scope = departmentScope(user);
  if (scope !== undefined) {
    const task = await taskScope(deps.db, input.id);
    // Another department's task answers as absent: a member learns nothing of it.
    if (!task || !scope || (task.department_id !== scope && task.complaint_department_id !== scope))
      throw new AppError('TASK.NOT_FOUND', `no open task ${input.id}`);
  }
  if (!(await markTaskDone(deps.db, input.id, user.id, input.note ?? null, deps.now()))) {
    throw new AppError('TASK.NOT_FOUND', `no open task ${input.id}`);
  }
}

export interface NewTaskInput {
  reference: string;
  title: string;
  /** A coordination task: for this department's members. */
  departmentId?: string | undefined;
  dueAt?: Date | undefined;
  note?: string | undefined;
}

/** A handler asks a department (or a colleague) for something on a complaint: a task. */
export async function createTask(
  deps: { db: Db; now: () => Date },
  user: Caller,
  input: NewTaskInput,
): Promise<number> {
  const row = await findComplaint(deps.db, input.reference);
  if (!row || !canSeeComplaint(user, { departmentId: row.department_id })) {
    throw new AppError('COMPLAINT.NOT_FOUND', `no complaint ${input.reference}`);
  }
  if (input.departmentId && !(await departmentExists(deps.db, input.departmentId))) {
    throw new AppError('COMPLAINT.UNKNOWN_REFERENCE', `no department "${input.departmentId}"`);
  }
  return insertTask(deps.db, {
    complaintId: row.id,
    kind: input.departmentId ? 'coordinate' : 'follow_up',
    title: input.title,
    dueAt: input.dueAt ?? null,
    note: input.note ?? null,
    createdAt: deps.now(),
    departmentId: input.departmentId ?? null,
    createdBy: user.id,
  });
}

export function listNotifications(deps: { db: Db }, user: Caller): Promise<NotificationRecord[]> {
  return unreadNotifications(deps.db, user);
}

export async function markNotificationRead(
  deps: { db: Db; now: () => Date },
  user: Caller,
  id: number,
): Promise<void> {
  if (!(await setNotificationRead(deps.db, user, id, deps.now()))) {
    throw new AppError('NOTIFICATION.NOT_FOUND', `no unread notification ${id}`);
  }
}

/** Emails that failed, or whose sending was interrupted: for an administrator to act on. */
export function listOutboxProblems(deps: { db: Db }): Promise<ListedMessageRecord[]> {
  return outboxProblems(deps.db);
}

export function listLetters(
  deps: { db: Db },
  status: 'awaiting_print' | 'posted',
): Promise<ListedMessageRecord[]> {
  return letters(deps.db, status);
}

/** A handler marks a printed letter as posted; the date is recorded on the complaint. */
export async function markLetterPosted(
  deps: { db: Db },
  user: Caller,
  input: { id: number; postedAt: Date },
): Promise<void> {
  const { id, postedAt } = input;
  await deps.db.transaction(async (tx) => {
    const complaintId = await letterComplaintId(tx, id);
    if (complaintId === null) throw new AppError('LETTER.NOT_FOUND', `no letter ${id}`);
    // The complaint first, then the letter: the order every change of a complaint locks in.
    const row = (await lockComplaintById(tx, complaintId))!;
    const status = await lockLetterStatus(tx, id);
    if (status !== 'awaiting_print') {
      throw new AppError('LETTER.ALREADY_POSTED', `letter ${id} is ${status}`);
    }
    await setLetterPosted(tx, id, postedAt);
    await appendEvents(tx, row.reference, row.id, [
      { type: 'letter_posted', actor: user, at: postedAt, public: true, data: { messageId: id } },
    ]);
  });
}

/** A letter as the PDF that is printed and posted (rendered from the stored message). */
export async function letterPdf(
  deps: { db: Db; policies: PolicyRegistry },
  id: number,
): Promise<{ pdf: Buffer; filename: string }> {
  const m = await letterToPrint(deps.db, id);
  if (!m) throw new AppError('LETTER.NOT_FOUND', `no letter ${id}`);
  const policy = deps.policies.version(m.policy_id, m.policy_version);
  const pdf = await renderLetterPdf({
    composed: {
      subject: m.subject ?? m.reference,
      text: m.body_text,
      ...(m.body_html ? { html: m.body_html } : {}),
    },
    organisation: policy.organisation ?? { name: policy.name },
    recipient: { name: m.name, address: m.address },
    reference: m.reference,
    date: m.created_at,
    language: m.language === 'vi' ? 'vi' : 'en',
    timezone: policy.timezone,
    // The leaflet a letter encloses is printed with it (its own pages after the letter's).
    enclosures: m.kind
      ? (await enclosurePdfs(policy, m.kind as Kind, m.created_at)).map((e) => e.pdf)
      : [],
  });
  return { pdf, filename: `${m.reference}-letter-${id}.pdf` };
}

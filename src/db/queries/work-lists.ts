// Staff work lists as read models: call tasks, notifications, emails with problems, letters.
import type { Queryable } from '../client.ts';

export interface TaskRecord {
  id: number;
  reference: string;
  kind: string;
  title: string;
  due_at: Date | null;
  created_at: Date;
  done_at: Date | null;
  done_by: string | null;
  note: string | null;
  department_id: string | null;
  created_by: string | null;
}

const TASK_COLUMNS = `t.id, c.reference, t.kind, t.title, t.due_at, t.created_at, t.done_at,
  t.done_by, t.note, t.department_id, t.created_by`;

/** Open (or done) tasks; with `departmentId`, only those for that department or on its
 *  complaints (what a department member may see). */
export async function tasks(
  db: Queryable,
  open: boolean,
  departmentId?: string | null,
): Promise<TaskRecord[]> {
  const scoped = departmentId !== undefined;
  const r = await db.query<TaskRecord>(
    `select ${TASK_COLUMNS}
       from tasks t join complaints c on c.id = t.complaint_id
      where ${open ? 't.done_at is null' : 't.done_at is not null'}
        ${scoped ? 'and (t.department_id = $1 or c.department_id = $1)' : ''}
      order by t.due_at nulls last, t.id limit 500`,
    scoped ? [departmentId] : [],
  );
  return r.rows;
}

/** Every task of one complaint, open ones first. */
export async function tasksOfComplaint(db: Queryable, complaintId: number): Promise<TaskRecord[]> {
  const r = await db.query<TaskRecord>(
    `select ${TASK_COLUMNS}
       from tasks t join complaints c on c.id = t.complaint_id
      where t.complaint_id = $1
      order by t.done_at is not null, t.due_at nulls last, t.id`,
    [complaintId],
  );
  return r.rows;
}

export interface NotificationRecord {
  id: number;
  reference: string | null;
  kind: string;
  message: string;
  data: Record<string, string> | null;
  created_at: Date;
}

/** The unread notifications of a user: their own, and those to everyone with their role. */
export async function unreadNotifications(
  db: Queryable,
  user: { id: string; role: string },
): Promise<NotificationRecord[]> {
  const r = await db.query<NotificationRecord>(
    `select n.id, c.reference, n.kind, n.message, n.data, n.created_at from notifications n
       left join complaints c on c.id = n.complaint_id
      where n.read_at is null and (n.user_id = $1 or (n.user_id is null and n.role = $2))
      order by n.created_at desc, n.id desc limit 200`,
    [user.id, user.role],
  );
  return r.rows;
}

export interface ListedMessageRecord {
  id: number;
  reference: string;
  kind: string | null;
  subject: string | null;
  to_address: string | null;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  posted_at: Date | null;
}

const LISTED = `m.id, c.reference, m.kind, m.subject, m.to_address, m.status, m.attempts,
  m.last_error, m.created_at, m.posted_at`;

/** Emails that failed, or whose sending was interrupted. */
export async function outboxProblems(db: Queryable): Promise<ListedMessageRecord[]> {
  const r = await db.query<ListedMessageRecord>(
    `select ${LISTED} from messages m join complaints c on c.id = m.complaint_id
      where m.status in ('failed', 'unknown') order by m.id desc limit 500`,
  );
  return r.rows;
}

export async function letters(
  db: Queryable,
  status: 'awaiting_print' | 'posted',
): Promise<ListedMessageRecord[]> {
  const r = await db.query<ListedMessageRecord>(
    `select ${LISTED} from messages m join complaints c on c.id = m.complaint_id
      where m.channel = 'letter' and m.status = $1 order by m.created_at, m.id limit 1000`,
    [status],
  );
  return r.rows;
}

export interface LetterRecord {
  subject: string | null;
  body_text: string;
  body_html: string | null;
  created_at: Date;
  reference: string;
  policy_id: string;
  policy_version: number;
  name: string;
  address: string[];
  language: string;
  /** The communication kind (its enclosures depend on it). */
  kind: string | null;
}

/** A letter with what its printed page needs: the complaint's policy and the recipient. */
export async function letterToPrint(db: Queryable, id: number): Promise<LetterRecord | null> {
  const r = await db.query<LetterRecord>(
    `select m.subject, m.body_text, m.body_html, m.created_at, m.kind, c.reference, c.policy_id,
            c.policy_version, cu.name, cu.address, cu.language
       from messages m join complaints c on c.id = m.complaint_id
       join customers cu on cu.id = c.customer_id
      where m.id = $1 and m.channel = 'letter'`,
    [id],
  );
  return r.rows[0] ?? null;
}

// Staff work lists: call tasks, notifications, the outbox's problems and the letters to post.
import type { Db } from '../../db/client.ts';
import { lockComplaintById } from '../../db/repositories/complaints.ts';
import { appendEvents } from '../audit.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { renderLetterPdf } from '../../letters/letter-pdf.ts';

export async function listTasks(db: Db, open: boolean) {
  const r = await db.query<{
    id: number;
    reference: string;
    kind: string;
    title: string;
    due_at: Date | null;
    created_at: Date;
    done_at: Date | null;
    done_by: string | null;
    note: string | null;
  }>(
    `select t.*, c.reference from tasks t join complaints c on c.id = t.complaint_id
     where ${open ? 't.done_at is null' : 't.done_at is not null'} order by t.due_at nulls last, t.id limit 500`,
  );
  return r.rows.map((t) => ({
    id: t.id,
    reference: t.reference,
    kind: t.kind,
    title: t.title,
    dueAt: t.due_at?.toISOString() ?? null,
    createdAt: t.created_at.toISOString(),
    doneAt: t.done_at?.toISOString() ?? null,
    doneBy: t.done_by,
    note: t.note,
  }));
}

export async function completeTask(
  db: Db,
  user: { id: string },
  id: number,
  note: string | undefined,
  now: Date,
) {
  const r = await db.query(
    'update tasks set done_at = $2, done_by = $3, note = coalesce($4, note) where id = $1 and done_at is null',
    [id, now, user.id, note ?? null],
  );
  if (r.rowCount === 0) throw new AppError('TASK.NOT_FOUND', `no open task ${id}`);
}

export async function listNotifications(db: Db, user: { id: string; role: string }) {
  const r = await db.query<{
    id: number;
    reference: string | null;
    kind: string;
    message: string;
    created_at: Date;
  }>(
    `select n.id, c.reference, n.kind, n.message, n.created_at from notifications n
     left join complaints c on c.id = n.complaint_id
     where n.read_at is null and (n.user_id = $1 or (n.user_id is null and n.role = $2))
     order by n.created_at desc, n.id desc limit 200`,
    [user.id, user.role],
  );
  return r.rows.map((n) => ({
    id: n.id,
    reference: n.reference,
    kind: n.kind,
    message: n.message,
    createdAt: n.created_at.toISOString(),
  }));
}

export async function markNotificationRead(
  db: Db,
  user: { id: string; role: string },
  id: number,
  now: Date,
) {
  const r = await db.query(
    'update notifications set read_at = $2 where id = $1 and read_at is null and (user_id = $3 or (user_id is null and role = $4))',
    [id, now, user.id, user.role],
  );
  if (r.rowCount === 0)
    throw new AppError('NOTIFICATION.NOT_FOUND', `no unread notification ${id}`);
}

interface MessageListRow {
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

const presentListed = (m: MessageListRow) => ({
  id: m.id,
  reference: m.reference,
  kind: m.kind,
  subject: m.subject,
  to: m.to_address,
  status: m.status,
  attempts: m.attempts,
  lastError: m.last_error,
  createdAt: m.created_at.toISOString(),
  postedAt: m.posted_at?.toISOString() ?? null,
});

/** Emails that failed, or whose sending was interrupted: for an administrator to act on. */
export async function listOutboxProblems(db: Db) {
  const r = await db.query<MessageListRow>(
    `select m.*, c.reference from messages m join complaints c on c.id = m.complaint_id
     where m.status in ('failed', 'unknown') order by m.id desc limit 500`,
  );
  return r.rows.map(presentListed);
}

export async function listLetters(db: Db, status: 'awaiting_print' | 'posted') {
  const r = await db.query<MessageListRow>(
    `select m.*, c.reference from messages m join complaints c on c.id = m.complaint_id
     where m.channel = 'letter' and m.status = $1 order by m.created_at, m.id limit 1000`,
    [status],
  );
  return r.rows.map(presentListed);
}

/** A handler marks a printed letter as posted; the date is recorded on the complaint. */
export async function markLetterPosted(
  db: Db,
  user: { id: string; role: string },
  id: number,
  postedAt: Date,
) {
  await db.transaction(async (tx) => {
    const m = (
      await tx.query<{ complaint_id: number; status: string }>(
        `select complaint_id, status from messages where id = $1 and channel = 'letter'`,
        [id],
      )
    ).rows[0];
    if (!m) throw new AppError('LETTER.NOT_FOUND', `no letter ${id}`);
    const row = (await lockComplaintById(tx, m.complaint_id))!;
    const current = (
      await tx.query<{ status: string }>('select status from messages where id = $1 for update', [
        id,
      ])
    ).rows[0]!;
    if (current.status !== 'awaiting_print')
      throw new AppError('LETTER.ALREADY_POSTED', `letter ${id} is ${current.status}`);
    await tx.query(
      `update messages set status = 'posted', posted_at = $2, sent_at = $2 where id = $1`,
      [id, postedAt],
    );
    await appendEvents(tx, row.reference, row.id, [
      { type: 'letter_posted', actor: user, at: postedAt, public: true, data: { messageId: id } },
    ]);
  });
}

/** A letter as the PDF that is printed and posted (rendered from the stored message). */
export async function letterPdf(
  db: Db,
  policies: PolicyRegistry,
  id: number,
): Promise<{ pdf: Buffer; filename: string }> {
  const r = await db.query<{
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
  }>(
    `select m.subject, m.body_text, m.body_html, m.created_at, c.reference, c.policy_id, c.policy_version,
            cu.name, cu.address, cu.language
     from messages m join complaints c on c.id = m.complaint_id join customers cu on cu.id = c.customer_id
     where m.id = $1 and m.channel = 'letter'`,
    [id],
  );
  const m = r.rows[0];
  if (!m) throw new AppError('LETTER.NOT_FOUND', `no letter ${id}`);
  const policy = policies.version(m.policy_id, m.policy_version);
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
  });
  return { pdf, filename: `${m.reference}-letter-${id}.pdf` };
}

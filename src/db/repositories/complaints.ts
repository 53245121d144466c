// Complaints, their customers and their clock instances, as rows.
import type { Queryable } from '../client.ts';
import type { ComplaintSnapshot } from '../../domain/complaint/lifecycle.ts';
import type {
  Channel,
  ComplaintFlag,
  ComplaintState,
  Outcome,
} from '../../domain/complaint/states.ts';
import { earliestOpenDue, type ClockInstance } from '../../domain/clocks/policy-clocks.ts';
import { syncScheduledActions } from './scheduled-actions.ts';

export interface ComplaintRow {
  id: number;
  reference: string;
  policy_id: string;
  policy_version: number;
  status: ComplaintState;
  previous_status: ComplaintState | null;
  is_open: boolean;
  escalation_level: number;
  flags: ComplaintFlag[];
  channel: Channel;
  received_at: Date;
  customer_id: string;
  language: string;
  subject: string;
  description: string;
  product: string | null;
  category: string | null;
  remedy_sought: string | null;
  immediate_action: string | null;
  people_involved: string[];
  departments_involved: string[];
  subject_user_ids: string[];
  assignee_id: string | null;
  department_id: string | null;
  response_approved: boolean;
  outcome: Outcome | null;
  root_cause: string | null;
  summary: string | null;
  lessons_learned: string | null;
  redress: ComplaintSnapshot['redress'];
  adr: ComplaintSnapshot['adr'];
  satisfaction: number | null;
  satisfaction_comment: string | null;
  tracking_token_hash: string;
  next_due_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  row_version: number;
}

export interface CustomerRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string[];
  preferred_contact: 'email' | 'post' | 'phone' | 'portal';
  language: string;
  needs: string | null;
  vulnerable: boolean;
  created_at: Date;
  anonymised_at: Date | null;
}

export interface ClockRow {
  id: number;
  complaint_id: number;
  name: string;
  started_at: Date;
  due_at: Date | null;
  warn_at: Date[];
  pauses: { from: number; to: number | null }[];
  stopped_at: Date | null;
  status: 'running' | 'paused' | 'met' | 'breached';
  breached_at: Date | null;
}

export function snapshotOf(r: ComplaintRow): ComplaintSnapshot {
  return {
    state: r.status,
    ...(r.previous_status ? { previousState: r.previous_status } : {}),
    escalationLevel: r.escalation_level,
    flags: [...r.flags],
    channel: r.channel,
    subjectUserIds: [...r.subject_user_ids],
    assigneeId: r.assignee_id,
    departmentId: r.department_id,
    responseApproved: r.response_approved,
    outcome: r.outcome,
    rootCause: r.root_cause,
    summary: r.summary,
    lessonsLearned: r.lessons_learned,
    adr: r.adr ?? null,
    redress: r.redress ?? null,
  };
}

/** Writes a snapshot's fields back onto its row. */
export async function updateComplaintSnapshot(
  tx: Queryable,
  id: number,
  s: ComplaintSnapshot,
  isOpen: boolean,
  now: Date,
  extra: { satisfaction?: number | null; satisfactionComment?: string | null } = {},
): Promise<void> {
  await tx.query(
    `update complaints set status = $2, previous_status = $3, is_open = $4, escalation_level = $5,
       flags = $6, assignee_id = $7, department_id = $8, response_approved = $9, outcome = $10,
       root_cause = $11, summary = $12, lessons_learned = $13, adr = $14, redress = $15,
       satisfaction = coalesce($16, satisfaction), satisfaction_comment = coalesce($17, satisfaction_comment),
       updated_at = $18, closed_at = case when $2 = 'closed' then $18 else closed_at end,
       row_version = row_version + 1
     where id = $1`,
    [
      id,
      s.state,
      s.previousState ?? null,
      isOpen,
      s.escalationLevel,
      s.flags,
      s.assigneeId ?? null,
      s.departmentId ?? null,
      s.responseApproved,
      s.outcome ?? null,
      s.rootCause ?? null,
      s.summary ?? null,
      s.lessonsLearned ?? null,
      s.adr ? JSON.stringify(s.adr) : null,
      s.redress ? JSON.stringify(s.redress) : null,
      extra.satisfaction ?? null,
      extra.satisfactionComment ?? null,
      now,
    ],
  );
}

export async function lockComplaint(
  tx: Queryable,
  reference: string,
): Promise<ComplaintRow | null> {
  const r = await tx.query<ComplaintRow>(
    'select * from complaints where reference = $1 for update',
    [reference],
  );
  return r.rows[0] ?? null;
}

export async function lockComplaintById(tx: Queryable, id: number): Promise<ComplaintRow | null> {
  const r = await tx.query<ComplaintRow>('select * from complaints where id = $1 for update', [id]);
  return r.rows[0] ?? null;
}

export async function findComplaint(
  db: Queryable,
  reference: string,
): Promise<ComplaintRow | null> {
  const r = await db.query<ComplaintRow>('select * from complaints where reference = $1', [
    reference,
  ]);
  return r.rows[0] ?? null;
}

export async function findCustomer(db: Queryable, id: string): Promise<CustomerRow | null> {
  const r = await db.query<CustomerRow>('select * from customers where id = $1', [id]);
  return r.rows[0] ?? null;
}

export async function clocksOf(db: Queryable, complaintId: number): Promise<ClockRow[]> {
  const r = await db.query<ClockRow>(
    'select * from clock_instances where complaint_id = $1 order by started_at, id',
    [complaintId],
  );
  return r.rows;
}

/** Writes the replayed clocks of a complaint and its queue order (earliest open due). */
export async function saveClocks(
  tx: Queryable,
  complaintId: number,
  clocks: readonly ClockInstance[],
): Promise<Date | null> {
  if (clocks.length > 0) {
    const values: unknown[] = [];
    const tuples = clocks.map((c, i) => {
      values.push(
        complaintId,
        c.name,
        c.startedAt,
        c.dueAt,
        c.warnAt,
        JSON.stringify(c.pauses),
        c.stoppedAt,
        c.status,
      );
      const b = i * 8;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::timestamptz[], $${b + 6}::jsonb, $${b + 7}, $${b + 8})`;
    });
    await tx.query(
      `insert into clock_instances (complaint_id, name, started_at, due_at, warn_at, pauses, stopped_at, status)
       values ${tuples.join(', ')}
       on conflict (complaint_id, name) do update set started_at = excluded.started_at,
         due_at = excluded.due_at, warn_at = excluded.warn_at, pauses = excluded.pauses,
         stopped_at = excluded.stopped_at, status = excluded.status`,
      values,
    );
  }
  await syncScheduledActions(tx, complaintId, clocks);
  const next = earliestOpenDue(clocks);
  await tx.query('update complaints set next_due_at = $2 where id = $1', [complaintId, next]);
  return next;
}

/** The complaint's state-changing history, oldest first, for replaying its clocks. */
export async function timelineOf(
  tx: Queryable,
  complaintId: number,
): Promise<{ type: string; at: Date; toState: ComplaintState }[]> {
  const r = await tx.query<{ type: string; at: Date; to_state: ComplaintState | null }>(
    `select type, at, data->>'toState' as to_state from events where complaint_id = $1 order by stream_seq`,
    [complaintId],
  );
  // Events of the scheduler and the outbox change no state: they carry the last one forward.
  let state: ComplaintState = 'received';
  return r.rows.map((e) => {
    state = e.to_state ?? state;
    return { type: e.type, at: e.at, toState: state };
  });
}

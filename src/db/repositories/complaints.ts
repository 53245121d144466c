// Complaints as rows: registered in batches, read, locked for a change, written back.
import type { Queryable } from '../client.ts';
import { jsonPart, type WritePart } from '../write-parts.ts';
import type { ComplaintSnapshot } from '../../domain/complaint/snapshot.ts';
import type {
  Channel,
  ComplaintFlag,
  ComplaintState,
  Outcome,
} from '../../domain/complaint/states.ts';

/** The ISO 10004-style answers of the satisfaction survey, each 1 to 5 (`overall` = the score). */
export interface SatisfactionAnswers {
  keptInformed?: number;
  speed?: number;
  fairness?: number;
  overall: number;
}

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
  classification: ComplaintSnapshot['classification'];
  adr: ComplaintSnapshot['adr'];
  satisfaction: number | null;
  satisfaction_comment: string | null;
  tracking_token_hash: string;
  /** The tracking token sealed (src/app/sealed.ts), so its link can be given again; null for
   *  complaints registered before it was kept, and once anonymised. */
  tracking_token_sealed: string | null;
  /** When the satisfaction survey was sent (at most once). */
  survey_sent_at?: Date | null;
  satisfaction_answers?: SatisfactionAnswers | null;
  anonymised_at?: Date | null;
  next_due_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  row_version: number;
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
    classification: r.classification ?? null,
  };
}

/** Writes a snapshot's fields back onto its row. */
export async function updateComplaintSnapshot(
  tx: Queryable,
  id: number,
  s: ComplaintSnapshot,
  isOpen: boolean,
  now: Date,
  extra: {
    satisfaction?: number | null;
    satisfactionComment?: string | null;
    satisfactionAnswers?: SatisfactionAnswers | null;
  } = {},
): Promise<void> {
  await tx.query(
    `update complaints set status = $2, previous_status = $3, is_open = $4, escalation_level = $5,
       flags = $6, assignee_id = $7, department_id = $8, response_approved = $9, outcome = $10,
       root_cause = $11, summary = $12, lessons_learned = $13, adr = $14, redress = $15,
       classification = $19,
       satisfaction = coalesce($16, satisfaction), satisfaction_comment = coalesce($17, satisfaction_comment),
       satisfaction_answers = coalesce($20::jsonb, satisfaction_answers),
       updated_at = $18,
       -- Closed when it comes to be closed: an action on a closed complaint (a rating, a
       -- classification, a note) leaves when it closed, and so its report period, as it was.
       closed_at = case when $2 = 'closed' and (status <> 'closed' or closed_at is null) then $18
                        else closed_at end,
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
      s.classification ? JSON.stringify(s.classification) : null,
      extra.satisfactionAnswers ? JSON.stringify(extra.satisfactionAnswers) : null,
    ],
  );
}

/** Marks the survey sent; false when it already was (at most once per complaint). */
export async function markSurveySent(tx: Queryable, id: number, at: Date): Promise<boolean> {
  const r = await tx.query(
    'update complaints set survey_sent_at = $2 where id = $1 and survey_sent_at is null',
    [id, at],
  );
  return r.rowCount > 0;
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

export async function findComplaintById(q: Queryable, id: number): Promise<ComplaintRow | null> {
  const r = await q.query<ComplaintRow>('select * from complaints where id = $1', [id]);
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

/** Locks several complaints (in id order, so two workers never wait on each other in a cycle). */
export async function lockComplaintsByIds(tx: Queryable, ids: number[]): Promise<ComplaintRow[]> {
  const r = await tx.query<ComplaintRow>(
    'select * from complaints where id = any($1::bigint[]) order by id for update',
    [ids],
  );
  return r.rows;
}

/** How much of a complaint's messages the search index reads (see migration 0007). */
export const SEARCH_TEXT_CHARS = 100_000;

/** Adds text to what the complaint's full-text search covers (a message's body), up to
 *  SEARCH_TEXT_CHARS: the index reads no further, so text beyond it is not kept twice. */
export async function appendSearchText(tx: Queryable, id: number, text: string): Promise<void> {
  await tx.query(
    `update complaints set messages_text = left(messages_text || ' ' || $2, ${SEARCH_TEXT_CHARS})
     where id = $1`,
    [id, text],
  );
}

export async function touchComplaint(tx: Queryable, id: number, at: Date): Promise<void> {
  await tx.query('update complaints set updated_at = $2 where id = $1', [id, at]);
}

/**
 * `count` keys for new complaints: a number for each reference (the complaint_number sequence)
 * and the row's id (its identity sequence), taken ahead so a batch is written in one statement.
 */
export async function nextComplaintKeys(
  q: Queryable,
  count: number,
): Promise<{ number: string; id: number }[]> {
  const r = await q.query<{ n: string; id: number }>(
    `select nextval('complaint_number')::text as n,
       nextval(pg_get_serial_sequence('complaints', 'id')) as id
     from generate_series(1, $1::int)`,
    [count],
  );
  return r.rows.map((row) => ({ number: row.n, id: Number(row.id) }));
}

export interface NewComplaint {
  id: number;
  reference: string;
  policyId: string;
  policyVersion: number;
  channel: Channel;
  receivedAt: Date;
  customerId: string;
  language: string;
  subject: string;
  description: string;
  product: string | null;
  category: string | null;
  remedySought: string | null;
  immediateAction: string | null;
  peopleInvolved: string[];
  departmentsInvolved: string[];
  subjectUserIds: string[];
  assigneeId: string | null;
  departmentId: string | null;
  trackingTokenHash: string;
  trackingTokenSealed: string;
  createdBy: string | null;
  nextDueAt: Date | null;
}

/** New complaints in state `received`, with their ids taken ahead, as a write part. */
export function complaintsPart(complaints: readonly NewComplaint[]): WritePart {
  return jsonPart(
    complaints.map((c) => ({
      id: c.id,
      reference: c.reference,
      policy_id: c.policyId,
      policy_version: c.policyVersion,
      channel: c.channel,
      received_at: c.receivedAt,
      customer_id: c.customerId,
      language: c.language,
      subject: c.subject,
      description: c.description,
      product: c.product,
      category: c.category,
      remedy_sought: c.remedySought,
      immediate_action: c.immediateAction,
      people_involved: c.peopleInvolved,
      departments_involved: c.departmentsInvolved,
      subject_user_ids: c.subjectUserIds,
      assignee_id: c.assigneeId,
      department_id: c.departmentId,
      tracking_token_hash: c.trackingTokenHash,
      tracking_token_sealed: c.trackingTokenSealed,
      created_by: c.createdBy,
      next_due_at: c.nextDueAt,
    })),
    (p) =>
      `insert into complaints (id, reference, policy_id, policy_version, status, channel, received_at,
         customer_id, language, subject, description, product, category, remedy_sought, immediate_action,
         people_involved, departments_involved, subject_user_ids, assignee_id, department_id,
         tracking_token_hash, tracking_token_sealed, created_by, next_due_at)
       overriding system value
       select id, reference, policy_id, policy_version, 'received', channel, received_at, customer_id,
         language, subject, description, product, category, remedy_sought, immediate_action,
         people_involved, departments_involved, subject_user_ids, assignee_id, department_id,
         tracking_token_hash, tracking_token_sealed, created_by, next_due_at
       from jsonb_to_recordset(${p}::jsonb) as r(id bigint, reference text, policy_id text,
         policy_version integer, channel text, received_at timestamptz, customer_id text, language text,
         subject text, description text, product text, category text, remedy_sought text,
         immediate_action text, people_involved jsonb, departments_involved text[],
         subject_user_ids text[], assignee_id text, department_id text, tracking_token_hash text,
         tracking_token_sealed text, created_by text, next_due_at timestamptz)`,
  );
}

/** Moves a complaint onto another customer (confirmed by staff to be the same person). */
export async function setComplaintCustomer(
  tx: Queryable,
  complaintId: number,
  customerId: string,
): Promise<void> {
  await tx.query('update complaints set customer_id = $2 where id = $1', [complaintId, customerId]);
}

// The queue: complaints filtered, searched and ordered by next due (or by receipt), one page
// at a time by keyset. Benchmarked (npm run bench:queue): keep the plan's shape.
import type { Queryable } from '../client.ts';
import type { ComplaintRow } from '../repositories/complaints.ts';
import type { Channel, ComplaintFlag, ComplaintState } from '../../domain/complaint/states.ts';

export interface QueueFilter {
  /** Only this department's complaints (a department member's own). */
  scopeDepartment?: string;
  status?: ComplaintState[];
  open?: boolean;
  department?: string;
  /** A user id, or null for complaints nobody is assigned. */
  assignee?: string | null;
  policy?: string;
  flag?: ComplaintFlag[];
  /** With any flag (true) or none (false). */
  flagged?: boolean;
  channel?: Channel[];
  /** true: open and past its next due; false: not past it (or nothing due). */
  overdue?: boolean;
  dueBefore?: Date;
  /** A clock of this name still running (or paused) on the complaint. */
  clock?: string;
  receivedFrom?: Date;
  /** Received before this instant. */
  receivedBefore?: Date;
  category?: string;
  /** An open task of one of these kinds on the complaint (a request waiting for a person). */
  openTask?: string[];
  /** Whether a manager approved the proposed response. */
  responseApproved?: boolean;
  search?: string;
}

export type QueueOrder = 'next_due' | 'received' | '-received';

/** Where the previous page ended: its last row's sort key (null: no due instant) and id. */
export interface QueueKey {
  k: string | null;
  id: number;
}

export type QueueRow = ComplaintRow & { customer_name: string };

/** One more row than `limit` when there is a next page. */
export async function queuePage(
  db: Queryable,
  filter: QueueFilter,
  order: QueueOrder,
  limit: number,
  after: QueueKey | null,
  now: Date,
): Promise<QueueRow[]> {
  const { where, params, p } = filterSql(filter, now);
  let sortBy: string;
  if (order === 'next_due') {
    sortBy = 'c.next_due_at asc nulls last, c.id asc';
    if (after) {
      where.push(
        after.k === null
          ? `(c.next_due_at is null and c.id > ${p(after.id)})`
          : `(c.next_due_at > ${p(new Date(after.k))} or (c.next_due_at = ${p(new Date(after.k))} and c.id > ${p(after.id)}) or c.next_due_at is null)`,
      );
    }
  } else {
    const desc = order === '-received';
    sortBy = desc ? 'c.received_at desc, c.id desc' : 'c.received_at asc, c.id asc';
    if (after) {
      const op = desc ? '<' : '>';
      where.push(`(c.received_at, c.id) ${op} (${p(new Date(after.k ?? 0))}, ${p(after.id)})`);
    }
  }
  // The page is chosen from complaints alone, then joined to its customers: joined first, a
  // search matching a thousand complaints was planned as a hash join over every customer
  // (190 ms at a million complaints once no parallel worker was free, against 6 ms this way).
  const sql = `select c.*, cu.name as customer_name from (
      select * from complaints c ${where.length ? `where ${where.join(' and ')}` : ''}
      order by ${sortBy} limit ${p(limit + 1)}
    ) c join customers cu on cu.id = c.customer_id order by ${sortBy}`;
  return (await db.query<QueueRow>(sql, params)).rows;
}

/** The WHERE clause of a filter, its parameters, and the helper that adds more. */
function filterSql(f: QueueFilter, now: Date) {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.scopeDepartment !== undefined) where.push(`c.department_id = ${p(f.scopeDepartment)}`);
  if (f.status) where.push(`c.status = any(${p(f.status)}::text[])`);
  if (f.open !== undefined) where.push(f.open ? 'c.is_open' : 'not c.is_open');
  if (f.department) where.push(`c.department_id = ${p(f.department)}`);
  if (f.assignee === null) where.push('c.assignee_id is null');
  else if (f.assignee !== undefined) where.push(`c.assignee_id = ${p(f.assignee)}`);
  if (f.policy) where.push(`c.policy_id = ${p(f.policy)}`);
  if (f.flag) where.push(`c.flags && ${p(f.flag)}::text[]`);
  if (f.flagged !== undefined) {
    where.push(f.flagged ? 'cardinality(c.flags) > 0' : 'cardinality(c.flags) = 0');
  }
  if (f.channel) where.push(`c.channel = any(${p(f.channel)}::text[])`);
  if (f.overdue === true) where.push(`c.is_open and c.next_due_at <= ${p(now)}`);
  if (f.overdue === false) where.push(`(c.next_due_at is null or c.next_due_at > ${p(now)})`);
  if (f.dueBefore) where.push(`c.next_due_at < ${p(f.dueBefore)}`);
  if (f.search) where.push(`c.search @@ plainto_tsquery('simple', ${p(f.search)})`);

  if (f.clock) {
    where.push(
      `exists (select 1 from clock_instances ci where ci.complaint_id = c.id and ci.name = ${p(f.clock)} and ci.stopped_at is null)`,
    );
  }
  if (f.receivedFrom) where.push(`c.received_at >= ${p(f.receivedFrom)}`);
  if (f.receivedBefore) where.push(`c.received_at < ${p(f.receivedBefore)}`);
  if (f.category) where.push(`c.category = ${p(f.category)}`);
  if (f.openTask) {
    where.push(
      `exists (select 1 from tasks t where t.complaint_id = c.id and t.done_at is null and t.kind = any(${p(f.openTask)}::text[]))`,
    );
  }
  if (f.responseApproved !== undefined) {
    where.push(`c.response_approved = ${p(f.responseApproved)}`);
  }
  return { where, params, p };
}

/** How many complaints match each of several filters, in one pass over the complaints the
 *  filters share (`base`: e.g. open ones). Keyed as the filters are. */
export async function queueCounts(
  db: Queryable,
  base: QueueFilter,
  filters: Record<string, QueueFilter>,
  now: Date,
): Promise<Record<string, number>> {
  const { where, params, p } = filterSql(base, now);
  const names = Object.keys(filters);
  const columns = names.map((name, i) => {
    const own = filterSql(filters[name]!, now);
    // Renumber the filter's own parameters after the shared ones.
    const clause = own.where
      .join(' and ')
      .replace(/\$(\d+)/g, (_, n: string) => p(own.params[Number(n) - 1]));
    return `count(*) filter (where ${clause || 'true'})::int as v${i}`;
  });
  const sql = `select ${columns.join(', ')} from complaints c ${where.length ? `where ${where.join(' and ')}` : ''}`;
  const row = (await db.query<Record<string, number>>(sql, params)).rows[0] ?? {};
  return Object.fromEntries(names.map((name, i) => [name, Number(row[`v${i}`] ?? 0)]));
}

/** The same counts, each filter read by a query of its own (one statement): for filters that
 *  each have an index (the inboxes), where one pass over what they share would read far more. */
export async function queueCountsEach(
  db: Queryable,
  base: QueueFilter,
  filters: Record<string, QueueFilter>,
  now: Date,
): Promise<Record<string, number>> {
  const params: unknown[] = [];
  const names = Object.keys(filters);
  const columns = names.map((name, i) => {
    const own = filterSql({ ...base, ...filters[name]! }, now);
    const clause = own.where.join(' and ').replace(/\$(\d+)/g, (_, n: string) => {
      params.push(own.params[Number(n) - 1]);
      return `$${params.length}`;
    });
    return `(select count(*)::int from complaints c ${clause ? `where ${clause}` : ''}) as v${i}`;
  });
  const row = (await db.query<Record<string, number>>(`select ${columns.join(', ')}`, params))
    .rows[0];
  return Object.fromEntries(names.map((name, i) => [name, Number(row?.[`v${i}`] ?? 0)]));
}

/** The references of every complaint a filter matches (a bulk change's "all of them"), in the
 *  queue's order, at most `limit` + 1 (one more says there were too many). */
export async function queueReferences(
  db: Queryable,
  filter: QueueFilter,
  limit: number,
  now: Date,
): Promise<string[]> {
  const { where, params, p } = filterSql(filter, now);
  const sql = `select c.reference from complaints c ${where.length ? `where ${where.join(' and ')}` : ''}
    order by c.next_due_at asc nulls last, c.id asc limit ${p(limit + 1)}`;
  return (await db.query<{ reference: string }>(sql, params)).rows.map((r) => r.reference);
}

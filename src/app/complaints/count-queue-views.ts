// The queue's saved views (mine, my department, unassigned, overdue, awaiting approval, awaiting
// customer) and the managers' inboxes (responses to approve, escalation requests, deadlock and
// refusal decisions, flagged complaints): each one a query the client puts in its URL, and how
// many complaints it holds for the caller (the saved views in one pass; each inbox from its own
// index).
import type { Queryable } from '../../db/client.ts';
import { queueCounts, queueCountsEach, type QueueFilter } from '../../db/queries/queue.ts';
import type { Actor as ActingUser } from '../../domain/complaint/snapshot.ts';
import { DEADLOCK_TASKS, ESCALATION_TASKS } from '../../domain/complaint/attention.ts';
import { listQuery, queueFilterOf } from './list-complaints.ts';

export const QUEUE_VIEWS = [
  'mine',
  'my-department',
  'unassigned',
  'overdue',
  'awaiting-approval',
  'awaiting-customer',
] as const;
/** The managers' inboxes: what waits for a manager's decision. */
export const INBOX_VIEWS = ['approvals', 'escalations', 'decisions', 'flags'] as const;
export const VIEW_SETS = ['queue', 'inbox'] as const;
export type ViewSet = (typeof VIEW_SETS)[number];
export type QueueView = (typeof QUEUE_VIEWS)[number] | (typeof INBOX_VIEWS)[number];

export interface ViewCount {
  view: QueueView;
  /** The list query that shows the view. */
  query: Record<string, string>;
  count: number;
}

/** The views that mean something for this caller (my department: only with a department). */
export function viewQueries(user: ActingUser): Partial<Record<QueueView, Record<string, string>>> {
  const open = { open: 'true' };
  return {
    mine: { ...open, assignee: user.id },
    ...(user.departmentId ? { 'my-department': { ...open, department: user.departmentId } } : {}),
    unassigned: { ...open, assignee: 'none' },
    overdue: { ...open, overdue: 'true' },
    'awaiting-approval': { ...open, status: 'response_proposed' },
    'awaiting-customer': { ...open, status: 'awaiting_customer' },
  };
}

/** The inboxes: a deadlocked complaint is no longer open, yet its letter waits for a decision. */
export function inboxQueries(): Record<(typeof INBOX_VIEWS)[number], Record<string, string>> {
  return {
    approvals: { open: 'true', status: 'response_proposed', approval: 'pending' },
    escalations: { task: ESCALATION_TASKS.join(',') },
    decisions: { task: DEADLOCK_TASKS.join(',') },
    flags: { open: 'true', flagged: 'true' },
  };
}

/** Each inbox counted by a query of its own, from an index of its own (migration 0015; the
 *  request tasks' index for escalations and decisions): never a pass over every complaint. */
async function countInboxViews(
  deps: { db: Queryable; now: () => Date },
  user: ActingUser,
): Promise<ViewCount[]> {
  const queries = inboxQueries();
  const filters: Record<string, QueueFilter> = {};
  for (const view of INBOX_VIEWS) {
    filters[view] = queueFilterOf({ ...user, role: 'handler' }, listQuery.parse(queries[view]));
  }
  const counts = await queueCountsEach(deps.db, queueFilterOf(user, {}), filters, deps.now());
  return INBOX_VIEWS.map((view) => ({ view, query: queries[view], count: counts[view] ?? 0 }));
}

export async function countQueueViews(
  deps: { db: Queryable; now: () => Date },
  user: ActingUser,
  set: ViewSet = 'queue',
): Promise<ViewCount[]> {
  if (set === 'inbox') return countInboxViews(deps, user);
  const queries = viewQueries(user);
  const filters: Record<string, QueueFilter> = {};
  for (const [view, query] of Object.entries(queries)) {
    // The view's own conditions only: the caller's scope and "open" are the shared base.
    const { open: _open, ...own } = listQuery.parse(query);
    filters[view] = queueFilterOf({ ...user, role: 'handler' }, own);
  }
  const base = queueFilterOf(user, { open: 'true' });
  const counts = await queueCounts(deps.db, base, filters, deps.now());
  return QUEUE_VIEWS.filter((v) => queries[v]).map((view) => ({
    view,
    query: queries[view]!,
    count: counts[view] ?? 0,
  }));
}

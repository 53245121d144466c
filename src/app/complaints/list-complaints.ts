// The queue: complaints filtered, searched and sorted by next due, paged by cursor. Returns
// rows; src/http/presenters/complaint.ts shapes them.
import { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { clocksOfMany, type ClockRow } from '../../db/repositories/clocks.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import {
  queuePage,
  type QueueFilter,
  type QueueKey,
  type QueueRow,
} from '../../db/queries/queue.ts';
import { CHANNELS, FLAGS, STATES } from '../../domain/complaint/states.ts';
import { AppError } from '../errors.ts';
import type { Actor as ActingUser } from '../../domain/complaint/snapshot.ts';

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1));

export const listQuery = z.strictObject({
  status: csv(STATES).optional().describe('comma-separated states'),
  open: z
    .enum(['true', 'false'])
    .optional()
    .describe('only open (true) or only finished (false) complaints'),
  department: z.string().min(1).max(100).optional(),
  assignee: z.string().min(1).max(100).optional().describe('a user id, or "none"'),
  policy: z.string().min(1).max(100).optional(),
  flag: csv(FLAGS).optional(),
  flagged: z.enum(['true', 'false']).optional().describe('with any flag (true) or none (false)'),
  channel: csv(CHANNELS).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueBefore: z.iso.datetime({ offset: true }).optional(),
  clock: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe("only complaints with this clock still open (the clock's name in the policy)"),
  receivedFrom: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('received at or after this instant'),
  receivedBefore: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('received before this instant'),
  category: z.string().min(1).max(200).optional(),
  task: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().regex(/^[a-z][a-z0-9_]*$/, 'a task kind'))
        .min(1)
        .max(20),
    )
    .optional()
    .describe(
      'comma-separated task kinds: only complaints with an open task of one of them (e.g. review_escalation_request)',
    ),
  approval: z
    .enum(['pending', 'approved'])
    .optional()
    .describe('a proposed response not yet approved (pending) or approved'),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('full-text search of subject, description and messages'),
  sort: z.enum(['next_due', 'received', '-received']).default('next_due'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

const encode = (c: QueueKey) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(s: string): QueueKey {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as QueueKey;
    if (!Number.isSafeInteger(c.id) || c.id < 0) throw new Error();
    if (c.k !== null && typeof c.k !== 'string') throw new Error();
    // An instant the database can hold (years 1 to 9999), or the query would fail.
    const at = c.k === null ? 0 : Date.parse(c.k);
    if (!(at >= -62135596800000 && at <= 253402300799999)) throw new Error();
    return c;
  } catch {
    throw new AppError('INPUT.BAD_CURSOR', 'the cursor is not one this server gave out');
  }
}

export interface QueuePage {
  rows: QueueRow[];
  /** The open (running or paused) clocks of the page's complaints, by complaint id. */
  clocks: Map<number, ClockRow[]>;
  /** Each row's policy version. */
  policyOf: (row: QueueRow) => Policy;
  /** Where the next page starts; null on the last page. */
  nextCursor: string | null;
  now: Date;
}

/** What the caller's query selects among the complaints they may see (a department member:
 *  their department's only — the API enforces it, whatever the query asks). */
export function queueFilterOf(user: ActingUser, q: Omit<ListQuery, 'sort' | 'limit'>): QueueFilter {
  return {
    ...(user.role === 'department_member' ? { scopeDepartment: user.departmentId ?? '' } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.open ? { open: q.open === 'true' } : {}),
    ...(q.department ? { department: q.department } : {}),
    ...(q.assignee ? { assignee: q.assignee === 'none' ? null : q.assignee } : {}),
    ...(q.policy ? { policy: q.policy } : {}),
    ...(q.flag ? { flag: q.flag } : {}),
    ...(q.flagged ? { flagged: q.flagged === 'true' } : {}),
    ...(q.channel ? { channel: q.channel } : {}),
    ...(q.overdue ? { overdue: q.overdue === 'true' } : {}),
    ...(q.dueBefore ? { dueBefore: new Date(q.dueBefore) } : {}),
    ...(q.clock ? { clock: q.clock } : {}),
    ...(q.receivedFrom ? { receivedFrom: new Date(q.receivedFrom) } : {}),
    ...(q.receivedBefore ? { receivedBefore: new Date(q.receivedBefore) } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(q.task ? { openTask: q.task } : {}),
    ...(q.approval ? { responseApproved: q.approval === 'approved' } : {}),
    ...(q.q ? { search: q.q } : {}),
  };
}

/** A page of the queue the caller may see, with each complaint's open clocks. */
export async function listComplaints(
  deps: { db: Queryable; policies: PolicyRegistry; now: () => Date },
  user: ActingUser,
  q: ListQuery,
): Promise<QueuePage> {
  const now = deps.now();
  const filter = queueFilterOf(user, q);
  const after = q.cursor ? decode(q.cursor) : null;
  const rows = await queuePage(deps.db, filter, q.sort, q.limit, after, now);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > q.limit && last
      ? encode({
          k:
            q.sort === 'next_due'
              ? (last.next_due_at?.toISOString() ?? null)
              : last.received_at.toISOString(),
          id: last.id,
        })
      : null;
  const clocks = new Map<number, ClockRow[]>();
  if (page.length) {
    for (const c of await clocksOfMany(
      deps.db,
      page.map((r) => r.id),
    )) {
      if (c.stopped_at) continue;
      const list = clocks.get(Number(c.complaint_id)) ?? [];
      list.push(c);
      clocks.set(Number(c.complaint_id), list);
    }
  }
  const policyOf = (r: QueueRow) => deps.policies.version(r.policy_id, r.policy_version);
  return { rows: page, nextCursor, now, clocks, policyOf };
}

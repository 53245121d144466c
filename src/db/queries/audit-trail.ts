// The audit trail as auditors read it: events newest first, filtered by stream (a complaint's
// reference, or 'system'), actor, kind and period, with the actor's name where they are a user.
import type { Queryable } from '../client.ts';

export interface AuditFilter {
  stream?: string | undefined;
  actorId?: string | undefined;
  type?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Only events with a smaller id (the cursor of the page before). */
  beforeId?: number | undefined;
}

export interface AuditEventRecord {
  id: number;
  stream: string;
  stream_seq: number;
  type: string;
  actor_id: string;
  actor_role: string;
  actor_name: string | null;
  at: Date;
  reason: string | null;
  data: unknown;
  redacted_at: Date | null;
  hash: string;
}

export async function auditEvents(
  db: Queryable,
  filter: AuditFilter,
  limit: number,
): Promise<AuditEventRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filter.stream !== undefined) add((p) => `e.stream = ${p}`, filter.stream);
  if (filter.actorId !== undefined) add((p) => `e.actor_id = ${p}`, filter.actorId);
  if (filter.type !== undefined) add((p) => `e.type = ${p}`, filter.type);
  if (filter.from !== undefined) add((p) => `e.at >= ${p}`, filter.from);
  if (filter.to !== undefined) add((p) => `e.at < ${p}`, filter.to);
  if (filter.beforeId !== undefined) add((p) => `e.id < ${p}`, filter.beforeId);
  params.push(limit);
  const r = await db.query<AuditEventRecord>(
    `select e.id, e.stream, e.stream_seq, e.type, e.actor_id, e.actor_role, u.name as actor_name,
            e.at, e.reason, e.data, e.redacted_at, e.hash
       from events e left join users u on u.id = e.actor_id
      ${where.length ? `where ${where.join(' and ')}` : ''}
      order by e.id desc limit $${params.length}`,
    params,
  );
  return r.rows.map((row) => ({ ...row, id: Number(row.id) }));
}

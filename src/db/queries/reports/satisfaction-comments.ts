// The customers' own words on the dashboard: the most recent satisfaction comments of complaints
// closed in the period (the satisfaction report's complaints), latest closed first, with the
// score and when it was given. The facts index of closings finds the commented ones in
// closed_at order; only the few rows shown are read from the complaints and their timelines.
import type { Queryable } from '../../client.ts';
import type { ReportParams } from './report-sql.ts';

export interface SatisfactionCommentRow {
  reference: string;
  policy_id: string;
  score: number;
  comment: string;
  closed_at: Date;
  /** When the customer last rated (their latest `satisfaction_rated` event). */
  rated_at: Date | null;
}

export async function recentSatisfactionComments(
  db: Queryable,
  p: Pick<ReportParams, 'from' | 'to' | 'policyId'>,
  limit: number,
): Promise<SatisfactionCommentRow[]> {
  const r = await db.query<SatisfactionCommentRow>(
    `select f.reference, f.policy_id, f.satisfaction as score, c.satisfaction_comment as comment,
       f.closed_at,
       (select max(e.at) from events e
        where e.complaint_id = f.complaint_id and e.type = 'satisfaction_rated') as rated_at
     from complaint_facts f
       join complaints c on c.id = f.complaint_id
     where f.closed_at >= $1 and f.closed_at < $2 and ($3::text is null or f.policy_id = $3)
       and f.satisfaction is not null and f.satisfaction_commented
       and c.satisfaction_comment is not null
     order by f.closed_at desc, f.complaint_id desc
     limit $4::int`,
    [p.from, p.to, p.policyId, limit],
  );
  return r.rows;
}

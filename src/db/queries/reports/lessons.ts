// The lessons-learned register: each complaint closed in the period with its summary, root
// cause and lesson, searchable by words in any of them.
import type { Queryable } from '../../client.ts';
import type { ReportParams } from './report-sql.ts';

export interface LessonRow {
  reference: string;
  policy_id: string;
  closed_at: Date;
  outcome: string | null;
  root_cause: string | null;
  cause: string | null;
  summary: string | null;
  lessons_learned: string | null;
}

export async function lessonsRegister(
  db: Queryable,
  p: ReportParams,
  search: string | null,
  limit: number,
): Promise<LessonRow[]> {
  const r = await db.query<LessonRow>(
    `select c.reference, c.policy_id, c.closed_at, c.outcome, c.root_cause,
       c.classification->>'causeCode' as cause, c.summary, c.lessons_learned
     from complaints c
     where c.closed_at >= $1 and c.closed_at < $2 and ($3::text is null or c.policy_id = $3)
       and (c.summary is not null or c.lessons_learned is not null or c.root_cause is not null)
       and ($4::text is null or concat_ws(' ', c.summary, c.lessons_learned, c.root_cause, c.reference)
            ilike '%' || replace(replace(replace($4, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
     order by c.closed_at desc, c.reference
     limit $5::int`,
    [p.from, p.to, p.policyId, search, limit],
  );
  return r.rows;
}

// The lessons-learned register: each complaint closed in the period with its summary, root
// cause and lesson, searchable by words in any of them, by root cause and by product, and by
// the state of its corrective actions (the register's screen, GET /lessons; and the report).
import type { Queryable } from '../../client.ts';
import type { ReportParams } from './report-sql.ts';

export interface LessonRow {
  id: number;
  reference: string;
  policy_id: string;
  subject: string;
  closed_at: Date;
  outcome: string | null;
  root_cause: string | null;
  cause: string | null;
  product: string | null;
  product_code: string | null;
  summary: string | null;
  lessons_learned: string | null;
}

export interface LessonFilter {
  /** Words in the summary, lesson, root cause, subject or reference. */
  search: string | null;
  /** The root cause as recorded at closing, or the taxonomy's cause code. */
  rootCause?: string | null;
  /** The complaint's product, or the taxonomy's product code. */
  product?: string | null;
  /** By corrective actions: some not done and past due (`today`), some not done, or none. */
  actions?: 'overdue' | 'open' | 'none' | null;
  /** Today's date (YYYY-MM-DD), for `overdue`. */
  today?: string;
}

export async function lessonsRegister(
  db: Queryable,
  p: Pick<ReportParams, 'from' | 'to' | 'policyId'>,
  f: LessonFilter,
  limit: number,
): Promise<LessonRow[]> {
  const params: unknown[] = [p.from, p.to, p.policyId, limit];
  const v = (x: unknown) => {
    params.push(x);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (f.search) {
    const words = v(f.search);
    where.push(
      `concat_ws(' ', c.summary, c.lessons_learned, c.root_cause, c.reference, c.subject)
         ilike '%' || replace(replace(replace(${words}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`,
    );
  }
  if (f.rootCause) {
    const cause = v(f.rootCause);
    where.push(
      `(lower(c.root_cause) = lower(${cause}) or c.classification->>'causeCode' = ${cause})`,
    );
  }
  if (f.product) {
    const product = v(f.product);
    where.push(
      `(lower(c.product) = lower(${product}) or c.classification->>'productCode' = ${product})`,
    );
  }
  const action = 'select 1 from corrective_actions a where a.complaint_id = c.id';
  if (f.actions === 'overdue') {
    where.push(`exists (${action} and a.done_on is null and a.due_on < ${v(f.today)}::date)`);
  } else if (f.actions === 'open') {
    where.push(`exists (${action} and a.done_on is null)`);
  } else if (f.actions === 'none') {
    where.push(`not exists (${action})`);
  }
  const r = await db.query<LessonRow>(
    `select c.id, c.reference, c.policy_id, c.subject, c.closed_at, c.outcome, c.root_cause,
       c.classification->>'causeCode' as cause, c.product,
       c.classification->>'productCode' as product_code, c.summary, c.lessons_learned
     from complaints c
     where c.closed_at >= $1 and c.closed_at < $2 and ($3::text is null or c.policy_id = $3)
       and (c.summary is not null or c.lessons_learned is not null or c.root_cause is not null)
       ${where.map((w) => `and ${w}`).join('\n       ')}
     order by c.closed_at desc, c.reference
     limit $4::int`,
    params,
  );
  return r.rows.map((row) => ({ ...row, id: Number(row.id) }));
}

const ROOT_CAUSE = "coalesce(c.root_cause, c.classification->>'causeCode')";
const PRODUCT = "coalesce(c.product, c.classification->>'productCode')";

/** The distinct values of an indexed expression over closed complaints, in order, skipping
 *  from one to the next through its index (complaints_closed_root_cause / _product). */
async function distinctClosed(
  db: Queryable,
  expr: string,
  policyId: string | null,
  limit: number,
): Promise<string[]> {
  const from = `from complaints c where c.closed_at is not null and ($1::text is null or c.policy_id = $1)`;
  const r = await db.query<{ v: string }>(
    `with recursive r(v) as (
       (select ${expr} ${from} and ${expr} is not null order by 1 limit 1)
       union all
       select (select ${expr} ${from} and ${expr} > r.v order by 1 limit 1)
         from r where r.v is not null
     )
     select v from r where v is not null limit $2::int`,
    [policyId, limit],
  );
  return r.rows.map((x) => x.v);
}

/** The root causes and products closed complaints carry: the register's filter choices. */
export async function lessonFacets(
  db: Queryable,
  policyId: string | null,
): Promise<{ rootCauses: string[]; products: string[] }> {
  const [rootCauses, products] = [
    await distinctClosed(db, ROOT_CAUSE, policyId, 200),
    await distinctClosed(db, PRODUCT, policyId, 200),
  ];
  return { rootCauses, products };
}

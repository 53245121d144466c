// How a report is read: every report is a set of facts (one row per complaint, or per clock)
// with the columns it can be grouped by and the measures it sums, so a figure and the
// complaints behind it come from the same SQL. Parameters of every fact query:
//   $1 period start (instant, inclusive) · $2 period end (instant, exclusive) · $3 policy id or
//   null · $4 now · $5 the policy's time zone (months, ages).
import type { Queryable } from '../../client.ts';

export interface ReportParams {
  from: Date;
  /** Exclusive. */
  to: Date;
  policyId: string | null;
  now: Date;
  timezone: string;
  /** Further parameters ($6 on) a fact query of its own needs (a day table). */
  extra?: unknown[];
}

export interface Measure {
  name: string;
  /** A column expression over the fact row `f`; summed (`sum`) or averaged (`avg`). */
  sql: string;
  agg?: 'sum' | 'avg';
}

/** A share of two summed measures, computed once the sums are known. */
export interface Ratio {
  name: string;
  of: string;
  over: string[];
}

export interface ReportDefinition {
  name: string;
  description: string;
  /** The fact rows: must select complaint_id and reference, plus what groups and measures use. */
  facts: string;
  /** Grouping name → an expression over `f` (text). */
  groupBy: Record<string, string>;
  defaultGroupBy: string;
  measures: Measure[];
  ratios?: Ratio[];
  /** Rows ranked by this measure (descending) instead of by key. */
  rankBy?: string;
}

export type ReportRow = Record<string, string | number | null>;

const params = (p: ReportParams) => [
  p.from,
  p.to,
  p.policyId,
  p.now,
  p.timezone,
  ...(p.extra ?? []),
];
/** Types every parameter, so a fact query may leave some of them unused. */
const TYPED = `_params as (select $1::timestamptz as p_from, $2::timestamptz as p_to, $3::text as p_policy,
  $4::timestamptz as p_now, $5::text as p_tz)`;

/** Complaints received in the period (and of the policy, when one is given), as `c`. */
export const RECEIVED_IN_PERIOD = `c.received_at >= $1 and c.received_at < $2
  and ($3::text is null or c.policy_id = $3)`;

/** Complaints closed in the period, as `c`. */
export const CLOSED_IN_PERIOD = `c.closed_at >= $1 and c.closed_at < $2
  and ($3::text is null or c.policy_id = $3)`;

/** The local month (YYYY-MM) of an instant column. */
export const localMonth = (col: string) => `to_char(${col} at time zone $5::text, 'YYYY-MM')`;

const round = (n: number) => Math.round(n * 10000) / 10000;

/** The rows of a grouping and the totals over every fact row (key "total"), in one scan. */
export async function runReport(
  db: Queryable,
  def: ReportDefinition,
  groupBy: string,
  p: ReportParams,
): Promise<{ rows: ReportRow[]; totals: ReportRow }> {
  const key = def.groupBy[groupBy];
  if (key === undefined) throw new Error(`unknown grouping ${groupBy}`);
  const cols = def.measures
    .map((m) =>
      m.agg === 'avg'
        ? `round(avg(${m.sql})::numeric, 2)::float8 as "${m.name}"`
        : `coalesce(sum(${m.sql}), 0)::float8 as "${m.name}"`,
    )
    .join(', ');
  const order = def.rankBy ? `"${def.rankBy}" desc, key` : 'key';
  const r = await db.query<ReportRow & { total: boolean }>(
    `with ${TYPED}, f as (${def.facts})
     select * from (
       select grouping((${key})::text) = 1 as total, coalesce((${key})::text, '(none)') as key,
         ${cols}
       from f group by grouping sets (((${key})::text), ())
     ) g order by total, ${order}`,
    params(p),
  );
  const rows: ReportRow[] = [];
  let totals: ReportRow | null = null;
  for (const { total, ...row } of r.rows) {
    if (total) totals = withRatios(def, { ...row, key: 'total' });
    else rows.push(withRatios(def, row));
  }
  if (!totals) {
    totals = { key: 'total' };
    for (const m of def.measures) totals[m.name] = m.agg === 'avg' ? null : 0;
    totals = withRatios(def, totals);
  }
  return { rows, totals };
}

function withRatios(def: ReportDefinition, row: ReportRow): ReportRow {
  for (const r of def.ratios ?? []) {
    const num = Number(row[r.of] ?? 0);
    const den = r.over.reduce((s, m) => s + Number(row[m] ?? 0), 0);
    row[r.name] = den === 0 ? null : round(num / den);
  }
  return row;
}

/** The references behind one cell: the fact rows of the group whose measure is not zero. */
export async function drillDown(
  db: Queryable,
  def: ReportDefinition,
  groupBy: string,
  key: string,
  measure: string | null,
  p: ReportParams,
  limit: number,
): Promise<{ references: string[]; total: number }> {
  const group = def.groupBy[groupBy];
  if (group === undefined) throw new Error(`unknown grouping ${groupBy}`);
  const m = measure === null ? null : def.measures.find((x) => x.name === measure);
  if (m === undefined) throw new Error(`unknown measure ${measure}`);
  const keep = m === null || m.agg === 'avg' ? 'true' : `coalesce((${m.sql})::float8, 0) <> 0`;
  const n = 5 + (p.extra?.length ?? 0);
  const r = await db.query<{ reference: string; total: number }>(
    `with ${TYPED}, f as (${def.facts}),
       hits as (select distinct reference from f
                where coalesce((${group})::text, '(none)') = $${n + 1}::text and ${keep})
     select reference, (count(*) over ())::int as total from hits order by reference limit $${n + 2}::int`,
    [...params(p), key, limit],
  );
  return { references: r.rows.map((x) => x.reference), total: r.rows[0]?.total ?? 0 };
}

// The FCA complaints return (DISP 1 Annex 1R) read from the complaints of one policy (their facts
// rows, migration 0018): one fact row per complaint that was open at some point of the period,
// grouped by product group and cause. Business days come from the policy's calendar, passed in as a day table (the instant
// each local date's third business day closes), so the SQL and the clocks share one calendar.
import type { Queryable } from '../../client.ts';

export interface FcaReturnParams {
  from: Date;
  /** Exclusive. */
  to: Date;
  policyId: string;
  timezone: string;
  /** Local dates (YYYY-MM-DD) and the close of the 3rd business day after each. */
  days: string[];
  thirdBusinessDayEnds: Date[];
  /** Product codes and their product groups (the policy's taxonomy). */
  productCodes: string[];
  productGroups: string[];
  /** The currency redress is reported in. */
  currency: string;
}

const FACTS = `
  days as (select * from unnest($6::date[], $7::timestamptz[]) as d(day, cut3)),
  products as (select * from unnest($8::text[], $9::text[]) as p(code, grp)),
  f as (
    select c.complaint_id as id, c.reference,
      coalesce(p.grp, '(unclassified)') as product_group,
      c.product_code as product,
      coalesce(c.cause, '(unclassified)') as cause,
      (c.received_at >= $1 and c.received_at < $2) as opened,
      (c.received_at < $1 and (c.closed_at is null or c.closed_at >= $1)) as outstanding_at_start,
      (c.closed_at >= $1 and c.closed_at < $2) as closed,
      coalesce(c.closed_at <= d.cut3, false) as within3,
      coalesce(c.closed_at <= ((c.received_at at time zone $5::text) + interval '8 weeks')
        at time zone $5::text, false) as within8w,
      coalesce(c.outcome in ('upheld', 'partly_upheld'), false) as upheld,
      case when c.redress_kind = 'money' and c.redress_currency = $10::text
             and c.redress_completed_at::timestamptz >= $1
             and c.redress_completed_at::timestamptz < $2
           then c.redress_amount::numeric else 0 end as redress_paid,
      (c.redress_kind = 'money' and c.redress_currency <> $10::text
        and c.redress_completed_at::timestamptz >= $1
        and c.redress_completed_at::timestamptz < $2) as redress_other_currency,
      c.vulnerable,
      coalesce(c.vulnerability_caused::boolean, false) as vulnerability_caused,
      c.product_code is not null and p.code is null as unknown_product
    from complaint_facts c
      left join days d on d.day = (c.received_at at time zone $5::text)::date
      left join products p on p.code = c.product_code
    where c.policy_id = $3::text and c.received_at < $2
      -- Unclosed at the period's start, or redress paid since: each side an index range
      -- (complaint_facts_unclosed_since, complaint_facts_redress_completed), not every complaint
      -- the policy ever had.
      and (coalesce(c.closed_at, 'infinity'::timestamptz) >= $1
           or (c.has_redress and c.redress_completed_at
               >= to_char($1 at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')))
  )`;

/** What each measure counts, over a fact row. */
export const FCA_MEASURES = {
  opened: 'opened',
  outstandingAtStart: 'outstanding_at_start',
  closed: 'closed',
  closedWithin3BusinessDays: 'closed and within3',
  closedAfter3BusinessDaysWithin8Weeks: 'closed and not within3 and within8w',
  closedAfter8Weeks: 'closed and not within8w',
  upheld: 'closed and upheld',
  redressPaid: 'redress_paid > 0',
  openedVulnerable: 'opened and vulnerable',
  openedVulnerabilityCausedByFirm: 'opened and vulnerable and vulnerability_caused',
  openedWithoutProduct: 'opened and product is null',
  openedWithoutCause: `opened and cause = '(unclassified)'`,
  unknownProduct: 'opened and unknown_product',
  redressInOtherCurrency: 'redress_other_currency',
} as const;
export type FcaMeasure = keyof typeof FCA_MEASURES;

export type FcaCell = { productGroup: string; cause: string } & Record<FcaMeasure, number>;

const params = (p: FcaReturnParams) => [
  p.from,
  p.to,
  p.policyId,
  null,
  p.timezone,
  p.days,
  p.thirdBusinessDayEnds,
  p.productCodes,
  p.productGroups,
  p.currency,
];

/** Every measure per product group and cause (groups and causes with nothing are absent). */
export async function fcaReturnCells(db: Queryable, p: FcaReturnParams): Promise<FcaCell[]> {
  const cols = Object.entries(FCA_MEASURES)
    .map(([name, cond]) =>
      name === 'redressPaid'
        ? `coalesce(sum(redress_paid), 0)::float8 as "${name}"`
        : `(count(*) filter (where ${cond}))::int as "${name}"`,
    )
    .join(',\n      ');
  const r = await db.query<FcaCell>(
    `with _p as (select $4::text as unused), ${FACTS}
     select product_group as "productGroup", cause, ${cols}
     from f group by 1, 2 order by 1, 2`,
    params(p),
  );
  return r.rows;
}

/** The references counted by one measure, optionally in one product group and cause. */
export async function fcaReturnComplaints(
  db: Queryable,
  p: FcaReturnParams,
  measure: FcaMeasure,
  productGroup: string | null,
  cause: string | null,
  limit: number,
): Promise<{ references: string[]; total: number }> {
  const r = await db.query<{ reference: string; total: number }>(
    `with _p as (select $4::text as unused), ${FACTS}
     select reference, (count(*) over ())::int as total from f
     where (${FCA_MEASURES[measure]})
       and ($11::text is null or product_group = $11) and ($12::text is null or cause = $12)
     order by reference limit $13::int`,
    [...params(p), productGroup, cause, limit],
  );
  return { references: r.rows.map((x) => x.reference), total: r.rows[0]?.total ?? 0 };
}

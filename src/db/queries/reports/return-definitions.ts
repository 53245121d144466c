// Fact read models of the Ofcom-style quarterly figures and the SPSO-style KPI pack, in the
// report shape (report-sql.ts), so their cells drill down like any report's.
import { RECEIVED_IN_PERIOD, CLOSED_IN_PERIOD, type ReportDefinition } from './report-sql.ts';

/** An instant `n` weeks after receipt, at the same local wall-clock time. */
const weeksAfter = (n: number) =>
  `(((f.received_at at time zone $5::text) + interval '${n} weeks') at time zone $5::text)`;
const CLOSED_BY = (n: number) =>
  `(f.closed_at is not null and f.closed_at <= ${weeksAfter(n)})::int`;

/** Per complaint received in the quarter (its facts row, migration 0018): its service, closing
 *  times and ADR letters. */
const OFCOM_FACTS = `select c.complaint_id, c.reference, c.received_at, c.closed_at, c.outcome,
    c.product as service, c.cause, c.satisfaction, c.adr_decision, c.vulnerable, c.first_contact,
    c.deadlock_letter and c.deadlock_letter_requested as letter_on_request,
    c.deadlock_letter and not c.deadlock_letter_requested as letter_automatic, c.referred
  from complaint_facts c
  where ${RECEIVED_IN_PERIOD}`;

export const OFCOM_QUARTERLY: ReportDefinition = {
  name: 'ofcom-quarterly',
  description: 'Complaints received in the quarter per service, as Ofcom publishes them',
  facts: OFCOM_FACTS,
  groupBy: { service: 'f.service', cause: 'f.cause' },
  defaultGroupBy: 'service',
  measures: [
    { name: 'received', sql: '1' },
    { name: 'resolvedAtFirstContact', sql: 'f.first_contact::int' },
    { name: 'resolvedWithin1Week', sql: CLOSED_BY(1) },
    { name: 'resolvedWithin6Weeks', sql: CLOSED_BY(6) },
    { name: 'resolvedWithin8Weeks', sql: CLOSED_BY(8) },
    // Still open six weeks after receipt (only once six weeks have passed).
    {
      name: 'openAt6Weeks',
      sql: `(${weeksAfter(6)} <= $4 and (f.closed_at is null or f.closed_at > ${weeksAfter(6)}))::int`,
    },
    { name: 'adrLettersOnRequest', sql: 'f.letter_on_request::int' },
    { name: 'adrLettersAutomatic', sql: 'f.letter_automatic::int' },
    { name: 'referredToAdr', sql: 'f.referred::int' },
    { name: 'upheld', sql: `(f.outcome in ('upheld', 'partly_upheld'))::int` },
    { name: 'notUpheld', sql: `(f.outcome = 'not_upheld')::int` },
    { name: 'withdrawn', sql: `(f.outcome = 'withdrawn')::int` },
    {
      name: 'adrDecidedForCustomer',
      sql: `(f.adr_decision in ('upheld', 'partly_upheld'))::int`,
    },
    { name: 'vulnerableCustomers', sql: 'f.vulnerable::int' },
    { name: 'rated', sql: '(f.satisfaction is not null)::int' },
    { name: 'averageSatisfaction', sql: 'f.satisfaction', agg: 'avg' },
  ],
  ratios: [
    { name: 'shareResolvedAtFirstContact', of: 'resolvedAtFirstContact', over: ['received'] },
  ],
};

/** Stage 1 (frontline) unless the complaint was escalated (stage 2, investigation). Working days
 *  from receipt to closing come from a day table ($6 dates, $7 each date's working-day ordinal). */
const SPSO_FACTS = `select c.complaint_id, c.reference, c.outcome,
    case when c.escalation_level > 0 then 'stage2' else 'stage1' end as stage,
    (dc.ord - dr.ord) as working_days
  from complaint_facts c
    left join unnest($6::date[], $7::int[]) as dr(day, ord)
      on dr.day = (c.received_at at time zone $5::text)::date
    left join unnest($6::date[], $7::int[]) as dc(day, ord)
      on dc.day = (c.closed_at at time zone $5::text)::date
  where ${CLOSED_IN_PERIOD}`;

export const SPSO_KPI: ReportDefinition = {
  name: 'spso-kpi',
  description:
    'Complaints closed in the period per stage (SPSO model complaints handling procedure)',
  facts: SPSO_FACTS,
  groupBy: { stage: 'f.stage' },
  defaultGroupBy: 'stage',
  measures: [
    { name: 'closed', sql: '1' },
    { name: 'within5WorkingDays', sql: '(f.working_days <= 5)::int' },
    { name: 'within20WorkingDays', sql: '(f.working_days <= 20)::int' },
    { name: 'averageWorkingDays', sql: 'f.working_days', agg: 'avg' },
    { name: 'upheld', sql: `(f.outcome = 'upheld')::int` },
    { name: 'partlyUpheld', sql: `(f.outcome = 'partly_upheld')::int` },
    { name: 'notUpheld', sql: `(f.outcome = 'not_upheld')::int` },
    { name: 'resolved', sql: `(f.outcome = 'resolved_on_first_contact')::int` },
    { name: 'withdrawn', sql: `(f.outcome = 'withdrawn')::int` },
  ],
  ratios: [
    { name: 'shareWithin5WorkingDays', of: 'within5WorkingDays', over: ['closed'] },
    { name: 'shareWithin20WorkingDays', of: 'within20WorkingDays', over: ['closed'] },
  ],
};

// The reports (SPEC §5, §6): each one's fact rows, groupings and measures. Figures come from
// the complaints' facts rows (kept with each complaint and its events, migration 0018) and their
// clocks, so they agree with each complaint's own timeline. Periods: complaints received in the
// period, except where a report says closed.
import {
  CLOSED_IN_PERIOD,
  localMonth,
  RECEIVED_IN_PERIOD,
  type ReportDefinition,
} from './report-sql.ts';

/** Every report reads the complaints' facts rows (migration 0018: one narrow row per complaint,
 *  kept by triggers in the transaction of each complaint write and event append), as `c`. */
const UPHELD = `(f.outcome in ('upheld', 'partly_upheld'))::int`;

const RECEIVED_COLUMNS = `c.complaint_id, c.reference, c.policy_id, c.channel, c.category,
    c.product, c.cause, c.department_id, ${localMonth('c.received_at')} as month, c.status,
    c.is_open, c.closed_at, c.outcome, c.received_at, c.vulnerable, c.vulnerability_caused,
    c.vulnerability_driver, c.has_adr, c.adr_decision, c.adr_complied_at, c.has_redress,
    c.redress_kind, c.redress_currency, c.redress_amount, c.redress_accepted_at,
    c.redress_completed_at`;

/** One row per complaint received in the period. */
const RECEIVED_FACTS = `select ${RECEIVED_COLUMNS} from complaint_facts c where ${RECEIVED_IN_PERIOD}`;

/** The same, with what each complaint's timeline holds. */
const RECEIVED_FACTS_WITH_TIMELINE = `select ${RECEIVED_COLUMNS}, c.first_contact,
    c.escalations > 0 as escalated, c.escalations, c.deadlocked, c.deadlock_letter,
    c.deadlock_refused, c.referred, c.reopened
  from complaint_facts c
  where ${RECEIVED_IN_PERIOD}`;

/** One row per complaint closed in the period. */
const CLOSED_FACTS = `select c.complaint_id, c.reference, c.policy_id, c.channel, c.category,
    c.product, c.cause, c.department_id, ${localMonth('c.closed_at')} as month, c.outcome,
    c.root_cause, c.satisfaction, c.satisfaction_commented, c.received_at, c.closed_at
  from complaint_facts c
  where ${CLOSED_IN_PERIOD}`;

const COMMON_GROUPS = {
  channel: 'f.channel',
  category: 'f.category',
  product: 'f.product',
  department: 'f.department_id',
  policy: 'f.policy_id',
  month: 'f.month',
};

const volumes: ReportDefinition = {
  name: 'volumes',
  description: 'Complaints received in the period, and how many of them are open or closed',
  facts: RECEIVED_FACTS,
  groupBy: { ...COMMON_GROUPS, cause: 'f.cause' },
  defaultGroupBy: 'channel',
  measures: [
    { name: 'received', sql: '1' },
    { name: 'open', sql: 'f.is_open::int' },
    { name: 'closed', sql: '(f.closed_at is not null)::int' },
  ],
};

/** A clock as the complaint's detail shows it: a running clock past due is breached. The
 *  complaint's columns are read only when a grouping or a drill-down uses them. */
const CLOCK_FACTS = `select ci.complaint_id,
    (select c.reference from complaint_facts c where c.complaint_id = ci.complaint_id) as reference,
    (select c.policy_id from complaint_facts c where c.complaint_id = ci.complaint_id) as policy_id,
    (select c.channel from complaint_facts c where c.complaint_id = ci.complaint_id) as channel,
    ci.name as clock,
    ${localMonth('ci.started_at')} as month,
    (ci.status = 'met')::int as met,
    (ci.status = 'breached' or (ci.status = 'running' and ci.due_at <= $4))::int as breached,
    (ci.stopped_at is null and ci.due_at <= $4)::int as breached_open,
    (ci.stopped_at is null and (ci.due_at is null or ci.due_at > $4))::int as running
  from clock_instances ci
  where ci.started_at >= $1 and ci.started_at < $2
    and ($3::text is null
         or exists (select 1 from complaint_facts c where c.complaint_id = ci.complaint_id
                    and c.policy_id = $3))`;

const clockCompliance: ReportDefinition = {
  name: 'clock-compliance',
  description:
    'Each clock started in the period: met, breached (of which still open), running; share met of those decided',
  facts: CLOCK_FACTS,
  groupBy: {
    clock: 'f.clock',
    month: 'f.month',
    'clock-month': `f.clock || ' ' || f.month`,
    channel: 'f.channel',
    policy: 'f.policy_id',
  },
  defaultGroupBy: 'clock',
  measures: [
    { name: 'clocks', sql: '1' },
    { name: 'met', sql: 'f.met' },
    { name: 'breached', sql: 'f.breached' },
    { name: 'breachedOpen', sql: 'f.breached_open' },
    { name: 'running', sql: 'f.running' },
  ],
  ratios: [{ name: 'shareMet', of: 'met', over: ['met', 'breached'] }],
};

/** Age in whole days at `now`, for open complaints received in the period. */
const AGE = `(extract(epoch from ($4 - f.received_at)) / 86400)`;
const ages: ReportDefinition = {
  name: 'ages',
  description:
    'Complaints received in the period that are open now, by state and age band (calendar days since receipt)',
  facts: `${RECEIVED_FACTS} and c.is_open`,
  groupBy: { state: 'f.status', ...COMMON_GROUPS },
  defaultGroupBy: 'state',
  measures: [
    { name: 'open', sql: '1' },
    { name: 'under1Week', sql: `(${AGE} < 7)::int` },
    { name: 'weeks1To4', sql: `(${AGE} >= 7 and ${AGE} < 28)::int` },
    { name: 'weeks4To8', sql: `(${AGE} >= 28 and ${AGE} < 56)::int` },
    { name: 'over8Weeks', sql: `(${AGE} >= 56)::int` },
    { name: 'averageDays', sql: AGE, agg: 'avg' },
  ],
};

const outcomes: ReportDefinition = {
  name: 'outcomes',
  description: 'Complaints closed in the period by outcome; days from receipt to closing',
  facts: CLOSED_FACTS,
  groupBy: { outcome: 'f.outcome', ...COMMON_GROUPS },
  defaultGroupBy: 'outcome',
  measures: [
    { name: 'closed', sql: '1' },
    { name: 'upheld', sql: `(f.outcome = 'upheld')::int` },
    { name: 'partlyUpheld', sql: `(f.outcome = 'partly_upheld')::int` },
    { name: 'notUpheld', sql: `(f.outcome = 'not_upheld')::int` },
    { name: 'firstContact', sql: `(f.outcome = 'resolved_on_first_contact')::int` },
    { name: 'withdrawn', sql: `(f.outcome = 'withdrawn')::int` },
    {
      name: 'averageDays',
      sql: 'extract(epoch from (f.closed_at - f.received_at)) / 86400',
      agg: 'avg',
    },
    // Part upheld counts as upheld in the rate (FCA DISP 1 Annex 1R).
    { name: 'upheldAny', sql: UPHELD },
  ],
  ratios: [{ name: 'upheldRate', of: 'upheldAny', over: ['closed'] }],
};

const rootCauses: ReportDefinition = {
  name: 'root-causes',
  description: 'Complaints closed in the period by root cause, most frequent first',
  facts: CLOSED_FACTS,
  groupBy: { rootCause: 'f.root_cause', cause: 'f.cause', product: 'f.product' },
  defaultGroupBy: 'rootCause',
  measures: [
    { name: 'closed', sql: '1' },
    { name: 'upheld', sql: UPHELD },
  ],
  rankBy: 'closed',
};

/** The survey's questions (ISO 10004-style) and each one's column in the satisfaction facts:
 *  the overall score is the facts row's own; the others are optional, so a question's average
 *  and distribution count only those who answered it. */
export const SURVEY_QUESTIONS = [
  { name: 'keptInformed', sql: 'f.kept_informed' },
  { name: 'speed', sql: 'f.speed' },
  { name: 'fairness', sql: 'f.fairness' },
  { name: 'overall', sql: 'f.satisfaction' },
] as const;

/** The complaints rated and closed in the period, with their answers per question (migration
 *  0021: in the facts row and the closings index, never read from the complaint's own row). */
const SATISFACTION_FACTS = `select c.complaint_id, c.reference, c.policy_id, c.channel,
    c.category, c.product, c.cause, c.department_id, ${localMonth('c.closed_at')} as month,
    c.satisfaction, c.satisfaction_commented, c.kept_informed, c.speed, c.fairness
  from complaint_facts c
  where ${CLOSED_IN_PERIOD} and c.satisfaction is not null`;

const capitalised = (s: string) => s[0]!.toUpperCase() + s.slice(1);

const satisfaction: ReportDefinition = {
  name: 'satisfaction',
  description:
    'Ratings (1–5) of complaints closed in the period: the overall score, and per question (kept informed, speed, fairness, overall) how many gave each score and the average',
  facts: SATISFACTION_FACTS,
  groupBy: { score: 'f.satisfaction', ...COMMON_GROUPS },
  defaultGroupBy: 'score',
  measures: [
    { name: 'rated', sql: '1' },
    { name: 'withComment', sql: 'f.satisfaction_commented::int' },
    { name: 'averageScore', sql: 'f.satisfaction', agg: 'avg' },
    // Per question: how many answered it, the average, and how many gave each score.
    ...SURVEY_QUESTIONS.flatMap((q) => [
      { name: `${q.name}Answered`, sql: `(${q.sql} is not null)::int` },
      { name: `average${capitalised(q.name)}`, sql: q.sql, agg: 'avg' as const },
      ...[1, 2, 3, 4, 5].map((n) => ({ name: `${q.name}${n}`, sql: `(${q.sql} = ${n})::int` })),
    ]),
  ],
};

const adr: ReportDefinition = {
  name: 'adr',
  description:
    'Complaints received in the period that were escalated, deadlocked or referred to the ADR scheme, and the scheme’s decisions',
  facts: RECEIVED_FACTS_WITH_TIMELINE,
  groupBy: { ...COMMON_GROUPS, all: `'all'` },
  defaultGroupBy: 'all',
  measures: [
    { name: 'received', sql: '1' },
    { name: 'escalated', sql: 'f.escalated::int' },
    { name: 'escalations', sql: 'f.escalations' },
    { name: 'deadlocked', sql: 'f.deadlocked::int' },
    { name: 'deadlockLetters', sql: 'f.deadlock_letter::int' },
    { name: 'deadlockRefusals', sql: 'f.deadlock_refused::int' },
    { name: 'referred', sql: 'f.referred::int' },
    { name: 'decidedUpheld', sql: `(f.adr_decision = 'upheld')::int` },
    { name: 'decidedPartlyUpheld', sql: `(f.adr_decision = 'partly_upheld')::int` },
    { name: 'decidedNotUpheld', sql: `(f.adr_decision = 'not_upheld')::int` },
    {
      name: 'awaitingDecision',
      sql: `(f.referred and f.has_adr and f.adr_decision is null)::int`,
    },
    { name: 'complied', sql: `(f.adr_complied_at is not null)::int` },
  ],
};

const firstContact: ReportDefinition = {
  name: 'first-contact',
  description: 'Complaints received in the period resolved at first contact',
  facts: RECEIVED_FACTS_WITH_TIMELINE,
  groupBy: COMMON_GROUPS,
  defaultGroupBy: 'channel',
  measures: [
    { name: 'received', sql: '1' },
    { name: 'resolvedOnFirstContact', sql: 'f.first_contact::int' },
  ],
  ratios: [{ name: 'rate', of: 'resolvedOnFirstContact', over: ['received'] }],
};

const AMOUNT = `coalesce(f.redress_amount::numeric, 0)`;
const redress: ReportDefinition = {
  name: 'redress',
  description:
    'Redress on complaints received in the period: offered, accepted and paid or done, with sums per currency',
  facts: `${RECEIVED_FACTS} and c.has_redress`,
  groupBy: {
    currency: `coalesce(f.redress_currency, f.redress_kind)`,
    kind: `f.redress_kind`,
    ...COMMON_GROUPS,
  },
  defaultGroupBy: 'currency',
  measures: [
    { name: 'offered', sql: '1' },
    { name: 'offeredAmount', sql: AMOUNT },
    { name: 'accepted', sql: `(f.redress_accepted_at is not null)::int` },
    {
      name: 'acceptedAmount',
      sql: `case when f.redress_accepted_at is not null then ${AMOUNT} else 0 end`,
    },
    { name: 'paid', sql: `(f.redress_completed_at is not null)::int` },
    {
      name: 'paidAmount',
      sql: `case when f.redress_completed_at is not null then ${AMOUNT} else 0 end`,
    },
  ],
};

const vulnerable: ReportDefinition = {
  name: 'vulnerable',
  description: 'Complaints received in the period from customers in vulnerable circumstances',
  facts: `${RECEIVED_FACTS} and c.vulnerable`,
  groupBy: {
    driver: `f.vulnerability_driver`,
    ...COMMON_GROUPS,
  },
  defaultGroupBy: 'driver',
  measures: [
    { name: 'complaints', sql: '1' },
    {
      name: 'causedByFirm',
      sql: `coalesce(f.vulnerability_caused::boolean, false)::int`,
    },
    { name: 'open', sql: 'f.is_open::int' },
    { name: 'upheld', sql: UPHELD },
  ],
};

export const REPORTS: Record<string, ReportDefinition> = Object.fromEntries(
  [
    volumes,
    clockCompliance,
    ages,
    outcomes,
    rootCauses,
    satisfaction,
    adr,
    firstContact,
    redress,
    vulnerable,
  ].map((r) => [r.name, r]),
);

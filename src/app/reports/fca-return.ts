// The FCA complaints return (DISP 1 Annex 1R) for a reporting period, with the PS25/19
// consolidated return's half-year and vulnerability counts, the DISP 1.10A publication table,
// the filing deadline (30 business days after the period end) and warnings about the data.
//
// How complaints are counted (each one once, however often it was reopened):
// - opened: received in the period (dates in the policy's zone);
// - outstanding at start: received before the period and not closed before it began;
// - closed: closed in the period; its closing time is measured from receipt to the final
//   closing: within 3 business days (by the close of the 3rd business day after the day of
//   receipt, on the policy's calendar), after that but within 8 weeks, or after 8 weeks;
// - upheld: closed with outcome upheld or partly upheld (part upheld counts as upheld);
// - redress paid: money redress in the return's currency whose payment was recorded in the
//   period, whatever the outcome (a goodwill payment on a rejected complaint counts).
import {
  FCA_MEASURES,
  fcaReturnCells,
  fcaReturnComplaints,
  type FcaCell,
  type FcaMeasure,
  type FcaReturnParams,
} from '../../db/queries/reports/fca-return.ts';
import { calendarFor } from '../../domain/clocks/policy-clocks.ts';
import type { Policy } from '../../domain/policy/schema.ts';
import { AppError } from '../errors.ts';
import { period, type ReportDeps } from './get-report.ts';
import { startOfLocalDate } from './report-period.ts';
import type { ReturnFigures, ReturnInput, ReturnWarning } from './return-types.ts';

const DAY = 86_400_000;
const UNCLASSIFIED = '(unclassified)';
const PS25_19_FROM = '2027-01-01';
/** Complaints received this long before the period cannot close within 3 business days in it. */
const LOOKBACK_DAYS = 21;

const MEASURES = Object.keys(FCA_MEASURES) as FcaMeasure[];

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

async function params(deps: ReportDeps, input: ReturnInput) {
  const p = period(deps, {
    from: input.periodStart,
    to: input.periodEnd,
    policy: input.policy ?? 'uk-fca-disp',
  });
  const policy: Policy = versionAt(deps, p.policyId!, p.to) ?? p.policy;
  const cal = calendarFor(policy);
  const days: string[] = [];
  const ends: Date[] = [];
  for (
    let d = addDays(input.periodStart, -LOOKBACK_DAYS);
    d <= input.periodEnd;
    d = addDays(d, 1)
  ) {
    days.push(d);
    ends.push(
      new Date(cal.endOfNthWorkingDayAfter(startOfLocalDate(policy.timezone, d).getTime(), 3)),
    );
  }
  const products = policy.taxonomy?.products ?? [];
  const q: FcaReturnParams = {
    from: p.from,
    to: p.to,
    policyId: p.policyId!,
    timezone: policy.timezone,
    days,
    thirdBusinessDayEnds: ends,
    productCodes: products.map((x) => x.code),
    productGroups: products.map((x) => x.group ?? x.code),
    currency: 'GBP',
  };
  return { p, policy, cal, q };
}

function versionAt(deps: ReportDeps, id: string, end: Date): Policy | null {
  try {
    return deps.policies.at(id, new Date(end.getTime() - 1));
  } catch {
    return null;
  }
}

type Counts = Record<FcaMeasure, number>;
const zero = (): Counts => Object.fromEntries(MEASURES.map((m) => [m, 0])) as Counts;
function add(into: Counts, c: FcaCell): void {
  for (const m of MEASURES) into[m] += Number(c[m]);
}
const share = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10000) / 100);

export async function computeFcaReturn(
  deps: ReportDeps,
  input: ReturnInput,
): Promise<ReturnFigures> {
  const { p, policy, cal, q } = await params(deps, input);
  const cells = await fcaReturnCells(deps.db, q);
  const taxonomy = policy.taxonomy;
  const groups = [...(taxonomy?.productGroups.map((g) => g.code) ?? []), UNCLASSIFIED];
  const causes = [...(taxonomy?.causes.map((c) => c.code) ?? []), UNCLASSIFIED];

  const opened: Record<string, Record<string, number>> = {};
  const byGroup: Record<string, Counts> = {};
  const totals = zero();
  for (const g of groups) {
    opened[g] = Object.fromEntries(causes.map((c) => [c, 0]));
    byGroup[g] = zero();
  }
  for (const c of cells) {
    const g = (opened[c.productGroup] ??= Object.fromEntries(causes.map((x) => [x, 0])));
    g[c.cause] = (g[c.cause] ?? 0) + c.opened;
    add((byGroup[c.productGroup] ??= zero()), c);
    add(totals, c);
  }
  const productGroupRows = Object.entries(byGroup).map(([productGroup, n]) => ({
    productGroup,
    outstandingAtStart: n.outstandingAtStart,
    opened: n.opened,
    closed: n.closed,
    closedWithin3BusinessDays: n.closedWithin3BusinessDays,
    closedAfter3BusinessDaysWithin8Weeks: n.closedAfter3BusinessDaysWithin8Weeks,
    closedAfter8Weeks: n.closedAfter8Weeks,
    upheld: n.upheld,
    redressPaid: Math.round(n.redressPaid * 100) / 100,
  }));
  const publication = productGroupRows
    .filter((r) => r.opened + r.closed > 0)
    .map((r) => ({
      productGroup: r.productGroup,
      opened: r.opened,
      closed: r.closed,
      percentClosedWithin3BusinessDays: share(r.closedWithin3BusinessDays, r.closed),
      percentClosedWithin8Weeks: share(
        r.closedWithin3BusinessDays + r.closedAfter3BusinessDaysWithin8Weeks,
        r.closed,
      ),
      percentUpheld: share(r.upheld, r.closed),
    }));

  const halfYear = fixedHalfYear(input.periodStart, input.periodEnd);
  const deadline = filingDeadline(cal, policy, input.periodEnd);
  const warnings = await fcaWarnings(deps, q, totals, input, halfYear);
  return {
    kind: 'fca-disp',
    policy: { id: policy.id, version: policy.version },
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    timezone: p.timezone,
    figures: {
      currency: q.currency,
      taxonomyVersion: taxonomy?.version ?? null,
      productGroups: groups,
      causes,
      openedByProductGroupAndCause: opened,
      byProductGroup: productGroupRows,
      totals: {
        outstandingAtStart: totals.outstandingAtStart,
        opened: totals.opened,
        closed: totals.closed,
        closedWithin3BusinessDays: totals.closedWithin3BusinessDays,
        closedAfter3BusinessDaysWithin8Weeks: totals.closedAfter3BusinessDaysWithin8Weeks,
        closedAfter8Weeks: totals.closedAfter8Weeks,
        upheld: totals.upheld,
        redressPaid: Math.round(totals.redressPaid * 100) / 100,
      },
      consolidated: {
        applies: halfYear !== null && input.periodStart >= PS25_19_FROM,
        halfYear,
        vulnerableCustomers: totals.openedVulnerable,
        vulnerabilityCausedOrWorsenedByFirm: totals.openedVulnerabilityCausedByFirm,
      },
      publication,
    },
    deadline,
    warnings,
  };
}

const FILING_BUSINESS_DAYS = 30;

function filingDeadline(cal: ReturnType<typeof calendarFor>, policy: Policy, periodEnd: string) {
  const end = startOfLocalDate(policy.timezone, periodEnd).getTime();
  return {
    dueAt: new Date(cal.endOfNthWorkingDayAfter(end, FILING_BUSINESS_DAYS)).toISOString(),
    businessDaysAfterPeriodEnd: FILING_BUSINESS_DAYS,
  };
}

/** The return's filing deadline alone (the dashboard's clock), without computing its figures:
 *  30 business days after the period's end, on the calendar of the policy version in force
 *  at the end. */
export function fcaReturnDeadline(
  deps: ReportDeps,
  input: ReturnInput,
): {
  policy: Policy;
  timezone: string;
  deadline: { dueAt: string; businessDaysAfterPeriodEnd: number };
} {
  const p = period(deps, {
    from: input.periodStart,
    to: input.periodEnd,
    policy: input.policy ?? 'uk-fca-disp',
  });
  const policy: Policy = versionAt(deps, p.policyId!, p.to) ?? p.policy;
  return {
    policy,
    timezone: p.timezone,
    deadline: filingDeadline(calendarFor(policy), policy, input.periodEnd),
  };
}

/** "2027-H1" when the period is a fixed half-year (1 Jan–30 Jun or 1 Jul–31 Dec). */
function fixedHalfYear(start: string, end: string): string | null {
  const y = start.slice(0, 4);
  if (start === `${y}-01-01` && end === `${y}-06-30`) return `${y}-H1`;
  if (start === `${y}-07-01` && end === `${y}-12-31`) return `${y}-H2`;
  return null;
}

async function fcaWarnings(
  deps: ReportDeps,
  q: FcaReturnParams,
  totals: Counts,
  input: ReturnInput,
  halfYear: string | null,
): Promise<ReturnWarning[]> {
  const out: ReturnWarning[] = [];
  const checks: [FcaMeasure, string][] = [
    ['openedWithoutProduct', 'complaints received in the period have no product code'],
    ['openedWithoutCause', 'complaints received in the period have no cause code'],
    ['unknownProduct', "complaints have a product code the policy's taxonomy does not list"],
    ['redressInOtherCurrency', `redress was paid in another currency than ${q.currency}`],
  ];
  for (const [measure, message] of checks) {
    if (totals[measure] === 0) continue;
    const found = await fcaReturnComplaints(deps.db, q, measure, null, null, 50);
    out.push({ code: measure, count: totals[measure], message, references: found.references });
  }
  if (input.periodStart >= PS25_19_FROM && halfYear === null) {
    out.push({
      code: 'notFixedHalfYear',
      count: 0,
      message:
        'from 1 January 2027 the consolidated return covers fixed half-years (1 January–30 June, 1 July–31 December)',
      references: [],
    });
  }
  return out;
}

/** The complaints behind one figure of the FCA return. */
export async function fcaReturnCell(
  deps: ReportDeps,
  input: ReturnInput & {
    measure: string;
    productGroup?: string | undefined;
    cause?: string | undefined;
    limit?: number | undefined;
  },
): Promise<{ references: string[]; total: number }> {
  if (!(MEASURES as string[]).includes(input.measure)) {
    throw new AppError(
      'REPORT.UNKNOWN_GROUPING',
      `the FCA return has no figure "${input.measure}"`,
      {
        measures: MEASURES,
      },
    );
  }
  const { q } = await params(deps, input);
  return fcaReturnComplaints(
    deps.db,
    q,
    input.measure as FcaMeasure,
    input.productGroup ?? null,
    input.cause ?? null,
    input.limit ?? 1000,
  );
}

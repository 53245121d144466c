// The Ofcom-style quarterly figures (per service; there is no Ofcom template, so this is the set
// Ofcom publishes) and the SPSO-style KPI pack (per stage, in working days).
import { OFCOM_QUARTERLY, SPSO_KPI } from '../../db/queries/reports/return-definitions.ts';
import {
  drillDown,
  runReport,
  type ReportDefinition,
  type ReportParams,
} from '../../db/queries/reports/report-sql.ts';
import { calendarFor } from '../../domain/clocks/policy-clocks.ts';
import { AppError } from '../errors.ts';
import { period, type ReportDeps } from './get-report.ts';
import type { ResolvedPeriod } from './report-period.ts';
import type { ReturnFigures, ReturnInput, ReturnWarning } from './return-types.ts';

const DAY = 86_400_000;
/** Complaints closed in the period and received up to this long before it are counted in
 *  working days; older ones (rare) have no working-day figure. */
const SPSO_LOOKBACK_DAYS = 800;

export interface OfcomInput extends ReturnInput {
  /** Customers per service, for the rate per 100,000 customers. */
  customerBase?: Record<string, number> | undefined;
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

function resolve(deps: ReportDeps, input: ReturnInput, fallbackPolicy: string): ResolvedPeriod {
  return period(deps, {
    from: input.periodStart,
    to: input.periodEnd,
    policy: input.policy ?? fallbackPolicy,
  });
}

function header(kind: string, p: ResolvedPeriod, input: ReturnInput) {
  return {
    kind,
    policy: { id: p.policy.id, version: p.policy.version },
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    timezone: p.timezone,
  };
}

export async function computeOfcomReturn(
  deps: ReportDeps,
  input: OfcomInput,
): Promise<ReturnFigures> {
  const p = resolve(deps, input, 'uk-comms-ombudsman');
  const { rows: services, totals } = await runReport(deps.db, OFCOM_QUARTERLY, 'service', p);
  const { rows: reasons } = await runReport(
    deps.db,
    { ...OFCOM_QUARTERLY, rankBy: 'received' },
    'cause',
    p,
  );
  const perService = services.map((row) => {
    const base = input.customerBase?.[String(row.key)];
    const received = Number(row.received);
    return {
      ...row,
      service: row.key,
      customers: base ?? null,
      per100000Customers: base ? Math.round((received / base) * 100000 * 100) / 100 : null,
    };
  });
  const warnings: ReturnWarning[] = [];
  const unclassified = services.find((r) => r.key === '(none)');
  if (unclassified) {
    const found = await drillDown(deps.db, OFCOM_QUARTERLY, 'service', '(none)', null, p, 50);
    warnings.push({
      code: 'openedWithoutProduct',
      count: Number(unclassified.received),
      message: 'complaints received in the quarter have no service (product code)',
      references: found.references,
    });
  }
  if (!isQuarter(input.periodStart, input.periodEnd)) {
    warnings.push({
      code: 'notCalendarQuarter',
      count: 0,
      message: 'Ofcom publishes calendar quarters (January–March, April–June, …)',
      references: [],
    });
  }
  return {
    ...header('ofcom-quarterly', p, input),
    figures: {
      perService,
      totals,
      topReasons: reasons.slice(0, 5).map((r) => ({ reason: r.key, received: r.received })),
    },
    deadline: null,
    warnings,
  };
}

function isQuarter(start: string, end: string): boolean {
  const m = Number(start.slice(5, 7));
  if (start.slice(8) !== '01' || (m - 1) % 3 !== 0) return false;
  const next = new Date(Date.UTC(Number(start.slice(0, 4)), m - 1 + 3, 1));
  return addDays(next.toISOString().slice(0, 10), -1) === end;
}

/** The working-day ordinals of local dates on the policy's calendar (the SPSO day table). */
function spsoParams(p: ResolvedPeriod, input: ReturnInput): ReportParams {
  const cal = calendarFor(p.policy);
  const days: string[] = [];
  const ords: number[] = [];
  let ord = 0;
  for (
    let d = addDays(input.periodStart, -SPSO_LOOKBACK_DAYS);
    d <= input.periodEnd;
    d = addDays(d, 1)
  ) {
    if (cal.isWorkingDate(d)) ord++;
    days.push(d);
    ords.push(ord);
  }
  return { ...p, extra: [days, ords] };
}

export async function computeSpsoReturn(
  deps: ReportDeps,
  input: ReturnInput,
): Promise<ReturnFigures> {
  const p = resolve(deps, input, 'vn-datacentre');
  const q = spsoParams(p, input);
  const { rows: stages, totals } = await runReport(deps.db, SPSO_KPI, 'stage', q);
  return {
    ...header('spso-kpi', p, input),
    figures: { stages: stages.map((r) => ({ ...r, stage: r.key })), totals },
    deadline: null,
    warnings: [],
  };
}

/** The complaints behind one figure of the Ofcom or SPSO return. */
export async function quarterlyReturnCell(
  deps: ReportDeps,
  kind: 'ofcom-quarterly' | 'spso-kpi',
  input: ReturnInput & { measure: string; key: string; limit?: number | undefined },
): Promise<{ references: string[]; total: number }> {
  const def: ReportDefinition = kind === 'ofcom-quarterly' ? OFCOM_QUARTERLY : SPSO_KPI;
  if (!def.measures.some((m) => m.name === input.measure)) {
    throw new AppError('REPORT.UNKNOWN_GROUPING', `${kind} has no figure "${input.measure}"`, {
      measures: def.measures.map((m) => m.name),
    });
  }
  const p = resolve(
    deps,
    input,
    kind === 'ofcom-quarterly' ? 'uk-comms-ombudsman' : 'vn-datacentre',
  );
  const q = kind === 'spso-kpi' ? spsoParams(p, input) : p;
  return drillDown(
    deps.db,
    def,
    def.defaultGroupBy,
    input.key,
    input.measure,
    q,
    input.limit ?? 1000,
  );
}

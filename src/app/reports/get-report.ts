// A report for a period (SPEC §6 `GET /reports/{name}`), its totals, and the complaints behind
// any one of its figures.
import type { Db } from '../../db/client.ts';
import { REPORTS } from '../../db/queries/reports/definitions.ts';
import { lessonsRegister, type LessonRow } from '../../db/queries/reports/lessons.ts';
import {
  recentSatisfactionComments,
  type SatisfactionCommentRow,
} from '../../db/queries/reports/satisfaction-comments.ts';
import {
  drillDown,
  runReport,
  type ReportDefinition,
  type ReportRow,
} from '../../db/queries/reports/report-sql.ts';
import type { Actor } from '../../domain/complaint/snapshot.ts';
import { AppError } from '../errors.ts';
import type { PolicyRegistry } from '../policy-registry.ts';
import { resolvePeriod, type PeriodInput, type ResolvedPeriod } from './report-period.ts';

export interface ReportDeps {
  db: Db;
  policies: PolicyRegistry;
  now: () => Date;
  config: { defaultPolicy?: string | undefined };
}

/** Every report name: the aggregated ones and the lessons register. */
export const REPORT_NAMES = [...Object.keys(REPORTS), 'lessons'] as const;

export interface ReportInput extends PeriodInput {
  name: string;
  groupBy?: string | undefined;
}

export interface ReportResult {
  name: string;
  description: string;
  period: ResolvedPeriod;
  groupBy: string;
  groupings: string[];
  columns: string[];
  rows: ReportRow[];
  totals: ReportRow;
}

export function period(deps: ReportDeps, input: PeriodInput): ResolvedPeriod {
  const fallback = deps.config.defaultPolicy ?? deps.policies.ids()[0] ?? '';
  return resolvePeriod(deps.policies, fallback, input, deps.now());
}

function definition(name: string): ReportDefinition {
  const def = REPORTS[name];
  if (!def) {
    throw new AppError('REPORT.NOT_FOUND', `no report "${name}"`, { reports: REPORT_NAMES });
  }
  return def;
}

function grouping(def: ReportDefinition, groupBy: string | undefined): string {
  const g = groupBy ?? def.defaultGroupBy;
  if (!(g in def.groupBy)) {
    throw new AppError('REPORT.UNKNOWN_GROUPING', `${def.name} cannot be grouped by "${g}"`, {
      groupings: Object.keys(def.groupBy),
    });
  }
  return g;
}

export function columnsOf(def: ReportDefinition): string[] {
  return ['key', ...def.measures.map((m) => m.name), ...(def.ratios ?? []).map((r) => r.name)];
}

export async function getReport(
  deps: ReportDeps,
  _actor: Actor,
  input: ReportInput,
): Promise<ReportResult> {
  const def = definition(input.name);
  const groupBy = grouping(def, input.groupBy);
  const p = period(deps, input);
  const { rows, totals } = await runReport(deps.db, def, groupBy, p);
  return {
    name: def.name,
    description: def.description,
    period: p,
    groupBy,
    groupings: Object.keys(def.groupBy),
    columns: columnsOf(def),
    rows,
    totals,
  };
}

export interface DrillInput extends ReportInput {
  key: string;
  measure?: string | undefined;
  limit?: number | undefined;
}

/** The references of the complaints counted in one cell (row `key`, column `measure`). */
export async function getReportComplaints(
  deps: ReportDeps,
  _actor: Actor,
  input: DrillInput,
): Promise<{ references: string[]; total: number; period: ResolvedPeriod; groupBy: string }> {
  const def = definition(input.name);
  const groupBy = grouping(def, input.groupBy);
  const measure = input.measure ?? null;
  if (measure !== null && !def.measures.some((m) => m.name === measure)) {
    throw new AppError('REPORT.UNKNOWN_GROUPING', `${def.name} has no measure "${measure}"`, {
      measures: def.measures.map((m) => m.name),
    });
  }
  const p = period(deps, input);
  const found = await drillDown(deps.db, def, groupBy, input.key, measure, p, input.limit ?? 1000);
  return { ...found, period: p, groupBy };
}

export async function getLessonsRegister(
  deps: ReportDeps,
  _actor: Actor,
  input: PeriodInput & { q?: string | undefined; limit?: number | undefined },
): Promise<{ period: ResolvedPeriod; items: LessonRow[] }> {
  const p = period(deps, input);
  const items = await lessonsRegister(
    deps.db,
    p,
    { search: input.q?.trim() || null },
    input.limit ?? 500,
  );
  return { period: p, items };
}

/** The most recent comments customers left with their rating, on complaints closed in the
 *  period (the satisfaction report's), latest first. */
export async function getSatisfactionComments(
  deps: ReportDeps,
  _actor: Actor,
  input: PeriodInput & { limit?: number | undefined },
): Promise<{ period: ResolvedPeriod; items: SatisfactionCommentRow[] }> {
  const p = period(deps, input);
  const items = await recentSatisfactionComments(deps.db, p, input.limit ?? 10);
  return { period: p, items };
}

// Reports as JSON (named schemas) and as CSV (the same rows).
import { z } from 'zod';
import type { ResolvedPeriod } from '../../app/reports/report-period.ts';
import type { ReportResult } from '../../app/reports/get-report.ts';
import type { LessonRow } from '../../db/queries/reports/lessons.ts';
import type { SatisfactionCommentRow } from '../../db/queries/reports/satisfaction-comments.ts';
import { instant, iso } from './common.ts';

const cell = z.union([z.string(), z.number(), z.null()]);
const reportRowSchema = z
  .record(z.string(), cell)
  .describe('`key` (the group) and one value per column')
  .meta({ id: 'ReportRow' });

export const reportPeriodSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date().describe('inclusive'),
    timezone: z.string().describe('the dates are read in this zone (the policy’s)'),
    startsAt: instant(),
    endsBefore: instant(),
    policy: z.string().nullable().describe('the policy reported on; null for every policy'),
  })
  .meta({ id: 'ReportPeriod' });

export const reportSchema = z
  .object({
    report: z.string(),
    description: z.string(),
    period: reportPeriodSchema,
    groupBy: z.string(),
    groupings: z.array(z.string()).describe('what else the report can be grouped by'),
    columns: z.array(z.string()),
    rows: z.array(reportRowSchema),
    totals: reportRowSchema,
    drillDown: z
      .string()
      .describe('the URL template of the complaints behind a cell: fill in key and measure'),
  })
  .meta({ id: 'Report' });

export const reportComplaintsSchema = z
  .object({
    period: reportPeriodSchema,
    groupBy: z.string(),
    key: z.string(),
    measure: z.string().nullable(),
    total: z.number().int(),
    references: z.array(z.string()),
  })
  .meta({ id: 'ReportComplaints' });

export const lessonSchema = z
  .object({
    reference: z.string(),
    policy: z.string(),
    closedAt: instant(),
    outcome: z.string().nullable(),
    rootCause: z.string().nullable(),
    cause: z.string().nullable(),
    summary: z.string().nullable(),
    lessonsLearned: z.string().nullable(),
  })
  .meta({ id: 'Lesson' });

export const lessonsSchema = z
  .object({ period: reportPeriodSchema, items: z.array(lessonSchema) })
  .meta({ id: 'LessonsRegister' });

export const satisfactionCommentSchema = z
  .object({
    reference: z.string().describe('the complaint rated'),
    policy: z.string(),
    score: z.number().int().describe('the overall score, 1 to 5'),
    comment: z.string().describe('as the customer wrote it'),
    closedAt: instant(),
    ratedAt: instant().nullable().describe('when the customer rated (last, if more than once)'),
  })
  .meta({ id: 'SatisfactionComment' });

export const satisfactionCommentsSchema = z
  .object({ period: reportPeriodSchema, items: z.array(satisfactionCommentSchema) })
  .describe('the latest comments first, on complaints closed in the period')
  .meta({ id: 'SatisfactionComments' });

export function presentSatisfactionComment(
  c: SatisfactionCommentRow,
): z.infer<typeof satisfactionCommentSchema> {
  return {
    reference: c.reference,
    policy: c.policy_id,
    score: c.score,
    comment: c.comment,
    closedAt: iso(c.closed_at),
    ratedAt: c.rated_at ? iso(c.rated_at) : null,
  };
}

export function presentPeriod(p: ResolvedPeriod): z.infer<typeof reportPeriodSchema> {
  return {
    from: p.fromDate,
    to: p.toDate,
    timezone: p.timezone,
    startsAt: iso(p.from),
    endsBefore: iso(p.to),
    policy: p.policyId,
  };
}

export function presentReport(r: ReportResult): z.infer<typeof reportSchema> {
  const q = new URLSearchParams({ from: r.period.fromDate, to: r.period.toDate });
  if (r.period.policyId) q.set('policy', r.period.policyId);
  q.set('groupBy', r.groupBy);
  return {
    report: r.name,
    description: r.description,
    period: presentPeriod(r.period),
    groupBy: r.groupBy,
    groupings: r.groupings,
    columns: r.columns,
    rows: r.rows,
    totals: r.totals,
    drillDown: `/api/v1/reports/${r.name}/complaints?${q.toString()}&key={key}&measure={measure}`,
  };
}

export function presentLesson(l: LessonRow): z.infer<typeof lessonSchema> {
  return {
    reference: l.reference,
    policy: l.policy_id,
    closedAt: iso(l.closed_at),
    outcome: l.outcome,
    rootCause: l.root_cause,
    cause: l.cause,
    summary: l.summary,
    lessonsLearned: l.lessons_learned,
  };
}

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // A leading = + - @ would be read as a formula by a spreadsheet: quote it with a ' first.
  const safe = /^[=+\-@\t\r]/.test(s) && Number.isNaN(Number(s)) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180 CSV: a header line, then one line per row (CRLF). */
export function toCsv(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Whether the caller asked for CSV (`?format=csv`, or an Accept header naming text/csv). */
export function wantsCsv(format: string | undefined, accept: string | undefined): boolean {
  if (format) return format === 'csv';
  return /\btext\/csv\b/.test(accept ?? '') && !/application\/json/.test(accept ?? '');
}

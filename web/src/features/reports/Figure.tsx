// One figure of a report screen: a simple bar chart (CSS, hidden from assistive technology) and
// beside it the same numbers as a real table with a caption and headers — the table is what a
// screen reader reads and what the tests read. Each count links to the complaints behind it.
// On a phone the table scrolls sideways inside its own labelled, focusable region.
import { useId } from 'react';
import { Link } from 'wouter';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { ReportRow } from './api.ts';
import { columnLabel as measureLabel, formatCell, kindOf, type CellKind } from './format.ts';

export interface FigureProps {
  caption: string;
  rows: ReportRow[];
  /** The totals row (key "total"), shown last. */
  totals?: ReportRow | undefined;
  columns: string[];
  rowHeader: string;
  label: (row: ReportRow) => string;
  /** Where the complaints behind a cell are listed (null: not a list of complaints). */
  drill?: ((row: ReportRow, column: string, isTotal: boolean) => string | null) | null | undefined;
  /** The bars: one column's value per row (shares drawn out of 100 %). */
  chart?: { column: string } | undefined;
  currency?: ((row: ReportRow) => string | null) | undefined;
  /** A CSV of the same rows. */
  csv?: string | undefined;
  /** Headers for columns that are not measures (a return's causes, say). */
  columnLabels?: Record<string, string> | undefined;
  /** The kind of a cell when it depends on its row (a column of mixed figures). */
  valueKindOf?: ((row: ReportRow, column: string) => CellKind) | undefined;
  /** The caption repeats a heading just above: screen readers only. */
  captionHidden?: boolean | undefined;
}

export function Figure(p: FigureProps) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const id = useId();
  const captionId = `${id}-caption`;
  const columnLabel = (col: string, tt: typeof t) => p.columnLabels?.[col] ?? measureLabel(col, tt);
  const kind = (row: ReportRow, col: string) => p.valueKindOf?.(row, col) ?? kindOf(col);
  const fmt = (row: ReportRow, col: string) =>
    formatCell(row[col], kind(row, col), lng, p.currency?.(row) ?? null);
  const cell = (row: ReportRow, col: string, isTotal: boolean) => {
    const text = fmt(row, col);
    const href =
      kind(row, col) === 'count' && Number(row[col]) > 0 ? p.drill?.(row, col, isTotal) : null;
    if (!href) return text;
    const name = `${isTotal ? t('reports.dashboard.total') : p.label(row)}, ${columnLabel(col, t)}: ${text}`;
    return (
      <Link
        href={href}
        aria-label={t('reports.dashboard.drill', { value: name })}
        className="text-blue-800 underline underline-offset-2"
      >
        {text}
      </Link>
    );
  };
  const chartCol = p.chart?.column;
  const chartKind = chartCol ? kindOf(chartCol) : 'count';
  const max =
    chartKind === 'share'
      ? 1
      : Math.max(1, ...p.rows.map((r) => (chartCol ? Number(r[chartCol]) || 0 : 0)));
  return (
    <div className="mb-8 grid gap-4 lg:grid-cols-[16rem_minmax(0,1fr)] lg:items-start">
      {chartCol && p.rows.length > 0 ? (
        <div aria-hidden="true" className="order-last lg:order-first">
          <p className="mb-2 text-sm font-semibold text-slate-800">{columnLabel(chartCol, t)}</p>
          <ul className="space-y-1">
            {p.rows.map((r, i) => {
              const v = Number(r[chartCol]) || 0;
              return (
                <li key={i} className="text-sm text-slate-900">
                  <span className="flex justify-between gap-2">
                    <span className="truncate">{p.label(r)}</span>
                    <span className="font-semibold">{fmt(r, chartCol)}</span>
                  </span>
                  <span className="block h-3 w-full bg-slate-200">
                    <span
                      className="block h-3 bg-blue-800"
                      style={{ width: `${Math.max(0, Math.min(100, (v / max) * 100))}%` }}
                    />
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ) : (
        chartCol && <div className="hidden lg:block" />
      )}
      <div className={`min-w-0 ${chartCol ? '' : 'lg:col-span-2'}`}>
        {/* The caption names the table; its visible twin stays put while the table scrolls. */}
        {!p.captionHidden && (
          <p aria-hidden="true" className="mb-2 text-lg font-semibold text-slate-900">
            {p.caption}
          </p>
        )}
        <div
          role="region"
          aria-labelledby={captionId}
          tabIndex={0}
          className="relative max-w-full overflow-x-auto"
        >
          <table className="w-full border-collapse text-left">
            <caption id={captionId} className="sr-only">
              {p.caption}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="min-w-36 border-b-2 border-slate-700 p-2 align-bottom">
                  {p.rowHeader}
                </th>
                {p.columns.map((c) => (
                  <th
                    key={c}
                    scope="col"
                    // Long headers get more room, so they wrap to two or three lines, not five.
                    className={`${columnLabel(c, t).length > 24 ? 'min-w-48' : 'min-w-28'} border-b-2 border-slate-700 p-2 text-right align-bottom`}
                  >
                    {columnLabel(c, t)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {p.rows.length === 0 && (
                <tr>
                  <td colSpan={p.columns.length + 1} className="p-2 text-slate-700">
                    {t('reports.dashboard.noRows')}
                  </td>
                </tr>
              )}
              {p.rows.map((r, i) => (
                <tr key={i} className="border-b border-slate-300">
                  <th scope="row" className="p-2 text-left font-normal">
                    {p.label(r)}
                  </th>
                  {p.columns.map((c) => (
                    <td key={c} className="p-2 text-right whitespace-nowrap tabular-nums">
                      {cell(r, c, false)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            {p.totals && p.rows.length > 1 && (
              <tfoot>
                <tr className="border-t-2 border-slate-700 font-semibold">
                  <th scope="row" className="p-2 text-left">
                    {t('reports.dashboard.total')}
                  </th>
                  {p.columns.map((c) => (
                    <td key={c} className="p-2 text-right whitespace-nowrap tabular-nums">
                      {cell(p.totals!, c, true)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            )}
          </table>
        </div>
        {p.csv && (
          <p className="mt-2">
            <a href={p.csv} download className="text-blue-800 underline">
              {t('reports.dashboard.csv')}
              <span className="sr-only">: {p.caption}</span>
            </a>
          </p>
        )}
      </div>
    </div>
  );
}

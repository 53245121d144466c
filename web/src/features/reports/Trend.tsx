// Each clock's share met per month of the period: small bars per clock (hidden from assistive
// technology) and the same shares as a table, clocks down and months across.
import { useId } from 'react';
import { Link } from 'wouter';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { reportCsvHref, useReport, type ReportRow } from './api.ts';
import { formatCell, formatMonth, rowLabel } from './format.ts';
import { reportDrillHref } from './links.ts';
import type { Period } from './period.ts';

export function Trend({ period }: { period: Period }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const id = useId();
  const q = useReport('clock-compliance', period, 'clock-month');
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadFailed error={q.error} retry={() => void q.refetch()} />;
  const cells = new Map<string, ReportRow>();
  const clocks = new Set<string>();
  const months = new Set<string>();
  for (const r of q.data.rows) {
    const [clock, month] = String(r.key).split(' ');
    if (!clock || !month) continue;
    clocks.add(clock);
    months.add(month);
    cells.set(`${clock} ${month}`, r);
  }
  const cs = [...clocks].sort();
  const ms = [...months].sort();
  const caption = t('reports.dashboard.tables.trend');
  if (cs.length === 0) return <p className="mb-8">{t('reports.dashboard.none')}</p>;
  return (
    <div className="mb-8 grid gap-4 lg:grid-cols-[16rem_minmax(0,1fr)] lg:items-start">
      <ul aria-hidden="true" className="order-last space-y-2 lg:order-first">
        {cs.map((c) => (
          <li key={c} className="text-sm text-slate-900">
            <span className="block truncate">{rowLabel(c, 'clock', t)}</span>
            <span className="flex h-10 items-end gap-1 border-b-2 border-slate-700">
              {ms.map((m) => {
                const share = cells.get(`${c} ${m}`)?.shareMet;
                const none = share === null || share === undefined;
                return (
                  <span key={m} className="flex h-full min-w-2 flex-1 items-end bg-slate-100">
                    <span
                      className={`block w-full ${Number(share) === 0 ? 'bg-red-700' : 'bg-blue-800'}`}
                      style={{ height: none ? 0 : `${Math.max(4, Number(share) * 100)}%` }}
                    />
                  </span>
                );
              })}
            </span>
          </li>
        ))}
      </ul>
      <div className="min-w-0">
        <p aria-hidden="true" className="mb-2 text-lg font-semibold">
          {caption}
        </p>
        <div
          role="region"
          aria-labelledby={`${id}-caption`}
          tabIndex={0}
          className="relative max-w-full overflow-x-auto"
        >
          <table className="w-full border-collapse text-left">
            <caption id={`${id}-caption`} className="sr-only">
              {caption}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="min-w-36 border-b-2 border-slate-700 p-2">
                  {t('reports.dashboard.rowHeader.clock')}
                </th>
                {ms.map((m) => (
                  <th
                    key={m}
                    scope="col"
                    className="border-b-2 border-slate-700 p-2 text-right whitespace-nowrap"
                  >
                    {formatMonth(m, lng)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cs.map((c) => (
                <tr key={c} className="border-b border-slate-300">
                  <th scope="row" className="p-2 text-left font-normal">
                    {rowLabel(c, 'clock', t)}
                  </th>
                  {ms.map((m) => {
                    const row = cells.get(`${c} ${m}`);
                    const text = formatCell(row?.shareMet ?? null, 'share', lng);
                    return (
                      <td key={m} className="p-2 text-right tabular-nums">
                        {row && Number(row.clocks) > 0 ? (
                          <Link
                            href={reportDrillHref(
                              period,
                              'clock-compliance',
                              'clock-month',
                              `${c} ${m}`,
                              'clocks',
                            )}
                            aria-label={t('reports.dashboard.drill', {
                              value: `${rowLabel(c, 'clock', t)}, ${formatMonth(m, lng)}: ${text}`,
                            })}
                            className="text-blue-800 underline underline-offset-2"
                          >
                            {text}
                          </Link>
                        ) : (
                          text
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-2">
          <a
            href={reportCsvHref('clock-compliance', period, 'clock-month')}
            download
            className="text-blue-800 underline"
          >
            {t('reports.dashboard.csv')}
            <span className="sr-only">: {caption}</span>
          </a>
        </p>
      </div>
    </div>
  );
}

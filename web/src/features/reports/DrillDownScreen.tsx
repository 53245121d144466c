// `/dashboard/complaints?report=…&groupBy=…&key=…&measure=…&from=…&to=…`: the complaints
// counted in one figure of the dashboard (GET /reports/{name}/complaints).
import { useMemo } from 'react';
import { Link, useSearch } from 'wouter';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useReportComplaints } from './api.ts';
import { ComplaintList } from './ComplaintList.tsx';
import { columnLabel, formatDate, rowLabel } from './format.ts';
import { periodSearch, readPeriod } from './period.ts';

export function DrillDownScreen() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const search = useSearch();
  const period = useMemo(() => readPeriod(search), [search]);
  const s = new URLSearchParams(search);
  const drill = useMemo(
    () => ({
      name: s.get('report') ?? 'volumes',
      groupBy: s.get('groupBy') ?? 'channel',
      key: s.get('key') ?? '',
      measure: s.get('measure'),
    }),
    [search],
  );
  const q = useReportComplaints(drill, period);
  const row =
    drill.groupBy === 'all'
      ? t('reports.dashboard.total')
      : drill.groupBy === 'clock-month'
        ? drill.key
            .split(' ')
            .map((part, i) => (i === 0 ? rowLabel(part, 'clock', t) : part))
            .join(', ')
        : rowLabel(drill.key, drill.groupBy, t);
  return (
    <>
      <p className="mb-2 text-lg">
        {t('reports.drill.what', {
          figure: drill.measure ? columnLabel(drill.measure, t) : t('reports.measures.complaints'),
          row,
        })}
      </p>
      <p className="mb-6 text-slate-800">
        {formatDate(period.from, lng)} – {formatDate(period.to, lng)}
        {period.policy ? `, ${period.policy}` : ''}
      </p>
      <ComplaintList query={q} />
      <Link href={`/dashboard${periodSearch(period)}`} className="text-blue-800 underline">
        {t('reports.drill.back')}
      </Link>
    </>
  );
}

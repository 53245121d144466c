// `/returns/{kind}/complaints?measure=…&productGroup=…&cause=…&key=…&periodStart=…`: the
// complaints behind one figure of a return (GET /returns/{kind}/complaints).
import { useMemo } from 'react';
import { Link, useSearch } from 'wouter';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useReturnComplaints, type CellParams } from './api.ts';
import { ComplaintList } from './ComplaintList.tsx';
import { formatDate, rowLabel } from './format.ts';
import { periodSearch, RETURN_KEYS } from './period.ts';
import { readReturnPeriod } from './ReturnScreen.tsx';

export function ReturnDrillScreen({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const search = useSearch();
  const period = useMemo(() => readReturnPeriod(kind, search), [kind, search]);
  const cell = useMemo(() => {
    const s = new URLSearchParams(search);
    const c: CellParams = { measure: s.get('measure') ?? 'opened' };
    for (const k of ['productGroup', 'cause', 'key'] as const) {
      const v = s.get(k);
      if (v) c[k] = v;
    }
    return c;
  }, [search]);
  const q = useReturnComplaints(kind, cell, period);
  const row = [cell.productGroup, cell.cause, cell.key]
    .filter(Boolean)
    .map((v) => rowLabel(v, '', t))
    .join(', ');
  return (
    <>
      <p className="mb-2 text-lg">
        {t('reports.drill.what', {
          figure: t(`reports.returns.m.${cell.measure}`, { defaultValue: cell.measure }),
          row: row || t('reports.dashboard.total'),
        })}
      </p>
      <p className="mb-6 text-slate-800">
        {t(`reports.returns.kinds.${kind}`, { defaultValue: kind })}: {formatDate(period.from, lng)}{' '}
        – {formatDate(period.to, lng)}
      </p>
      <ComplaintList query={q} />
      <Link
        href={`/returns/${kind}${periodSearch(period, RETURN_KEYS)}`}
        className="text-blue-800 underline"
      >
        {t('reports.drill.backReturn')}
      </Link>
    </>
  );
}

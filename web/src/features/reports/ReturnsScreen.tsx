// `/returns`: each kind of regulator return (opening on its usual period) and the snapshots
// filed of it.
import { Link } from 'wouter';
import { DataTable } from '../../components/DataTable.tsx';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { formatMoment } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useFiledReturns, type FiledReturn } from './api.ts';
import { formatDate } from './format.ts';

export const RETURN_KINDS = ['fca-disp', 'ofcom-quarterly', 'spso-kpi'] as const;

export function ReturnsScreen() {
  const { t } = useTranslation();
  return (
    <>
      <p className="mb-6 max-w-prose">{t('reports.returns.intro')}</p>
      {RETURN_KINDS.map((kind) => (
        <Section key={kind} id={kind} title={t(`reports.returns.kinds.${kind}`)}>
          <p className="mb-3">
            <Link href={`/returns/${kind}`} className="text-blue-800 underline">
              {t('reports.returns.open')}: {t(`reports.returns.kinds.${kind}`)}
            </Link>
          </p>
          <FiledList kind={kind} />
        </Section>
      ))}
    </>
  );
}

function FiledList({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const q = useFiledReturns(kind);
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadFailed error={q.error} retry={() => void q.refetch()} />;
  if (q.data.items.length === 0) return <p>{t('reports.returns.noneFiled')}</p>;
  const period = (f: FiledReturn) =>
    `${formatDate(f.periodStart, lng)} – ${formatDate(f.periodEnd, lng)}`;
  return (
    <DataTable
      caption={t('reports.returns.filedTable', { kind: t(`reports.returns.kinds.${kind}`) })}
      rows={q.data.items}
      rowKey={(f) => f.id}
      columns={[
        { header: t('reports.returns.cols.period'), cell: period },
        { header: t('reports.returns.cols.version'), cell: (f) => f.version },
        {
          header: t('reports.returns.cols.filedAt'),
          cell: (f) => formatMoment(f.filedAt, lng, f.timezone),
        },
        { header: t('reports.returns.cols.filedBy'), cell: (f) => f.filedBy },
        {
          header: t('reports.returns.cols.view'),
          cell: (f) => (
            <Link href={`/returns/${kind}/filed/${f.id}`} className="text-blue-800 underline">
              {t('reports.returns.viewFiled', {
                version: f.version,
                from: formatDate(f.periodStart, lng),
                to: formatDate(f.periodEnd, lng),
              })}
            </Link>
          ),
        },
      ]}
    />
  );
}

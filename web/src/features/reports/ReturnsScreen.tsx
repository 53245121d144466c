// `/returns`: each kind of regulator return (opening on its usual period) and the snapshots
// filed of it.
import { useId } from 'react';
import { Link } from 'wouter';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { formatMoment } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useFiledReturns, type FiledReturn } from './api.ts';
import { useAssignees } from '../queue/api.ts';
import { formatDate, formatShortDate } from './format.ts';

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
  const id = useId();
  const q = useFiledReturns(kind);
  const people = useAssignees();
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadFailed error={q.error} retry={() => void q.refetch()} />;
  if (q.data.items.length === 0) return <p>{t('reports.returns.noneFiled')}</p>;
  const name = (userId: string) => people.data?.find((p) => p.id === userId)?.name ?? userId;
  const caption = t('reports.returns.filedTable', { kind: t(`reports.returns.kinds.${kind}`) });
  const th = 'border-b-2 border-slate-700 p-2 text-left align-bottom';
  return (
    <>
      <p aria-hidden="true" className="mb-2 text-lg font-semibold">
        {caption}
      </p>
      <div
        role="region"
        aria-labelledby={id}
        tabIndex={0}
        className="relative mb-6 max-w-full overflow-x-auto"
      >
        <table className="w-full border-collapse text-left">
          <caption id={id} className="sr-only">
            {caption}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={th}>
                {t('reports.returns.cols.period')}
              </th>
              <th scope="col" className={th}>
                {t('reports.returns.cols.version')}
              </th>
              <th scope="col" className={th}>
                {t('reports.returns.cols.filedAt')}
              </th>
              <th scope="col" className={th}>
                {t('reports.returns.cols.filedBy')}
              </th>
              <th scope="col" className={th}>
                {t('reports.returns.cols.view')}
              </th>
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((f: FiledReturn) => (
              <tr key={f.id} className="border-b border-slate-300">
                <th scope="row" className="p-2 text-left font-normal whitespace-nowrap">
                  {formatShortDate(f.periodStart, lng)} – {formatShortDate(f.periodEnd, lng)}
                </th>
                <td className="p-2">{f.version}</td>
                <td className="p-2 whitespace-nowrap">
                  {formatMoment(f.filedAt, lng, f.timezone)}
                </td>
                <td className="p-2">{name(f.filedBy)}</td>
                <td className="p-2 whitespace-nowrap">
                  <Link href={`/returns/${kind}/filed/${f.id}`} className="text-blue-800 underline">
                    {t('reports.returns.view')}
                    <span className="sr-only">
                      {' '}
                      {t('reports.returns.viewFiled', {
                        version: f.version,
                        from: formatDate(f.periodStart, lng),
                        to: formatDate(f.periodEnd, lng),
                      })}
                    </span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

// `/returns/{kind}/filed/{id}`: one filed return exactly as it was filed (who, when, digest),
// its warnings and its tables. No links to today's complaints: they may differ from the filing.
import { Link, useSearch } from 'wouter';
import { Alert } from '../../components/Alert.tsx';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { formatMoment } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAssignees } from '../queue/api.ts';
import { useFiledReturn } from './api.ts';
import { periodSearch, RETURN_KEYS } from './period.ts';
import { ReturnFigures } from './ReturnFigures.tsx';
import { ReturnHeader, Warnings } from './ReturnScreen.tsx';

export function FiledReturnScreen({ kind, id }: { kind: string; id: number }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const justFiled = new URLSearchParams(useSearch()).get('filed') === '1';
  const q = useFiledReturn(kind, id);
  const people = useAssignees();
  if (q.isPending) return <Loading />;
  if (q.isError) return <LoadFailed error={q.error} retry={() => void q.refetch()} />;
  const r = q.data;
  return (
    <>
      {justFiled && (
        <Alert tone="success" title={t('reports.returns.filedDone', { version: r.version })} />
      )}
      <h2 className="mb-2 text-2xl font-bold">
        {t('reports.returns.snapshot', { version: r.version })}
      </h2>
      <p className="mb-1">{t('reports.returns.snapshotNote')}</p>
      <dl className="mb-4 grid grid-cols-1 gap-x-6 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t('reports.returns.cols.filedAt')}</dt>
        <dd className="mb-2 sm:mb-0">{formatMoment(r.filedAt, lng, r.timezone)}</dd>
        <dt className="font-semibold">{t('reports.returns.cols.filedBy')}</dt>
        <dd className="mb-2 sm:mb-0">
          {people.data?.find((p) => p.id === r.filedBy)?.name ?? r.filedBy}
        </dd>
        <dt className="font-semibold">{t('reports.returns.cols.computedAt')}</dt>
        <dd className="mb-2 sm:mb-0">{formatMoment(r.computedAt, lng, r.timezone)}</dd>
        <dt className="font-semibold">{t('reports.returns.cols.digest')}</dt>
        <dd className="font-mono break-all">{r.digest}</dd>
      </dl>
      <ReturnHeader r={r} />
      <Warnings r={r} />
      <Section id="figures" title={t(`reports.returns.kinds.${kind}`, { defaultValue: kind })}>
        <ReturnFigures kind={kind} figures={r.figures} policy={r.policy} drill={null} />
      </Section>
      <ul className="flex flex-wrap gap-x-6">
        <li>
          <Link
            href={`/returns/${kind}${periodSearch({ from: r.periodStart, to: r.periodEnd, policy: r.policy.id }, RETURN_KEYS)}`}
            className="inline-flex min-h-11 items-center text-blue-800 underline"
          >
            {t('reports.returns.current')}
          </Link>
        </li>
        <li>
          <Link
            href="/returns"
            className="inline-flex min-h-11 items-center text-blue-800 underline"
          >
            {t('reports.returns.backList')}
          </Link>
        </li>
      </ul>
    </>
  );
}

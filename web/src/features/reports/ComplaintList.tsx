// The complaints behind a figure: how many, and each one's reference linking to its workspace.
import { Link } from 'wouter';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatCell } from './format.ts';

export function ComplaintList({
  query,
}: {
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
    data?: { total: number; references: string[] } | undefined;
  };
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  if (query.isPending) return <Loading />;
  if (query.isError || !query.data)
    return <LoadFailed error={query.error} retry={() => void query.refetch()} />;
  const { total, references } = query.data;
  if (total === 0) return <p className="mb-6">{t('reports.drill.empty')}</p>;
  return (
    <>
      <p className="mb-2 text-lg font-semibold" role="status">
        {t('reports.drill.count', { count: total, formatted: formatCell(total, 'count', lng) })}
      </p>
      {references.length < total && (
        <p className="mb-2">
          {t('reports.drill.shown', { shown: formatCell(references.length, 'count', lng) })}
        </p>
      )}
      <ul
        aria-label={t('reports.drill.list')}
        className="mb-6 grid grid-cols-[repeat(auto-fill,minmax(12rem,1fr))] gap-x-4"
      >
        {references.map((ref) => (
          <li key={ref}>
            <Link
              href={`/complaints/${encodeURIComponent(ref)}`}
              className="inline-flex min-h-11 items-center font-mono text-blue-800 underline"
            >
              {ref}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

// The saved views, each a link to its query with how many open complaints it holds.
import { Link } from 'wouter';
import { formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { QueueView } from './api.ts';
import { toSearch, type QueueParams } from './queue-params.ts';

export function SavedViews({
  views,
  params,
}: {
  views: QueueView[] | undefined;
  params: QueueParams;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const current = params.view;
  const noFilter = !current && Object.keys(params).every((k) => k === 'sort');
  const linkClass =
    'inline-flex min-h-11 items-center gap-2 rounded border-2 px-3 py-1 font-semibold no-underline ' +
    'border-blue-800 text-blue-900 hover:bg-blue-50 aria-[current=page]:bg-blue-800 aria-[current=page]:text-white';
  return (
    <nav aria-label={t('queue.views')} className="mb-6">
      <ul className="flex flex-wrap gap-2">
        <li>
          <Link href="/queue" aria-current={noFilter ? 'page' : undefined} className={linkClass}>
            {t('queue.allOpen')}
          </Link>
        </li>
        {views?.map((v) => (
          <li key={v.view}>
            <Link
              href={`/queue${toSearch({ ...v.query, view: v.view })}`}
              aria-current={current === v.view ? 'page' : undefined}
              aria-label={`${t(`queue.viewName.${v.view}`)}, ${t('queue.viewCount', { count: v.count })}`}
              className={linkClass}
            >
              <span>{t(`queue.viewName.${v.view}`)}</span>
              <span className="rounded-full border border-current px-2 text-sm">
                {formatNumber(v.count, lng)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

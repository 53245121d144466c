// A diff as a table a screen reader can read: each line says in words whether it was added,
// removed or is unchanged, with its line numbers before and after.
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatNumber } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import type { DiffLine } from './line-diff.ts';

const ROW = {
  added: 'bg-green-50 text-green-900',
  removed: 'bg-red-50 text-red-900',
  same: 'text-slate-800',
} as const;

export function LineDiff({ lines, caption }: { lines: DiffLine[]; caption: string }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const changes = lines.filter((l) => l.kind === 'added' || l.kind === 'removed').length;
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="mb-6 overflow-x-auto">
      <table className="w-full border-collapse text-left font-mono text-sm">
        <caption className="mb-2 text-left font-sans text-lg font-semibold">
          {caption}
          <span className="block text-base font-normal">
            {changes === 0
              ? t('admin.diff.none')
              : t('admin.diff.count', { count: changes, n: formatNumber(changes, lng) })}
          </span>
        </caption>
        <thead className="font-sans">
          <tr>
            <th scope="col" className="border-b-2 border-slate-700 p-1">
              {t('admin.diff.change')}
            </th>
            <th scope="col" className="border-b-2 border-slate-700 p-1">
              {t('admin.diff.before')}
            </th>
            <th scope="col" className="border-b-2 border-slate-700 p-1">
              {t('admin.diff.after')}
            </th>
            <th scope="col" className="border-b-2 border-slate-700 p-1">
              {t('admin.diff.text')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) =>
            l.kind === 'folded' ? (
              <tr key={i} className="border-b border-slate-300 font-sans text-slate-700">
                <td colSpan={4} className="p-1 italic">
                  {t('admin.diff.folded', { count: l.count, n: formatNumber(l.count, lng) })}
                </td>
              </tr>
            ) : (
              <tr key={i} className={`border-b border-slate-200 ${ROW[l.kind]}`}>
                <td className="p-1 font-sans font-semibold whitespace-nowrap">
                  {t(`admin.diff.${l.kind}`)}
                </td>
                <td className="p-1 text-right">{l.before ?? ''}</td>
                <td className="p-1 text-right">{l.after ?? ''}</td>
                <td className="p-1 whitespace-pre">{l.text}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

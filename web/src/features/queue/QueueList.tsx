// The page of complaints: each with a checkbox, its reference and subject (the link that opens
// it), who and where it is with, and a badge for every open clock. j/k move between the links.
import { Link } from 'wouter';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatMoment } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { QueueItem } from './api.ts';
import { ClockBadge } from './ClockBadge.tsx';

export const rowLinkId = (i: number) => `queue-row-${i}`;

export function QueueList({
  items,
  now,
  selected,
  allMatching,
  onToggle,
  onFocusRow,
  names,
  busy,
}: {
  /** The list shown is the previous one while the new one loads. */
  busy: boolean;
  items: QueueItem[];
  now: number;
  selected: Set<string>;
  allMatching: boolean;
  onToggle: (reference: string) => void;
  onFocusRow: (index: number) => void;
  names: { users: Map<string, string>; departments: Map<string, string> };
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  return (
    <ol
      aria-label={t('queue.list')}
      aria-busy={busy}
      className="mb-6 divide-y-2 divide-slate-200 border-y-2 border-slate-200"
    >
      {items.map((c, i) => {
        const checked = allMatching || selected.has(c.reference);
        return (
          <li
            key={c.reference}
            className="flex gap-3 py-3 focus-within:bg-blue-50 sm:gap-4 sm:px-2"
          >
            <input
              type="checkbox"
              aria-label={t('queue.select', { reference: c.reference })}
              checked={checked}
              disabled={allMatching}
              onChange={() => onToggle(c.reference)}
              className="mt-2 h-6 w-6 shrink-0 accent-blue-800"
            />
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-baseline gap-x-3">
                <Link
                  id={rowLinkId(i)}
                  href={`/complaints/${c.reference}`}
                  onFocus={() => onFocusRow(i)}
                  className="inline-flex min-h-11 flex-col py-1 text-lg font-bold text-blue-800 underline sm:flex-row sm:items-center"
                >
                  <span className="whitespace-nowrap sm:mr-2">{c.reference}</span>
                  <span className="break-words">{c.subject}</span>
                </Link>
              </p>
              <p className="flex flex-wrap gap-x-4 gap-y-1 text-slate-800">
                <span>{c.customerName}</span>
                <span>{t(`queue.status.${c.status}`)}</span>
                <span>{t(`queue.channel.${c.channel}`)}</span>
                <span>
                  {t('queue.received', { date: formatMoment(c.receivedAt, lng, c.timezone) })}
                </span>
                <span>
                  {c.assigneeId
                    ? t('queue.assignedTo', { name: names.users.get(c.assigneeId) ?? c.assigneeId })
                    : t('queue.notAssigned')}
                </span>
                {c.departmentId && (
                  <span>
                    {t('queue.department', {
                      name: names.departments.get(c.departmentId) ?? c.departmentId,
                    })}
                  </span>
                )}
              </p>
              <ul aria-label={t('queue.clocks')} className="mt-2 flex flex-wrap gap-2">
                {c.flags.map((f) => (
                  <li key={f}>
                    <StatusBadge tone="warn">{t(`queue.flag.${f}`)}</StatusBadge>
                  </li>
                ))}
                {c.clocks.map((k) => (
                  <li key={k.clock}>
                    <ClockBadge clock={k} now={now} timeZone={c.timezone} />
                  </li>
                ))}
                {c.clocks.length === 0 && <li className="text-slate-700">{t('queue.noClocks')}</li>}
              </ul>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

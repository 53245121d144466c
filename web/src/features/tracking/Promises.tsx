// Each promise made to the customer and when it falls due: done, due or overdue, in words. A
// right the customer has from a date (going to the ombudsman) reads "from", never "by".
import { useTranslation } from '../../i18n/use-translation.ts';
import { StatusBadge, type BadgeTone } from '../../components/StatusBadge.tsx';
import { formatDue } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';

export interface Deadline {
  clock: string;
  label: string;
  dueAt: string | null;
  kind?: 'we_will_by' | 'you_may_from';
  status?: string;
}

type State = 'met' | 'pending' | 'late' | 'rightPending' | 'rightOpen';
const TONE: Record<State, BadgeTone> = {
  met: 'good',
  pending: 'neutral',
  late: 'bad',
  rightPending: 'neutral',
  rightOpen: 'good',
};

function stateOf(d: Deadline, now: string): State {
  const reached = d.dueAt !== null && d.dueAt <= now;
  if (d.kind === 'you_may_from') return reached ? 'rightOpen' : 'rightPending';
  if (d.status === 'met' || d.status === 'stopped') return 'met';
  if (d.status === 'breached') return 'late';
  return reached ? 'late' : 'pending';
}

export function PromiseList({
  deadlines,
  now,
  timeZone,
}: {
  deadlines: Deadline[];
  now: string;
  timeZone?: string | undefined;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  if (deadlines.length === 0) return <p>{t('track.noPromises')}</p>;
  // Soonest first; a promise without a date last.
  const sorted = [...deadlines].sort((a, b) => (a.dueAt ?? '~').localeCompare(b.dueAt ?? '~'));
  return (
    <ul className="flex flex-col gap-3">
      {sorted.map((d) => {
        const state = stateOf(d, now);
        const promise = t(`clocks.${d.clock}`, { defaultValue: d.label });
        const due = d.dueAt ? formatDue(d.dueAt, lng, t, timeZone) : null;
        return (
          <li
            key={d.clock}
            className="flex flex-wrap items-baseline gap-x-3 gap-y-1 border-l-4 border-slate-300 pl-3"
          >
            <StatusBadge tone={TONE[state]}>{t(`promise.${state}`)}</StatusBadge>
            <span>
              {due === null
                ? t('promise.noDate', { promise })
                : d.kind === 'you_may_from'
                  ? t('promise.from', { promise, due })
                  : t('promise.by', { promise, due })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

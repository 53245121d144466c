// The FCA complaints return's filing deadline for the dashboard's period (30 business days
// after the period end, on the policy's calendar — the API computes it) as a clock: the date,
// and the days left or overdue.
import { Link } from 'wouter';
import { Loading } from '../../components/States.tsx';
import { formatDue } from '../../i18n/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useReturnDeadline } from './api.ts';
import { formatDate } from './format.ts';
import { periodSearch, RETURN_KEYS, type Period } from './period.ts';

const DAY = 86_400_000;

/** The return's own policy (uk-fca-disp by default), for the dashboard's dates. */
export const fcaPeriodOf = (p: Period): Period => ({ from: p.from, to: p.to, policy: null });

/** Whether the dashboard shows the FCA deadline: for every policy, or the FCA one. */
export const showsFcaDeadline = (p: Period) => !p.policy || p.policy === 'uk-fca-disp';

export function FcaDeadline({ period }: { period: Period }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const fcaPeriod = fcaPeriodOf(period);
  const q = useReturnDeadline('fca-disp', fcaPeriod);
  if (q.isPending) return <Loading />;
  // No FCA policy here (or no right to it): nothing to show.
  if (q.isError) return null;
  const r = q.data;
  if (!r.deadline) return null;
  const due = Date.parse(r.deadline.dueAt);
  const days = Math.ceil((due - Date.now()) / DAY);
  const overdue = days < 0;
  return (
    <div
      className={`mb-6 max-w-xl border-l-8 p-4 ${overdue ? 'border-red-700 bg-red-50' : 'border-blue-800 bg-blue-50'}`}
    >
      <h3 className="mb-1 text-xl font-bold">{t('reports.dashboard.sections.fcaDeadline')}</h3>
      <p>
        {t('reports.dashboard.fca.period', {
          from: formatDate(period.from, lng),
          to: formatDate(period.to, lng),
        })}
      </p>
      <p className="font-semibold">
        {t('reports.dashboard.fca.due', {
          due: formatDue(r.deadline.dueAt, lng, t, r.timezone ?? undefined),
        })}
      </p>
      <p className={`text-2xl font-bold ${overdue ? 'text-red-800' : 'text-blue-900'}`}>
        {overdue
          ? t('reports.dashboard.fca.overdue', { count: -days })
          : t('reports.dashboard.fca.left', { count: days })}
      </p>
      <p className="mb-2 text-sm text-slate-800">{t('reports.dashboard.fca.rule')}</p>
      <Link
        href={`/returns/fca-disp${periodSearch({ ...fcaPeriod, policy: null }, RETURN_KEYS)}`}
        className="text-blue-800 underline"
      >
        {t('reports.dashboard.fca.open')}
      </Link>
    </div>
  );
}

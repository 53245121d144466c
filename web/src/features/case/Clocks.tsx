// Every clock of the complaint — several run at once — each with its due instant, what is
// left in its own unit, the time it spent paused and its history.
import type { TFunction } from 'i18next';
import { useTranslation } from '../../i18n/use-translation.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { Section } from '../../components/Page.tsx';
import { StatusBadge, type BadgeTone } from '../../components/StatusBadge.tsx';
import type { Clock } from './api.ts';

const TONE: Record<Clock['status'], BadgeTone> = {
  running: 'neutral',
  paused: 'warn',
  met: 'good',
  breached: 'bad',
};

/** The clock's name in the language shown: the app's translation, else the policy's label. */
export const clockName = (t: TFunction, clock: string, label: string): string =>
  t(`case.clockNames.${clock}`, { defaultValue: label });

const round = (n: number) => Math.round(n * 10) / 10;

/** Running and paused clocks first, the soonest due first; then those met or breached. */
const ORDER: Record<Clock['status'], number> = { breached: 0, running: 0, paused: 1, met: 2 };
const byUrgency = (a: Clock, b: Clock) =>
  ORDER[a.status] - ORDER[b.status] || (a.dueAt ?? '~').localeCompare(b.dueAt ?? '~');

export function Clocks({ clocks, timeZone }: { clocks: Clock[]; timeZone: string }) {
  const { t } = useTranslation();
  const duration = (ms: number) => {
    const minutes = Math.round(ms / 60_000);
    return t('case.duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  };
  return (
    <Section id="clocks" title={t('case.clocks.title')}>
      {clocks.length === 0 && <p>{t('case.clocks.none')}</p>}
      <ul className="grid gap-4 lg:grid-cols-2">
        {[...clocks].sort(byUrgency).map((c) => (
          <li key={c.clock} className="rounded border-2 border-slate-400 p-4">
            <article aria-labelledby={`clock-${c.clock}`}>
              <h3 id={`clock-${c.clock}`} className="mb-2 text-lg font-bold">
                {clockName(t, c.clock, c.label)}
              </h3>
              <p className="mb-2 flex flex-wrap items-center gap-2">
                <StatusBadge tone={TONE[c.status]}>
                  {t(`case.clocks.status.${c.status}`)}
                </StatusBadge>
                {c.regulatory && <span>{t('case.clocks.regulatory')}</span>}
                {c.amount !== null && c.unit && (
                  <span className="text-slate-800">
                    {t('case.clocks.span', { span: t(`units.${c.unit}`, { count: c.amount }) })}
                  </span>
                )}
              </p>
              <dl className="text-base">
                {c.dueAt && (
                  <div className="flex flex-wrap gap-x-2">
                    <dt className="font-semibold">{t('case.clocks.due')}</dt>
                    <dd>
                      <DateTime iso={c.dueAt} timeZone={timeZone} style="due" />
                    </dd>
                  </div>
                )}
                {c.remaining && (
                  <div className="flex flex-wrap gap-x-2">
                    <dt className="font-semibold">{t('case.clocks.remaining')}</dt>
                    <dd>
                      {c.remaining.overdueBy > 0
                        ? t('case.clocks.overdueBy', {
                            span: t(`units.${c.remaining.unit}`, {
                              count: round(c.remaining.overdueBy),
                            }),
                          })
                        : round(c.remaining.amount) < 1
                          ? t('case.clocks.lessThan', {
                              span: t(`units.${c.remaining.unit}`, { count: 1 }),
                            })
                          : t('case.clocks.left', {
                              span: t(`units.${c.remaining.unit}`, {
                                count: round(c.remaining.amount),
                              }),
                            })}
                    </dd>
                  </div>
                )}
                <div className="flex flex-wrap gap-x-2">
                  <dt className="font-semibold">{t('case.clocks.paused')}</dt>
                  <dd>{c.pausedMs > 0 ? duration(c.pausedMs) : t('case.clocks.neverPaused')}</dd>
                </div>
              </dl>
              <h4 className="mt-2 font-semibold">{t('case.clocks.history')}</h4>
              <ol className="list-disc pl-6 text-slate-800">
                <li>
                  {t('case.clocks.started')} <DateTime iso={c.startedAt} timeZone={timeZone} />
                </li>
                {c.pauses.map((p) => (
                  <li key={p.from}>
                    {t('case.clocks.pausedAt')} <DateTime iso={p.from} timeZone={timeZone} />
                    {p.to ? (
                      <>
                        {' — '}
                        {t('case.clocks.resumedAt')} <DateTime iso={p.to} timeZone={timeZone} />
                      </>
                    ) : (
                      ` — ${t('case.clocks.stillPaused')}`
                    )}
                  </li>
                ))}
                {c.breachedAt && (
                  <li>
                    {t('case.clocks.breachedAt')}{' '}
                    <DateTime iso={c.breachedAt} timeZone={timeZone} />
                  </li>
                )}
                {c.stoppedAt && (
                  <li>
                    {t('case.clocks.stoppedAt')} <DateTime iso={c.stoppedAt} timeZone={timeZone} />
                  </li>
                )}
              </ol>
            </article>
          </li>
        ))}
      </ul>
    </Section>
  );
}

// What the procedure expects next, from the policy through the API: "Acknowledge by …".
import { useTranslation } from '../../i18n/use-translation.ts';
import { DateTime } from '../../components/DateTime.tsx';
import type { Complaint } from './api.ts';
import { clockName } from './Clocks.tsx';

export function NextStep({ c }: { c: Complaint }) {
  const { t } = useTranslation();
  const step = c.nextStep;
  return (
    <section
      aria-labelledby="next-step-heading"
      className="mb-8 max-w-4xl border-l-8 border-blue-800 bg-blue-50 p-4"
    >
      <h2 id="next-step-heading" className="mb-1 text-xl font-bold">
        {t('case.next.title')}
      </h2>
      {step?.waitingFor ? (
        <>
          <p className="text-lg">{t(`case.next.waiting.${step.waitingFor}`)}</p>
          {step.allowed && step.action && (
            <p className="text-slate-800">
              {t(`case.next.then.${step.waitingFor}`, {
                action: t(`case.actions.${step.action}`),
              })}
            </p>
          )}
          <p className="text-slate-800">
            {t('case.next.meanwhile', { clock: clockName(t, step.clock, step.label) })}{' '}
            <DateTime iso={step.dueAt} timeZone={c.timezone} style="due" />
          </p>
        </>
      ) : step ? (
        <>
          <p className="text-lg">
            {step.action && step.allowed
              ? t(`case.actions.${step.action}`)
              : clockName(t, step.clock, step.label)}{' '}
            {t('case.next.by')} <DateTime iso={step.dueAt} timeZone={c.timezone} style="due" />
          </p>
          <p className="text-slate-800">
            {step.allowed
              ? t('case.next.because', { clock: clockName(t, step.clock, step.label) })
              : step.action
                ? t('case.next.notYet', { action: t(`case.actions.${step.action}`) })
                : null}
          </p>
        </>
      ) : (
        <p>{c.isOpen ? t('case.next.noneRunning') : t('case.next.finished')}</p>
      )}
    </section>
  );
}

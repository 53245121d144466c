// The period and policy of a report screen: two dates and a policy, kept in the URL, and quick
// periods (this month, last quarter…) as links.
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { settings } from '../../app/settings.ts';
import { Button } from '../../components/Button.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { PRESETS, periodSearch, presetPeriod, type Period } from './period.ts';

const INPUT =
  'block w-full rounded border-2 border-slate-700 bg-white px-3 py-2 text-base text-slate-900';

export function PeriodPicker({
  period,
  path,
  keys,
  onChange,
  labels,
  presets = true,
  anyPolicy,
}: {
  period: Period;
  /** The screen's path, for the quick-period links. */
  path: string;
  keys?: { from: string; to: string };
  onChange: (p: Period) => void;
  labels?: { from: string; to: string };
  presets?: boolean;
  /** The words of the empty policy choice (default: every policy). */
  anyPolicy?: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(period);
  const [shown, setShown] = useState(period);
  if (shown !== period) {
    // The URL changed (a quick period, Back): the fields follow it.
    setShown(period);
    setDraft(period);
  }
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.from || !draft.to || draft.to < draft.from) {
      setError(t('reports.period.badPeriod'));
      return;
    }
    setError(null);
    onChange(draft);
  };
  return (
    <section
      aria-labelledby="period-heading"
      className="mb-8 rounded border-2 border-slate-300 p-4"
    >
      <h2 id="period-heading" className="mb-3 text-xl font-bold text-slate-900">
        {t('reports.period.title')}
      </h2>
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="period-from" className="mb-1 block font-semibold">
            {labels?.from ?? t('reports.period.from')}
          </label>
          <input
            id="period-from"
            type="date"
            required
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
            className={INPUT}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'period-error' : undefined}
          />
        </div>
        <div>
          <label htmlFor="period-to" className="mb-1 block font-semibold">
            {labels?.to ?? t('reports.period.to')}
          </label>
          <input
            id="period-to"
            type="date"
            required
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            className={INPUT}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'period-error' : undefined}
          />
        </div>
        <div>
          <label htmlFor="period-policy" className="mb-1 block font-semibold">
            {t('reports.period.policy')}
          </label>
          <select
            id="period-policy"
            value={draft.policy ?? ''}
            onChange={(e) => setDraft({ ...draft, policy: e.currentTarget.value || null })}
            className={INPUT}
          >
            <option value="">{anyPolicy ?? t('reports.period.allPolicies')}</option>
            {settings.policies.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.id})
              </option>
            ))}
          </select>
        </div>
        <Button type="submit">{t('reports.period.show')}</Button>
      </form>
      {error && (
        <p id="period-error" role="alert" className="mt-2 font-semibold text-red-700">
          {error}
        </p>
      )}
      {presets && (
        <nav aria-label={t('reports.period.presets')} className="mt-3">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {PRESETS.map((name) => {
              const p = { ...presetPeriod(name), policy: period.policy };
              const current = p.from === period.from && p.to === period.to;
              return (
                <li key={name}>
                  <Link
                    href={`${path}${periodSearch(p, keys)}`}
                    aria-current={current ? 'true' : undefined}
                    className="inline-flex min-h-11 items-center text-blue-800 underline aria-[current=true]:font-bold aria-[current=true]:no-underline"
                  >
                    {t(`reports.period.${name}`)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
    </section>
  );
}

// The list of a form's problems, shown on submit and focused, each a link to its field.
import { useEffect, useRef } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';

import type { FormProblem } from './form-problem.ts';

export type { FormProblem };

export function ErrorSummary({
  problems,
  focusKey,
}: {
  problems: FormProblem[];
  focusKey: number;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) box.current?.focus();
    // focusKey changes on every submit, so a second failed submit focuses the summary again
  }, [focusKey]);
  if (problems.length === 0) return null;
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-8 border-4 border-red-700 p-4 outline-none focus:ring-4 focus:ring-amber-400"
    >
      <h2 id="error-summary-title" className="mb-2 text-xl font-bold text-slate-900">
        {t('field.errorSummary')}
      </h2>
      <p className="mb-2">{t('field.errorSummaryText')}</p>
      <ul className="list-disc pl-6">
        {problems.map((p, i) => (
          <li key={`${p.field}-${i}`}>
            {p.field ? (
              <a
                href={`#${p.field}`}
                className="font-semibold text-red-700 underline"
                onClick={(e) => {
                  e.preventDefault();
                  const el = document.getElementById(p.field!);
                  const target = el instanceof HTMLFieldSetElement ? el.querySelector('input') : el;
                  target?.focus();
                  el?.scrollIntoView({ block: 'center' });
                }}
              >
                {p.message}
              </a>
            ) : (
              <span className="font-semibold text-red-700">{p.message}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

// A message as it would be sent, rendered by the API against a sample complaint (an unsaved
// draft, or the template in use), with the policy's required content checked.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { LANGUAGE_NAMES, type Language } from '../../i18n/index.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { Schemas } from './admin-api.ts';

type Kind = Schemas['CommunicationKind'];

/** The value, once it has stopped changing for `ms` (so typing does not call the API per key). */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function TemplatePreview({
  policy,
  kind,
  lang,
  draft,
}: {
  policy: string;
  kind: Kind;
  lang: Language;
  /** An unsaved subject and body; without it, the template in use. */
  draft?: { subject: string; body: string };
}) {
  const { t } = useTranslation();
  const settled = useSettled(draft);
  const preview = useQuery({
    queryKey: ['admin', 'preview', policy, kind, lang, settled ?? null],
    queryFn: async () =>
      (await call(
        api.POST('/api/v1/policies/{id}/templates/{kind}/{lang}/preview', {
          params: { path: { id: policy, kind, lang } },
          body: { format: 'json', ...(settled ?? {}) },
        }),
      )) as Schemas['MessagePreview'],
    retry: false,
    placeholderData: (previous) => previous,
  });
  const title = t('admin.templates.previewIn', { language: LANGUAGE_NAMES[lang] });
  return (
    <section aria-label={title} className="min-w-0 rounded border border-slate-300 p-4">
      <h3 className="mb-2 text-xl font-bold">{title}</h3>
      {preview.isPending && <Loading />}
      {preview.isError && <LoadFailed error={preview.error} />}
      {preview.data && (
        <>
          <div aria-live="polite" className="mb-3">
            {preview.data.missing.length === 0 ? (
              <p className="font-semibold text-green-900">{t('admin.templates.complete')}</p>
            ) : (
              <div className="border-l-4 border-red-700 pl-3 text-red-800">
                <p className="font-semibold">{t('admin.templates.missing')}</p>
                <ul className="list-disc pl-6">
                  {preview.data.missing.map((m) => (
                    <li key={m.token}>
                      {m.what} (<code>{m.token}</code>){m.why ? ` — ${m.why}` : ''}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          <div lang={lang}>
            <p className="mb-2">
              <span className="font-semibold">{t('admin.templates.subject')}:</span>{' '}
              {preview.data.subject}
            </p>
            <pre className="font-sans text-base whitespace-pre-wrap [overflow-wrap:anywhere]">
              {preview.data.text}
            </pre>
          </div>
        </>
      )}
    </section>
  );
}

// The message an action will send, as the server rendered it (the customer's language), and
// the required content it still lacks.
import { useTranslation } from '../../i18n/use-translation.ts';
import type { ActionPreview } from './api.ts';

export function MessagePreview({ preview }: { preview: ActionPreview | null }) {
  const { t } = useTranslation();
  if (!preview) {
    return (
      <p role="status" className="mb-4 text-slate-800">
        {t('case.preview.nothing')}
      </p>
    );
  }
  return (
    <section
      aria-label={t('case.preview.title')}
      className="mb-4 max-w-3xl rounded border-2 border-slate-500 bg-slate-50 p-4"
    >
      <h4 className="mb-1 text-lg font-bold">{t('case.preview.title')}</h4>
      <p className="mb-2 text-slate-800">
        {t('case.preview.meta', {
          method: t(`case.methods.${preview.method}`),
          language: t(`case.languages.${preview.language}`, { defaultValue: preview.language }),
        })}
      </p>
      {preview.missing.length > 0 && (
        <div className="mb-3 border-l-4 border-red-700 pl-3 text-red-900">
          <p className="font-semibold">{t('case.preview.missing')}</p>
          <ul className="list-disc pl-6">
            {preview.missing.map((m) => (
              <li key={m.token}>{m.what}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="font-semibold">
        {t('case.preview.subject')}: <span lang={preview.language}>{preview.subject}</span>
      </p>
      <div lang={preview.language} className="mt-2 whitespace-pre-wrap break-words bg-white p-3">
        {preview.text}
      </div>
    </section>
  );
}

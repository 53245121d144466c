// Two buttons, one per language, each named in its own language; the current one is pressed.
import { useTranslation } from '../i18n/use-translation.ts';
import { LANGUAGE_NAMES, LANGUAGES, currentLanguage, switchLanguage } from '../i18n/index.ts';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = currentLanguage();
  return (
    <div role="group" aria-label={t('app.language')} className="flex gap-2">
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-pressed={lng === current}
          onClick={() => void switchLanguage(lng)}
          className={`min-h-11 rounded border-2 px-3 text-sm font-semibold ${
            lng === current
              ? 'border-white bg-white text-slate-900'
              : 'border-slate-300 bg-transparent text-white hover:bg-slate-700'
          }`}
        >
          {LANGUAGE_NAMES[lng]}
        </button>
      ))}
    </div>
  );
}

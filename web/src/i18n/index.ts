// i18next set up with one language loaded at a time (each is its own chunk, so a page loads
// only the strings of the language it shows). The chosen language is remembered, sets
// <html lang>, and can come from ?lang= or, on a tracking link, the complaint's language.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Messages } from './locales/en.ts';

export const LANGUAGES = ['en', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', vi: 'Tiếng Việt' };

const STORAGE_KEY = 'redress.language';
/** Set when the person picked a language in this tab: a complaint's language no longer overrides. */
const CHOSEN_KEY = 'redress.language.chosen';

const loaders: Record<Language, () => Promise<{ default: unknown }>> = {
  en: () => import('./locales/en.ts'),
  vi: () => import('./locales/vi.ts'),
};

export const isLanguage = (v: unknown): v is Language => LANGUAGES.includes(v as Language);

function safeStorage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[kind];
  } catch {
    return null;
  }
}

/** ?lang=, then the remembered choice, then the browser's languages, then English. */
export function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  const stored = safeStorage('localStorage')?.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  for (const l of navigator.languages ?? [navigator.language]) {
    const base = l.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
}

async function load(lng: Language): Promise<void> {
  if (i18next.hasResourceBundle(lng, 'translation')) return;
  const mod = await loaders[lng]();
  i18next.addResourceBundle(lng, 'translation', mod.default as Messages);
}

export async function setupI18n(lng: Language = initialLanguage()): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: false,
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await load(lng);
  await i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
}

/** Switches the language the whole app shows. `chosen`: the person picked it themselves. */
export async function switchLanguage(lng: Language, chosen = true): Promise<void> {
  await load(lng);
  await i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
  if (chosen) {
    safeStorage('localStorage')?.setItem(STORAGE_KEY, lng);
    safeStorage('sessionStorage')?.setItem(CHOSEN_KEY, '1');
  }
}

/** A complaint's language applies unless the person chose one in this tab or in the URL. */
export function adoptLanguage(lng: unknown): void {
  if (!isLanguage(lng) || lng === i18next.language) return;
  if (safeStorage('sessionStorage')?.getItem(CHOSEN_KEY)) return;
  if (isLanguage(new URLSearchParams(window.location.search).get('lang'))) return;
  void switchLanguage(lng, false);
}

export const currentLanguage = (): Language =>
  isLanguage(i18next.language) ? i18next.language : 'en';

// i18next set up with one language loaded at a time (each is its own chunk, so a page loads
// only the strings of the language it shows). The chosen language is remembered, sets
// <html lang>, and can come from ?lang= or, on a tracking link, the complaint's language.
import i18next from 'i18next';
import type { Messages } from './locales/en.ts';

export const LANGUAGES = ['en', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', vi: 'Tiếng Việt' };

const STORAGE_KEY = 'redress.language';
/** Set when the person picked a language in this tab: a complaint's language no longer overrides. */
const CHOSEN_KEY = 'redress.language.chosen';

/** The app's strings in parts, each its own chunk per language: `main` (every page) and
 *  `staff` (the signed-in screens), so that customers' pages never load the staff's strings. */
const PARTS = {
  main: { en: () => import('./locales/en.ts'), vi: () => import('./locales/vi.ts') },
  complain: {
    en: () => import('./locales/en-complain.ts'),
    vi: () => import('./locales/vi-complain.ts'),
  },
  staff: { en: () => import('./locales/en-staff.ts'), vi: () => import('./locales/vi-staff.ts') },
  case: { en: () => import('./locales/en-case.ts'), vi: () => import('./locales/vi-case.ts') },
  queue: { en: () => import('./locales/en-queue.ts'), vi: () => import('./locales/vi-queue.ts') },
  admin: { en: () => import('./locales/en-admin.ts'), vi: () => import('./locales/vi-admin.ts') },
  reports: {
    en: () => import('./locales/en-reports.ts'),
    vi: () => import('./locales/vi-reports.ts'),
  },
  manage: {
    en: () => import('./locales/en-manage.ts'),
    vi: () => import('./locales/vi-manage.ts'),
  },
} satisfies Record<string, Record<Language, () => Promise<{ default: unknown }>>>;
export type StringsPart = keyof typeof PARTS;
const wanted = new Set<StringsPart>(['main']);
const loaded = new Set<string>();

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
  await Promise.all(
    [...wanted].map(async (part) => {
      if (loaded.has(`${part}.${lng}`)) return;
      const mod = await PARTS[part][lng]();
      i18next.addResourceBundle(lng, 'translation', mod.default as Messages, true, true);
      loaded.add(`${part}.${lng}`);
    }),
  );
}

/** Set when setupI18n starts: a route's code may run before i18next is ready (the app starts
 *  loading the route alongside the strings, main.tsx), and waits for it here. */
let ready: Promise<void> | null = null;

/** Loads a part of the strings (in the language shown, and in any language switched to later).
 *  A route that needs one awaits it at its top, before it renders. */
export async function loadStrings(part: StringsPart): Promise<void> {
  wanted.add(part);
  // Before i18next is set up: fetch the part in the language it will show, alongside.
  if (!isLanguage(i18next.language)) void PARTS[part][initialLanguage()]().catch(() => {});
  await ready;
  await load(isLanguage(i18next.language) ? i18next.language : 'en');
}

export function setupI18n(lng: Language = initialLanguage()): Promise<void> {
  ready = init(lng);
  return ready;
}

async function init(lng: Language): Promise<void> {
  await i18next.init({
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

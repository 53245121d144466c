// Every page's frame: a skip link, the banner (name, optional staff bar, language switch), the
// main landmark the skip link and route changes move to, and the footer.
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { Link } from 'wouter';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function Layout({ children, staffBar }: { children: ReactNode; staffBar?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="absolute left-2 top-2 z-50 -translate-y-24 rounded bg-white px-4 py-3 font-semibold text-blue-800 underline focus:translate-y-0"
      >
        {t('app.skipToMain')}
      </a>
      <header className="border-b-4 border-blue-800 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <Link
            href="/"
            className="inline-flex min-h-11 items-center text-xl font-bold text-white no-underline hover:underline"
          >
            {t('app.name')}
          </Link>
          <LanguageSwitch />
        </div>
        {staffBar}
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 outline-none"
      >
        {children}
      </main>
      <footer className="border-t border-slate-300 bg-slate-100">
        <p className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-700">{t('app.footer')}</p>
      </footer>
    </div>
  );
}

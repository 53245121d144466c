// A page's heading and title. After a navigation inside the app, focus moves to the heading so
// a screen reader announces the new page (the first page load keeps the browser's focus).
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';

let firstPage = true;

export function Page({
  title,
  heading,
  children,
}: {
  /** The document title (before " — Redress"). */
  title: string;
  /** The visible heading, when it is more than the title. */
  heading?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else h1.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={h1} tabIndex={-1} className="mb-6 text-3xl font-bold text-slate-900 outline-none">
        {heading ?? title}
      </h1>
      {children}
    </>
  );
}

export function Section({
  title,
  children,
  id,
}: {
  title: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section aria-labelledby={headingId} id={id} className="mb-8">
      <h2 id={headingId} className="mb-3 text-2xl font-bold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

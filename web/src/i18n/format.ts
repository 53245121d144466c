// Dates and numbers by Intl, in the language shown and the policy's time zone.
import type { TFunction } from 'i18next';
import type { Language } from './index.ts';

export const LOCALES: Record<Language, string> = { en: 'en-GB', vi: 'vi-VN' };

/** Intl formatters made once per locale and options: making one costs far more than using it,
 *  and a page of the queue formats a hundred dates. */
const made = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function once<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  kind: string,
  locale: string,
  options: object,
  make: () => T,
): T {
  const key = `${kind} ${locale} ${JSON.stringify(options)}`;
  let f = made.get(key);
  if (!f) made.set(key, (f = make()));
  return f as T;
}
export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  once('d', locale, options, () => new Intl.DateTimeFormat(locale, options));
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  once('n', locale, options, () => new Intl.NumberFormat(locale, options));
export const relativeTimeFormat = (locale: string, options: Intl.RelativeTimeFormatOptions) =>
  once('r', locale, options, () => new Intl.RelativeTimeFormat(locale, options));

const dateFormat = (lng: Language, timeZone: string | undefined) =>
  dateTimeFormat(LOCALES[lng], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  });
export const timeFormat = (lng: Language, timeZone: string | undefined) =>
  dateTimeFormat(LOCALES[lng], {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  });

/** "Wednesday 2 December 2026" / "Thứ Tư, ngày 2 tháng 12 năm 2026": built from the parts,
 *  as ICU versions differ on the comma after the weekday. */
export function formatDay(iso: string, lng: Language, timeZone?: string): string {
  return dayOf(new Date(iso), lng, timeZone);
}

function dayOf(d: Date, lng: Language, timeZone?: string): string {
  const parts = Object.fromEntries(
    dateFormat(lng, timeZone)
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  if (lng === 'vi') {
    const month = dateTimeFormat('vi-VN', { month: 'numeric', timeZone }).format(d);
    return `${parts.weekday}, ngày ${parts.day} tháng ${month} năm ${parts.year}`;
  }
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/** "Wednesday 2 December 2026 at 10:00" — or, for a deadline at local midnight, "the end of
 *  Tuesday 1 December 2026" (working-day clocks fall due at 24:00 of the last day). */
export function formatDue(iso: string, lng: Language, t: TFunction, timeZone?: string): string {
  const d = new Date(iso);
  const time = timeFormat(lng, timeZone).format(d);
  if (time === '00:00' || time === '24:00') {
    const dayBefore = new Date(d.getTime() - 1);
    return t('dates.endOfDay', { date: dayOf(dayBefore, lng, timeZone) });
  }
  return t('dates.at', { date: dayOf(d, lng, timeZone), time });
}

/** A short date and time, e.g. in a timeline: "2 Dec 2026, 10:00". */
export function formatMoment(iso: string, lng: Language, timeZone?: string): string {
  return dateTimeFormat(LOCALES[lng], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

export function formatBytes(n: number, lng: Language): string {
  const mb = n / (1024 * 1024);
  const nf = numberFormat(LOCALES[lng], { maximumFractionDigits: 1 });
  return mb >= 1 ? `${nf.format(mb)} MB` : `${nf.format(Math.ceil(n / 1024))} KB`;
}

export function formatNumber(n: number, lng: Language): string {
  return numberFormat(LOCALES[lng]).format(n);
}

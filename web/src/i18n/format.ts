// Dates and numbers by Intl, in the language shown and the policy's time zone.
import type { TFunction } from 'i18next';
import type { Language } from './index.ts';

const LOCALES: Record<Language, string> = { en: 'en-GB', vi: 'vi-VN' };

const dateFormat = (lng: Language, timeZone: string | undefined) =>
  new Intl.DateTimeFormat(LOCALES[lng], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  });
const timeFormat = (lng: Language, timeZone: string | undefined) =>
  new Intl.DateTimeFormat(LOCALES[lng], {
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
    const month = new Intl.DateTimeFormat('vi-VN', { month: 'numeric', timeZone }).format(d);
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
  return new Intl.DateTimeFormat(LOCALES[lng], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

export function formatBytes(n: number, lng: Language): string {
  const mb = n / (1024 * 1024);
  const nf = new Intl.NumberFormat(LOCALES[lng], { maximumFractionDigits: 1 });
  return mb >= 1 ? `${nf.format(mb)} MB` : `${nf.format(Math.ceil(n / 1024))} KB`;
}

export function formatNumber(n: number, lng: Language): string {
  return new Intl.NumberFormat(LOCALES[lng]).format(n);
}

/** A clock as the queue's badge says it, in the clock's own unit: hour clocks count down
 *  ("3 working hours left"), day and longer clocks give their due moment ("due Mon 09:00",
 *  the date too when it is a week or more away), a breached clock how long ago ("breached 2
 *  days ago"). `t` has the queue's strings; times are in the policy's time zone. */
export interface BadgeClock {
  unit: string | null;
  status: 'running' | 'paused' | 'met' | 'breached';
  dueAt: string | null;
  remaining: { amount: number; unit: string } | null;
}

const HOUR_UNITS = new Set(['calendar_hours', 'working_hours', 'business_hours']);

export function formatClockRemaining(
  c: BadgeClock,
  now: number,
  lng: Language,
  t: TFunction,
  timeZone?: string,
): string {
  if (c.status === 'paused') return t('queue.clock.paused');
  if (!c.dueAt) return t('queue.clock.noDue');
  const due = Date.parse(c.dueAt);
  if (c.status === 'breached' || due <= now) {
    if (now - due < 60_000) return t('queue.clock.breachedNow');
    return t('queue.clock.breached', { ago: formatAgo(now - due, lng) });
  }
  const unit = c.remaining?.unit ?? c.unit;
  if (unit && HOUR_UNITS.has(unit) && c.remaining) {
    // Whole units left: "23 working hours left" until 23 full hours remain, then 22…
    const amount = Math.floor(c.remaining.amount);
    return amount >= 1
      ? t('queue.clock.left', { amount: t(`units.${unit}`, { count: amount }) })
      : t('queue.clock.lessThan', { amount: t(`units.${unit}`, { count: 1 }) });
  }
  return t('queue.clock.due', { when: formatShortMoment(c.dueAt, now, lng, timeZone) });
}

/** "Mon 09:00", or "Mon 14 Dec 09:00" a week or more away; a deadline at local midnight is
 *  the end of the day before ("end of Mon"). */
export function formatShortMoment(
  iso: string,
  now: number,
  lng: Language,
  timeZone?: string,
): string {
  let d = new Date(iso);
  const time = timeFormat(lng, timeZone).format(d);
  const midnight = time === '00:00' || time === '24:00';
  if (midnight) d = new Date(d.getTime() - 1);
  const far = Math.abs(d.getTime() - now) >= 6 * 86_400_000;
  const day = new Intl.DateTimeFormat(LOCALES[lng], {
    weekday: 'short',
    ...(far ? { day: 'numeric', month: 'short' } : {}),
    timeZone,
  }).format(d);
  return midnight ? `${day} 24:00` : `${day} ${time}`;
}

/** "2 days ago", "3 hours ago", "5 minutes ago" in the language shown. */
export function formatAgo(ms: number, lng: Language): string {
  const rtf = new Intl.RelativeTimeFormat(LOCALES[lng], { numeric: 'always' });
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return rtf.format(-Math.max(1, minutes), 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return rtf.format(-hours, 'hour');
  const days = Math.floor(hours / 24);
  if (days < 60) return rtf.format(-days, 'day');
  return rtf.format(-Math.floor(days / 30), 'month');
}

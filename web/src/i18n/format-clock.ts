// The queue's clock wording (its own file beside format.ts, so that the customers' pages,
// which share format.ts, do not carry it): Intl in the language shown and the policy's zone.
import type { TFunction } from 'i18next';
import type { Language } from './index.ts';
import { dateTimeFormat, LOCALES, relativeTimeFormat, timeFormat } from './format.ts';

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
  const day = dateTimeFormat(LOCALES[lng], {
    weekday: 'short',
    ...(far ? { day: 'numeric', month: 'short' } : {}),
    timeZone,
  }).format(d);
  return midnight ? `${day} 24:00` : `${day} ${time}`;
}

/** "2 days ago", "3 hours ago", "5 minutes ago" in the language shown. */
export function formatAgo(ms: number, lng: Language): string {
  const rtf = relativeTimeFormat(LOCALES[lng], { numeric: 'always' });
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return rtf.format(-Math.max(1, minutes), 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return rtf.format(-hours, 'hour');
  const days = Math.floor(hours / 24);
  if (days < 60) return rtf.format(-days, 'day');
  return rtf.format(-Math.floor(days / 30), 'month');
}

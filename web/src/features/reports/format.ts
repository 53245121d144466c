// How the report screens write a figure and name a row: Intl in the language shown, the
// translations the queue already has for states, channels and clocks.
import type { TFunction } from 'i18next';
import { LOCALES } from '../../i18n/format.ts';
import type { Language } from '../../i18n/index.ts';

export type CellKind = 'count' | 'share' | 'percent' | 'average' | 'amount';

/** Columns that are shares (0–1), averages, percentages (0–100) or money; the rest count. */
const SHARES = /^(share|rate$|upheldRate$)/;
const PERCENTS = /^percent/;
const AVERAGES = /^average|^per100000/;
const AMOUNTS = /Amount$|^redressPaid$/;

export function kindOf(column: string): CellKind {
  if (SHARES.test(column)) return 'share';
  if (PERCENTS.test(column)) return 'percent';
  if (AVERAGES.test(column)) return 'average';
  if (AMOUNTS.test(column)) return 'amount';
  return 'count';
}

/** A figure as a person reads it; null (nothing to divide by) is a dash. */
export function formatCell(
  value: unknown,
  kind: CellKind,
  lng: Language,
  currency?: string | null,
): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  const locale = LOCALES[lng];
  switch (kind) {
    case 'share':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
        n,
      );
    case 'percent':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
        n / 100,
      );
    case 'average':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
    case 'amount':
      return currency
        ? formatMoney(n, currency, lng)
        : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
    default:
      return new Intl.NumberFormat(locale).format(n);
  }
}

export function formatMoney(n: number, currency: string, lng: Language): string {
  try {
    return new Intl.NumberFormat(LOCALES[lng], { style: 'currency', currency }).format(n);
  } catch {
    return `${new Intl.NumberFormat(LOCALES[lng]).format(n)} ${currency}`;
  }
}

/** A row's name: a state, channel or clock in words where the app has the words. */
export function rowLabel(key: unknown, groupBy: string, t: TFunction): string {
  const k = String(key ?? '');
  if (k === '(none)' || k === '(unclassified)' || k === '') return t('reports.none');
  const ns: Record<string, string> = {
    state: 'queue.status',
    channel: 'queue.channel',
    clock: 'queue.clockName',
  };
  const prefix = ns[groupBy];
  if (prefix) return t(`${prefix}.${k}`, { defaultValue: k });
  if (groupBy === 'rootCause' || groupBy === 'category' || groupBy === 'driver')
    return k.replaceAll('_', ' ');
  return k;
}

/** A column's name: the dashboard's measures, then the returns' figures. */
export function columnLabel(column: string, t: TFunction): string {
  return t(`reports.measures.${column}`, {
    defaultValue: t(`reports.returns.m.${column}`, { defaultValue: column }),
  });
}

/** A calendar date (YYYY-MM-DD) as "1 October 2026" / "ngày 1 tháng 10 năm 2026". */
export function formatDate(ymd: string, lng: Language): string {
  const d = new Date(`${ymd}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return ymd;
  // Vietnamese writes a date in full as "ngày 1 tháng 10 năm 2026" (Intl gives "1 tháng 10, 2026").
  if (lng === 'vi')
    return `ngày ${d.getUTCDate()} tháng ${d.getUTCMonth() + 1} năm ${d.getUTCFullYear()}`;
  return new Intl.DateTimeFormat(LOCALES[lng], { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** A month (YYYY-MM) as "Oct 2026". */
export function formatMonth(ym: string, lng: Language): string {
  const d = new Date(`${ym}-15T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return ym;
  return new Intl.DateTimeFormat(LOCALES[lng], {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

/** A date in a table: "1 Jan 2026" / "01/01/2026". */
export function formatShortDate(ymd: string, lng: Language): string {
  const d = new Date(`${ymd}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return ymd;
  return new Intl.DateTimeFormat(LOCALES[lng], {
    ...(lng === 'vi'
      ? { day: '2-digit', month: '2-digit', year: 'numeric' }
      : { dateStyle: 'medium' }),
    timeZone: 'UTC',
  }).format(d);
}

/** A time zone as people name it, with its offset now: "United Kingdom Time (GMT+0)",
 *  "giờ Đông Dương (GMT+7)" — never the technical id alone, unless Intl knows no name. */
export function formatTimeZone(timeZone: string, lng: Language): string {
  const part = (style: 'longGeneric' | 'shortOffset') => {
    try {
      return new Intl.DateTimeFormat(LOCALES[lng], { timeZone, timeZoneName: style })
        .formatToParts(new Date())
        .find((p) => p.type === 'timeZoneName')?.value;
    } catch {
      return undefined;
    }
  };
  const name = part('longGeneric');
  const offset = part('shortOffset');
  if (!name) return timeZone;
  // Mid-sentence in Vietnamese: "ngày theo giờ …".
  const named = lng === 'vi' ? name.charAt(0).toLowerCase() + name.slice(1) : name;
  return offset && offset !== name ? `${named} (${offset})` : named;
}

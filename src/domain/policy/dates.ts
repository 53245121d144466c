// One way to write a date, a time and a promised deadline, in English and Vietnamese, used by
// letters, emails, the published procedure and the booklet alike. English writes the UK way
// ("Wednesday 2 December 2026"); Vietnamese the Vietnamese way ("Thứ Tư, ngày 2 tháng 12 năm
// 2026"), with "chậm nhất vào" for "by" ("trước" would mean strictly before).
//
// A promise is made from a clock's due instant at the moment of writing: never a date already
// past, and never a day the policy's calendar does not work — a due instant on a holiday or a
// weekend is promised for the end of the last working day before it (earlier than the clock,
// never later), and a clock due at 00:00 reads as the end of the day before. Pure.
import type { Language } from './schema.ts';

/** The calendar a promise is checked against (BusinessCalendar has both). */
export interface WorkingDays {
  isWorkingDate(date: string): boolean;
}

const VI_WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const partsFormat = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date (YYYY-MM-DD) and time (HH:MM) of an instant in a time zone. */
export function localParts(d: Date, timeZone: string): { date: string; time: string } {
  let fmt = partsFormat.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    partsFormat.set(timeZone, fmt);
  }
  const p: Record<string, string> = {};
  for (const x of fmt.formatToParts(d)) p[x.type] = x.value;
  const hour = p.hour === '24' ? '00' : p.hour;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${hour}:${p.minute}` };
}

function ymd(date: string): { y: number; m: number; d: number; weekday: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
}

/** The calendar date `days` after (or before) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const { y, m, d } = ymd(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A calendar date (YYYY-MM-DD) written out: "Wednesday 2 December 2026" /
 *  "Thứ Tư, ngày 2 tháng 12 năm 2026". */
export function formatDay(date: string, lang: Language): string {
  const { y, m, d, weekday } = ymd(date);
  return lang === 'vi'
    ? `${VI_WEEKDAYS[weekday]}, ngày ${d} tháng ${m} năm ${y}`
    : `${EN_WEEKDAYS[weekday]} ${d} ${EN_MONTHS[m - 1]} ${y}`;
}

/** The local date of an instant in `timeZone`, written out. */
export function formatDate(d: Date, lang: Language, timeZone: string): string {
  return formatDay(localParts(d, timeZone).date, lang);
}

/** A calendar date given as YYYY-MM-DD, written out (no time zone shift). */
export function formatIsoDate(date: string, lang: Language): string {
  return formatDay(date, lang);
}

/** What a letter promises: a local day, and a time on it or (null) the end of it. */
export interface Promised {
  date: string;
  time: string | null;
}

/**
 * The day and time to promise for a clock due at `due`: the end of the day before for a clock
 * due at 00:00; the end of the last working day before it when it falls on a day the calendar
 * does not work; null when it is already past at `now` (nothing may be promised).
 */
export function promisedDay(
  due: Date,
  timeZone: string,
  opts: { calendar?: WorkingDays | undefined; now?: Date | undefined } = {},
): Promised | null {
  if (opts.now && due.getTime() <= opts.now.getTime()) return null;
  const local = localParts(due, timeZone);
  let p: Promised =
    local.time === '00:00'
      ? { date: addDays(local.date, -1), time: null }
      : { date: local.date, time: local.time };
  const cal = opts.calendar;
  if (cal && !cal.isWorkingDate(p.date)) {
    let d = p.date;
    for (let i = 0; i < 366 && !cal.isWorkingDate(d); i++) d = addDays(d, -1);
    const today = opts.now ? localParts(opts.now, timeZone).date : null;
    // Earlier is kept only while it is still ahead; otherwise the clock's own day is said.
    if (cal.isWorkingDate(d) && (!today || d >= today)) p = { date: d, time: null };
  }
  return p;
}

/** "by 17:00 on Wednesday 2 December 2026", "by the end of Monday 4 January 2027";
 *  "chậm nhất vào 17:00, Thứ Tư, ngày 2 tháng 12 năm 2026",
 *  "chậm nhất vào cuối ngày Thứ Hai, ngày 4 tháng 1 năm 2027". */
export function formatPromised(p: Promised, lang: Language): string {
  const day = formatDay(p.date, lang);
  if (lang === 'vi')
    return p.time ? `chậm nhất vào ${p.time}, ${day}` : `chậm nhất vào cuối ngày ${day}`;
  return p.time ? `by ${p.time} on ${day}` : `by the end of ${day}`;
}

/** A due instant as a promise in words, or undefined when it is already past at `now`. */
export function formatDue(
  due: Date,
  lang: Language,
  timeZone: string,
  opts: { calendar?: WorkingDays | undefined; now?: Date | undefined } = {},
): string | undefined {
  const p = promisedDay(due, timeZone, opts);
  return p ? formatPromised(p, lang) : undefined;
}

/** The day a due instant is promised for, written out (undefined when already past). */
export function dueDate(
  due: Date,
  lang: Language,
  timeZone: string,
  opts: { calendar?: WorkingDays | undefined; now?: Date | undefined } = {},
): string | undefined {
  const p = promisedDay(due, timeZone, opts);
  return p ? formatDay(p.date, lang) : undefined;
}

/** How a policy's time zone is named to a customer: no technical identifiers. */
export function timeZoneName(timeZone: string, lang: Language): string {
  const known: Record<string, [string, string]> = {
    'Asia/Ho_Chi_Minh': ['Vietnam time (GMT+7)', 'giờ Việt Nam (GMT+7)'],
    'Asia/Saigon': ['Vietnam time (GMT+7)', 'giờ Việt Nam (GMT+7)'],
    'Europe/London': ['UK time (GMT, or BST in summer)', 'giờ Anh (GMT, hoặc BST vào mùa hè)'],
  };
  const k = known[timeZone];
  if (k) return lang === 'vi' ? k[1] : k[0];
  try {
    const name = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone,
      timeZoneName: 'longGeneric',
    })
      .formatToParts(new Date(Date.UTC(2026, 0, 15)))
      .find((x) => x.type === 'timeZoneName')?.value;
    if (name) return name;
  } catch {
    // an unknown zone is validated by the schema; keep its id
  }
  return timeZone;
}

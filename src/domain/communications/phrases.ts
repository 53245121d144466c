// The sentences and dates a message is built from, in English and Vietnamese. Sentences that a
// policy requires (the right to ADR, the time limit, the review right …) are made here once, so
// a template shows them and the required-content check looks for exactly the same words.
import type { Outcome } from '../complaint/states.ts';
import { unitPhrase } from '../policy/render.ts';
import { UNIT_WORDS } from '../policy/render-phrases.ts';
import type { Duration, Language } from '../policy/schema.ts';

const LOCALE: Record<Language, string> = { en: 'en-GB', vi: 'vi-VN' };

function parts(d: Date, lang: Language, timeZone: string) {
  const fmt = new Intl.DateTimeFormat(LOCALE[lang], {
    weekday: 'long',
    day: 'numeric',
    month: lang === 'en' ? 'long' : 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const p: Record<string, string> = {};
  for (const x of fmt.formatToParts(d)) p[x.type] = x.value;
  return p as Record<'weekday' | 'day' | 'month' | 'year' | 'hour' | 'minute', string>;
}

/** "Monday, 16 March 2026" / "Thứ Hai, 16 tháng 3, 2026" — the local date in `timeZone`. */
export function formatDate(d: Date, lang: Language, timeZone: string): string {
  const p = parts(d, lang, timeZone);
  const weekday =
    lang === 'vi'
      ? p.weekday.replace(/^(thứ|chủ)/i, (w) => w[0]!.toUpperCase() + w.slice(1))
      : p.weekday;
  return lang === 'en'
    ? `${weekday}, ${p.day} ${p.month} ${p.year}`
    : `${weekday}, ${p.day} tháng ${p.month}, ${p.year}`;
}

/** A calendar date given as YYYY-MM-DD, written out (no time zone shift). */
export function formatIsoDate(date: string, lang: Language): string {
  return formatDate(new Date(`${date}T12:00:00Z`), lang, 'UTC');
}

/** A due instant in words: "by 17:00 on Monday, 16 March 2026"; a deadline at local midnight
 *  (the end of a working day) reads "by the end of" the day before. */
export function formatDue(d: Date, lang: Language, timeZone: string): string {
  const p = parts(d, lang, timeZone);
  const hh = p.hour === '24' ? '00' : p.hour;
  if (hh === '00' && p.minute === '00') {
    const day = formatDate(new Date(d.getTime() - 60_000), lang, timeZone);
    return lang === 'en' ? `by the end of ${day}` : `chậm nhất vào cuối ngày ${day}`;
  }
  const day = formatDate(d, lang, timeZone);
  return lang === 'en' ? `by ${hh}:${p.minute} on ${day}` : `trước ${hh}:${p.minute} ngày ${day}`;
}

/** The day a due instant falls on (the day before, for a deadline at local midnight). */
export function dueDate(d: Date, lang: Language, timeZone: string): string {
  const p = parts(d, lang, timeZone);
  const midnight = (p.hour === '00' || p.hour === '24') && p.minute === '00';
  return formatDate(midnight ? new Date(d.getTime() - 60_000) : d, lang, timeZone);
}

const EN_NUMBERS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** A span as letters write it: "six months", "eight weeks"; Vietnamese keeps digits. */
export function spanWords(span: Duration, lang: Language): string {
  if (lang === 'vi') return unitPhrase(span.amount, span.unit, lang);
  const [one, many] = UNIT_WORDS.en[span.unit];
  const n = EN_NUMBERS[span.amount] ?? String(span.amount);
  return `${n} ${span.amount === 1 ? one : many}`;
}

/** Both ways a span may be written ("six months", "6 months"). */
export function spanForms(span: Duration, lang: Language): string[] {
  return [...new Set([spanWords(span, lang), unitPhrase(span.amount, span.unit, lang)])];
}

/** "the Financial Ombudsman Service", but "Ombudsman Services" (used without "the"). */
export function theName(name: string): string {
  return /\b(Ombudsman|Service|Authority|Commission|Council|Centre|Board)$/.test(name)
    ? `the ${name}`
    : name;
}

function possessive(name: string): string {
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}

export interface Sentences {
  outcome: Record<Outcome, string>;
  adrRight: (scheme: string) => string;
  adrFree: (scheme: string) => string;
  adrTimeLimit: (scheme: string, span: string) => string;
  adrLeaflet: (scheme: string, website: string | undefined) => string;
  /** DISP 1 Annex 3R (1): the firm does not consent to waive the six-month time limit. */
  timeLimitWaiver: (scheme: string, span: string) => string;
  reviewRight: (org: string | null) => string;
  /** The remedy of a complaint not upheld. */
  noRemedy: string;
  /** For a policy that promises no review on request. */
  questions: string;
  resolved: string;
  /** Who signs when the policy names no organisation. */
  ourTeam: string;
}

export const SENTENCES: Record<Language, Sentences> = {
  en: {
    outcome: {
      upheld: 'We have upheld your complaint.',
      partly_upheld: 'We have upheld your complaint in part.',
      not_upheld: 'We have not upheld your complaint.',
      resolved_on_first_contact: 'Your complaint was resolved when you first contacted us.',
      withdrawn: 'Your complaint has been withdrawn at your request.',
    },
    adrRight: (s) =>
      `If you remain dissatisfied, you have the right to refer your complaint to ${theName(s)}, an independent alternative dispute resolution (ADR) scheme.`,
    adrFree: (s) => `Referring your complaint to ${theName(s)} is free of charge.`,
    adrTimeLimit: (s, span) =>
      `You must refer your complaint to ${theName(s)} within ${span} of the date of this letter.`,
    adrLeaflet: (s, web) =>
      `We enclose a copy of ${possessive(theName(s))} standard explanatory leaflet${web ? `, which you can also read at ${web}` : ''}.`,
    timeLimitWaiver: (s, span) =>
      `You have the right to refer your complaint to ${theName(s)}, free of charge – but you must do so within ${span} of the date of this letter. If you do not refer your complaint in time, the Ombudsman will not have our permission to consider your complaint and so will only be able to do so in very limited circumstances. For example, if the Ombudsman believes that the delay was as a result of exceptional circumstances.`,
    reviewRight: (org) =>
      `If you are not satisfied with our response, please tell us and let us know if you think further action is warranted: we will review your complaint and escalate it within ${org ?? 'our organisation'}, keeping you informed of progress and any changes.`,
    noRemedy: 'As we have not upheld your complaint, there is nothing for us to put right.',
    questions:
      'If you have any questions about our response, or you are not satisfied with it, please contact us.',
    resolved: 'We now consider your complaint to have been resolved.',
    ourTeam: 'The complaints team',
  },
  vi: {
    outcome: {
      upheld: 'Khiếu nại của Quý khách được chấp nhận.',
      partly_upheld: 'Khiếu nại của Quý khách được chấp nhận một phần.',
      not_upheld: 'Khiếu nại của Quý khách không được chấp nhận.',
      resolved_on_first_contact: 'Khiếu nại của Quý khách đã được giải quyết ngay khi tiếp nhận.',
      withdrawn: 'Khiếu nại đã được rút lại theo đề nghị của Quý khách.',
    },
    adrRight: (s) =>
      `Nếu vẫn chưa hài lòng, Quý khách có quyền đưa khiếu nại tới ${s}, một tổ chức giải quyết tranh chấp thay thế (ADR) độc lập.`,
    adrFree: (s) => `Việc gửi khiếu nại tới ${s} hoàn toàn miễn phí.`,
    adrTimeLimit: (s, span) =>
      `Quý khách cần gửi khiếu nại tới ${s} trong vòng ${span} kể từ ngày của thư này.`,
    adrLeaflet: (s, web) =>
      `Chúng tôi gửi kèm tờ thông tin hướng dẫn của ${s}${web ? `; Quý khách cũng có thể xem tại ${web}` : ''}.`,
    timeLimitWaiver: (s, span) =>
      `Quý khách có quyền gửi khiếu nại tới ${s} miễn phí, nhưng phải gửi trong vòng ${span} kể từ ngày của thư này. Nếu Quý khách không gửi đúng hạn, ${s} sẽ không được chúng tôi đồng ý để xem xét khiếu nại và chỉ có thể xem xét trong những trường hợp rất hạn chế, ví dụ khi cho rằng việc chậm trễ là do hoàn cảnh đặc biệt.`,
    reviewRight: (org) =>
      `Nếu Quý khách chưa hài lòng với nội dung trả lời, vui lòng cho chúng tôi biết và nêu rõ nếu Quý khách cho rằng cần có thêm biện pháp xử lý: ${org ?? 'chúng tôi'} sẽ xem xét lại khiếu nại, chuyển lên cấp quản lý và thông báo cho Quý khách về tiến độ cũng như mọi thay đổi.`,
    noRemedy: 'Do khiếu nại không được chấp nhận, chúng tôi không áp dụng biện pháp khắc phục nào.',
    questions:
      'Nếu có thắc mắc về nội dung trả lời hoặc chưa hài lòng, Quý khách vui lòng liên hệ với chúng tôi.',
    resolved: 'Chúng tôi xác nhận khiếu nại của Quý khách đã được giải quyết.',
    ourTeam: 'Bộ phận giải quyết khiếu nại',
  },
};

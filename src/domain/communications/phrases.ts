// The sentences and dates a message is built from, in English and Vietnamese. Sentences that a
// policy requires (the right to ADR, the time limit, the review right …) are made here once, so
// a template shows them and the required-content check looks for exactly the same words.
import type { Outcome } from '../complaint/states.ts';
import { unitPhrase } from '../policy/render.ts';
import { UNIT_WORDS } from '../policy/render-phrases.ts';
import type { Duration, Language } from '../policy/schema.ts';

export { dueDate, formatDate, formatDue, formatIsoDate } from '../policy/dates.ts';

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

/** "the Financial Ombudsman Service’s". */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}

export interface Sentences {
  outcome: Record<Outcome, string>;
  adrFree: (scheme: string) => string;
  /** The scheme's leaflet is enclosed (it is: the letter carries its pages, the email its PDF). */
  adrLeaflet: (title: string, website: string | undefined) => string;
  reviewRight: (org: string | null) => string;
  /** The remedy of a complaint not upheld. */
  noRemedy: string;
  /** For a policy that promises no review on request. */
  questions: string;
  resolved: string;
  /** Who signs when the policy names no organisation. */
  ourTeam: string;
  /** The standard reason for refusing a deadlock letter, per flag (when no one wrote one). */
  refusal: Record<'vexatious' | 'outside_jurisdiction', (scheme: string | null) => string>;
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
    adrFree: (s) => `Referring your complaint to ${theName(s)} is free of charge.`,
    adrLeaflet: (title, web) =>
      `We enclose a copy of ${title}${web ? `, which you can also read at ${web}` : ''}.`,
    reviewRight: (org) =>
      `If you are not satisfied with our response, please tell us and let us know if you think further action is warranted: we will review your complaint and escalate it within ${org ?? 'our organisation'}, keeping you informed of progress and any changes.`,
    noRemedy: 'As we have not upheld your complaint, there is nothing for us to put right.',
    questions:
      'If you have any questions about our response, or you are not satisfied with it, please contact us.',
    resolved: 'We now consider your complaint to have been resolved.',
    ourTeam: 'The complaints team',
    refusal: {
      vexatious: () =>
        'Our complaints procedure says that we do not send a deadlock letter for a complaint we have decided is vexatious, and we have decided that yours is.',
      outside_jurisdiction: (s) =>
        `Your complaint is about a matter outside the jurisdiction of ${s ? theName(s) : 'the dispute resolution scheme'}, and our complaints procedure says that we do not send a deadlock letter in that case.`,
    },
  },
  vi: {
    outcome: {
      upheld: 'Khiếu nại của Quý khách được chấp nhận.',
      partly_upheld: 'Khiếu nại của Quý khách được chấp nhận một phần.',
      not_upheld: 'Khiếu nại của Quý khách không được chấp nhận.',
      resolved_on_first_contact: 'Khiếu nại của Quý khách đã được giải quyết ngay khi tiếp nhận.',
      withdrawn: 'Khiếu nại đã được rút lại theo đề nghị của Quý khách.',
    },
    adrFree: (s) => `Việc gửi khiếu nại tới ${s} hoàn toàn miễn phí.`,
    adrLeaflet: (title, web) =>
      `Chúng tôi gửi kèm ${title}${web ? `; Quý khách cũng có thể xem tại ${web}` : ''}.`,
    reviewRight: (org) =>
      `Nếu Quý khách chưa hài lòng với nội dung trả lời, vui lòng cho chúng tôi biết và nêu rõ nếu Quý khách cho rằng cần có thêm biện pháp xử lý: ${org ?? 'chúng tôi'} sẽ xem xét lại khiếu nại, chuyển lên cấp quản lý và thông báo cho Quý khách về tiến độ cũng như mọi thay đổi.`,
    noRemedy: 'Do khiếu nại không được chấp nhận, chúng tôi không áp dụng biện pháp khắc phục nào.',
    questions:
      'Nếu có thắc mắc về nội dung trả lời hoặc chưa hài lòng, Quý khách vui lòng liên hệ với chúng tôi.',
    resolved: 'Chúng tôi xác nhận khiếu nại của Quý khách đã được giải quyết.',
    ourTeam: 'Bộ phận giải quyết khiếu nại',
    refusal: {
      vexatious: () =>
        'Theo quy trình giải quyết khiếu nại, chúng tôi không gửi thư xác nhận đối với khiếu nại có dấu hiệu lạm dụng quyền khiếu nại, và chúng tôi đã xác định khiếu nại này thuộc trường hợp đó.',
      outside_jurisdiction: (s) =>
        `Nội dung khiếu nại nằm ngoài thẩm quyền giải quyết của ${s ?? 'tổ chức giải quyết tranh chấp'}, vì vậy theo quy trình giải quyết khiếu nại, chúng tôi không gửi thư xác nhận trong trường hợp này.`,
    },
  },
};

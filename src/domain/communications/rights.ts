// The customer's right to go to the ADR scheme, as one letter on one day must state it. The
// conditions are the policy's (`adr.after`, `adr.openedBy`, `adr.timeLimit`, `adr.timeLimitFrom`,
// `adr.timeLimitWording`), so a new regulator's letters need no code:
//   - Ofcom (uk-comms-ombudsman): the customer may go once 8 weeks (v1) / 6 weeks (v2) have
//     passed since the complaint, or at once on a deadlock letter; 12 months from that letter.
//   - FCA DISP: at once on the final response or the eight-week letter; six months from the
//     final response; the DISP 1 Annex 3R paragraph chosen per complaint.
// Pure: the moment of writing is passed in.
import { calendarFor } from '../clocks/policy-clocks.ts';
import { formatDate } from '../policy/dates.ts';
import type {
  COMMUNICATION_KINDS,
  Duration,
  Language,
  Policy,
  TimeLimitPosition,
} from '../policy/schema.ts';
import { TIME_LIMIT_POSITIONS } from '../policy/schema.ts';
import { spanWords, theName } from './phrases.ts';

/** A communication kind (declared here too, so this module and variables.ts import one way). */
type Kind = (typeof COMMUNICATION_KINDS)[number];

export interface ReferralPosition {
  /** The customer may refer now (on this letter, or the waiting time has passed). */
  open: boolean;
  /** When the waiting time ends (the local day), if it has not yet. */
  from: Date | null;
  /** This letter starts the time limit. */
  startsTimeLimit: boolean;
}

/** An instant plus a span, counted as the policy's clocks count it. */
export function addSpan(at: Date, span: Duration, policy: Policy): Date {
  const cal = calendarFor(policy);
  const t = at.getTime();
  switch (span.unit) {
    case 'calendar_hours':
      return new Date(t + span.amount * 3_600_000);
    case 'calendar_days':
      return new Date(cal.addLocalDays(t, span.amount));
    case 'calendar_weeks':
      return new Date(cal.addLocalDays(t, 7 * span.amount));
    case 'calendar_months':
      return new Date(cal.addLocalMonths(t, span.amount));
    case 'working_days':
      return new Date(cal.endOfNthWorkingDayAfter(t, span.amount));
    default:
      return new Date(cal.addWorkingMs(t, span.amount * 3_600_000));
  }
}

/** Where the customer stands with the scheme on the day this letter is written. */
export function referralPosition(
  policy: Policy,
  kind: Kind,
  receivedAt: Date,
  now: Date,
): ReferralPosition | null {
  const adr = policy.adr;
  if (!adr) return null;
  const startsTimeLimit = adr.timeLimitFrom.includes(kind);
  if (adr.openedBy.includes(kind)) return { open: true, from: null, startsTimeLimit };
  if (!adr.after) return { open: false, from: null, startsTimeLimit };
  const from = addSpan(receivedAt, adr.after, policy);
  return from.getTime() <= now.getTime()
    ? { open: true, from: null, startsTimeLimit }
    : { open: false, from, startsTimeLimit };
}

const LETTER_NAMES: Record<Language, Partial<Record<Kind, string>>> = {
  en: {
    deadlock_letter: 'a deadlock letter',
    final_response: 'our final response',
    adr_notice: 'a letter telling you that you may now refer your complaint',
    summary_resolution: 'our final response',
  },
  vi: {
    deadlock_letter: 'thư xác nhận không thể giải quyết thêm',
    final_response: 'thư trả lời cuối cùng',
    adr_notice: 'thư thông báo Quý khách có thể chuyển khiếu nại',
    summary_resolution: 'thư trả lời cuối cùng',
  },
};

function letterName(policy: Policy, kinds: readonly Kind[], lang: Language): string | null {
  const offered = kinds.filter(
    (k) =>
      k !== 'deadlock_letter' || policy.deadlock.letterOnRequest || policy.deadlock.letterAutomatic,
  );
  const first = offered[0];
  return first ? (LETTER_NAMES[lang][first] ?? null) : null;
}

/** The sentences of the right to refer, for one letter. */
export function referralSentences(
  policy: Policy,
  kind: Kind,
  receivedAt: Date,
  now: Date,
  lang: Language,
  position?: TimeLimitPosition,
): { referral: string; timeLimit?: string; waiver?: string } | null {
  const adr = policy.adr;
  const pos = referralPosition(policy, kind, receivedAt, now);
  if (!adr || !pos) return null;
  const scheme = adr.scheme.name;
  const the = lang === 'en' ? theName(scheme) : scheme;
  const free = adr.free;
  const opener = letterName(policy, adr.openedBy, lang);
  let referral: string;
  if (kind === 'summary_resolution') {
    referral =
      lang === 'en'
        ? `If you later decide that you are dissatisfied with the resolution of your complaint, you may be able to refer it to ${the}${free ? ', free of charge' : ''}.`
        : `Nếu sau này Quý khách không hài lòng với kết quả giải quyết, Quý khách có thể chuyển khiếu nại tới ${the}${free ? ' (miễn phí)' : ''}.`;
  } else if (pos.open) {
    referral =
      lang === 'en'
        ? `You can now refer your complaint to ${the}, an independent alternative dispute resolution (ADR) scheme${free ? ', free of charge' : ''}.`
        : `Quý khách có thể chuyển khiếu nại tới ${the}, một tổ chức giải quyết tranh chấp độc lập${free ? ', hoàn toàn miễn phí' : ''}, ngay từ bây giờ.`;
  } else if (pos.from && adr.after) {
    const day = formatDate(pos.from, lang, policy.timezone);
    const span = spanWords(adr.after, lang);
    const refusal = kind === 'deadlock_letter' || kind === 'deadlock_refusal';
    const sooner = opener && !refusal ? opener : null;
    referral =
      lang === 'en'
        ? `If you remain dissatisfied, you can refer your complaint to ${the}, an independent alternative dispute resolution (ADR) scheme${free ? ', free of charge' : ''}, once ${span} have passed since we received it, that is from ${day}${sooner ? `, or sooner if we send you ${sooner}` : ''}.`
        : `Nếu vẫn chưa hài lòng, Quý khách có thể chuyển khiếu nại tới ${the}, một tổ chức giải quyết tranh chấp độc lập${free ? ' (miễn phí)' : ''}, khi đã qua ${span} kể từ ngày chúng tôi nhận được khiếu nại, tức là từ ${day}${sooner ? `, hoặc sớm hơn nếu chúng tôi gửi ${sooner}` : ''}.`;
  } else {
    referral =
      lang === 'en'
        ? `If you remain dissatisfied, you can refer your complaint to ${the}, an independent alternative dispute resolution (ADR) scheme${free ? ', free of charge' : ''}, once we have sent you ${opener ?? 'our final response'}.`
        : `Nếu vẫn chưa hài lòng, Quý khách có thể chuyển khiếu nại tới ${the}, một tổ chức giải quyết tranh chấp độc lập${free ? ' (miễn phí)' : ''}, sau khi nhận được ${opener ?? 'thư trả lời cuối cùng'} của chúng tôi.`;
  }
  if (kind === 'deadlock_refusal') {
    referral +=
      lang === 'en'
        ? ` ${the[0]!.toUpperCase()}${the.slice(1)} decides whether it can consider your complaint.`
        : ` ${the} sẽ quyết định việc có thể xem xét khiếu nại hay không.`;
  }
  const out: { referral: string; timeLimit?: string; waiver?: string } = { referral };
  if (adr.timeLimit) {
    const span = spanWords(adr.timeLimit, lang);
    if (pos.startsTimeLimit) {
      out.timeLimit =
        lang === 'en'
          ? `You must refer your complaint to ${the} within ${span} of the date of this letter.`
          : `Quý khách cần gửi khiếu nại tới ${the} trong vòng ${span} kể từ ngày của thư này.`;
    } else {
      const from = letterName(policy, adr.timeLimitFrom, lang);
      if (from) {
        out.timeLimit =
          lang === 'en'
            ? `You will have ${span} from the date of ${from.replace(/^a /, 'our ')} to refer your complaint to ${the}.`
            : `Quý khách có ${span} kể từ ngày của ${from} để gửi khiếu nại tới ${the}.`;
      }
    }
    const wording = adr.timeLimitWording;
    if (wording && pos.startsTimeLimit) {
      const chosen = position ?? adr.defaultPosition;
      const text = wording[chosen]?.[lang];
      if (text) out.waiver = text.replaceAll('{scheme}', the).replaceAll('{span}', span);
    }
  }
  return out;
}

export function isTimeLimitPosition(v: unknown): v is TimeLimitPosition {
  return typeof v === 'string' && (TIME_LIMIT_POSITIONS as readonly string[]).includes(v);
}

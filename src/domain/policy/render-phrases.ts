// The words of the published procedure (./render.ts), in English and Vietnamese.
import type { Channel, ComplaintEventType, Role } from '../complaint/states.ts';
import type { ClockUnit, Language, Weekday } from './schema.ts';

type Org = {
  name: string;
  address: string[];
  office?: string[];
  phone?: string;
  email?: string;
  website?: string;
};
type Via = 'preferred' | 'email' | 'post' | 'portal' | 'phone';
type Wait = 'awaiting_customer' | 'awaiting_department';
type Flag = 'vexatious' | 'outside_jurisdiction';

/** [singular, plural] per unit and language. */
export const UNIT_WORDS: Record<Language, Record<ClockUnit, [string, string]>> = {
  en: {
    calendar_hours: ['hour', 'hours'],
    working_hours: ['working hour', 'working hours'],
    business_hours: ['business hour', 'business hours'],
    working_days: ['working day', 'working days'],
    calendar_days: ['day', 'days'],
    calendar_weeks: ['week', 'weeks'],
    calendar_months: ['month', 'months'],
  },
  vi: {
    calendar_hours: ['giờ', 'giờ'],
    working_hours: ['giờ làm việc', 'giờ làm việc'],
    business_hours: ['giờ hành chính', 'giờ hành chính'],
    working_days: ['ngày làm việc', 'ngày làm việc'],
    calendar_days: ['ngày', 'ngày'],
    calendar_weeks: ['tuần', 'tuần'],
    calendar_months: ['tháng', 'tháng'],
  },
};

export const WEEKDAY_NAMES: Record<Language, Record<Weekday, string>> = {
  en: {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
  },
  vi: {
    mon: 'Thứ Hai',
    tue: 'Thứ Ba',
    wed: 'Thứ Tư',
    thu: 'Thứ Năm',
    fri: 'Thứ Sáu',
    sat: 'Thứ Bảy',
    sun: 'Chủ nhật',
  },
};

function joiner(word: string) {
  return (items: string[]): string =>
    items.length <= 1
      ? (items[0] ?? '')
      : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

const UK_NATIONS: Record<string, [string, string]> = {
  'GB-ENG': ['England', 'Anh'],
  'GB-WLS': ['Wales', 'xứ Wales'],
  'GB-SCT': ['Scotland', 'Scotland'],
  'GB-NIR': ['Northern Ireland', 'Bắc Ireland'],
};

function regionName(region: string | null, lang: Language): string | null {
  if (!region) return null;
  const nation = UK_NATIONS[region];
  if (nation) return lang === 'en' ? nation[0] : nation[1];
  const [country, sub] = region.split('-');
  let name = country!;
  try {
    name = new Intl.DisplayNames([lang], { type: 'region' }).of(country!) ?? country!;
  } catch {
    // an unknown code is shown as it is
  }
  return sub ? `${name} (${sub})` : name;
}

export interface Phrases {
  within: string;
  and: (items: string[]) => string;
  or: (items: string[]) => string;
  range: (from: string, to: string) => string;
  holidaysWord: (region: string | null) => string;
  regionName: (region: string | null) => string | null;
  excludingWeekends: (holidays: string) => string;
  countingOnly: (days: string, holidays: string) => string;
  openingHoursOnly: (hours: string, days: string, holidays: string) => string;
  purpose: Record<
    | 'acknowledged'
    | 'information_requested'
    | 'resolution_plan_agreed'
    | 'progress_reported'
    | 'responded'
    | 'closed'
    | 'deadlocked',
    (within: string) => string
  >;
  event: (e: ComplaintEventType) => string;
  countedFrom: (events: string[]) => string;
  channelName: Record<Channel, string>;
  forChannels: (names: string[]) => string;
  waitingFor: Record<Wait, string>;
  pauses: (waits: string[]) => string;
  phoneLabel: string;
  emailLabel: string;
  websiteLabel: string;
  versionLine: (version: number, date: string | null) => string;
  intro: (org: string | null) => string;
  howToComplain: string;
  youCanComplain: string;
  channelWay: Record<Exclude<Channel, 'api'>, (org: Org | undefined) => string>;
  firstContact: (recordOutcome: boolean) => string;
  promisesHeading: string;
  via: Record<Via, string>;
  progressReports: (after: string, every: string, via: string) => string;
  roleName: Record<Role, string>;
  answerAndEscalation: string;
  approval: (role: string) => string;
  writtenResponse: string;
  urgent: string;
  notSatisfied: (role: string) => string;
  adrHeading: string;
  deadlockHeading: string;
  deadlocked: (span: string) => string;
  adrRight: (
    scheme: string,
    free: boolean,
    after: string | null,
    singular: boolean,
    letters: boolean,
  ) => string;
  adrTimeLimit: (scheme: string, span: string, letters: boolean) => string;
  letterAutomatic: (span: string | null, singular: boolean, alsoOnRequest: boolean) => string;
  letterOnRequest: string;
  flagName: (flag: Flag, scheme: string | null) => string;
  letterRefused: (reasons: string[]) => string;
  schemeContact: (scheme: string) => string;
  recordsHeading: string;
  closing: (summary: boolean, lessons: boolean) => string;
  retention: (years: string, singular: boolean) => string;
  procedureCopy: (free: boolean, byPost: boolean) => string;
  calendarHeading: string;
  workingDays: (days: string, holidays: string | null, region: string | null) => string;
  workingHoursCount: string;
  workingDaysCount: string;
  openingHours: (start: string, end: string) => string;
  timeZone: (tz: string) => string;
  alsoClosed: string;
  confirmYearly: string;
  openAnyway: string;
  contactUs: string;
}

/** "the Financial Ombudsman Service", but "Ombudsman Services" (a name used without "the"). */
function the(name: string): string {
  return /\b(Ombudsman|Service|Authority|Commission|Council|Centre|Board)$/.test(name)
    ? `the ${name}`
    : name;
}

const enAnd = joiner('and');
const enOr = joiner('or');
const viAnd = joiner('và');
const viOr = joiner('hoặc');

const en: Phrases = {
  within: 'within',
  and: enAnd,
  or: enOr,
  range: (a, b) => `${a} to ${b}`,
  holidaysWord: (region) => (region?.startsWith('GB') ? 'bank holidays' : 'public holidays'),
  regionName: (r) => regionName(r, 'en'),
  excludingWeekends: (h) => `(excluding weekends and ${h})`,
  countingOnly: (days, h) => `(counting only ${days}, excluding ${h})`,
  openingHoursOnly: (hours, days, h) =>
    `(counted only during our opening hours, ${hours}, ${days}, excluding ${h})`,
  purpose: {
    acknowledged: (w) => `We will acknowledge your complaint ${w}.`,
    information_requested: (w) => `If we need more information from you, we will contact you ${w}.`,
    resolution_plan_agreed: (w) => `We aim to agree a resolution plan with you ${w}.`,
    progress_reported: (w) => `We will give you feedback ${w}.`,
    responded: (w) => `We will send you our response ${w}.`,
    closed: (w) => `We aim to resolve your complaint ${w}.`,
    deadlocked: (w) =>
      `If we have not resolved your complaint ${w}, we will treat it as deadlocked.`,
  },
  event: (e) =>
    ({
      transferred: 'the transfer of your complaint to another department',
      reopened: 'when you tell us you are not satisfied',
      escalated: 'the escalation of your complaint',
      responded: 'our response',
      acknowledged: 'our acknowledgement',
      information_received: 'when we receive the information we asked for',
    })[e as string] ?? e.replaceAll('_', ' '),
  countedFrom: (events) => `This time limit is counted from ${enOr(events)}.`,
  channelName: {
    web: 'through our website',
    email: 'by email',
    phone: 'by phone',
    post: 'by post',
    in_person: 'in person',
    api: 'through our systems',
  },
  forChannels: (names) => `For complaints made ${enOr(names)}:`,
  waitingFor: {
    awaiting_customer: 'waiting for information we have asked you for',
    awaiting_department: 'waiting for another department',
  },
  pauses: (waits) => `This time limit is paused while we are ${enOr(waits)}.`,
  phoneLabel: 'Phone',
  emailLabel: 'Email',
  websiteLabel: 'Website',
  versionLine: (v, date) => (date ? `Version ${v}, in force from ${date}.` : `Version ${v}.`),
  intro: (org) =>
    `This procedure explains how ${org ? `${org} handles` : 'we handle'} complaints, so you know what to expect to happen and when.`,
  howToComplain: 'How to complain',
  youCanComplain: 'You can make a complaint:',
  channelWay: {
    web: (o) => `using the complaint form on our website${o?.website ? ` (${o.website})` : ''}`,
    email: (o) => `by email${o?.email ? ` to ${o.email}` : ''}`,
    phone: (o) => `by phone${o?.phone ? ` on ${o.phone}` : ''}`,
    post: (o) => `by post${o?.address.length ? ` to ${o.address.join(', ')}` : ''}`,
    in_person: (o) => {
      const at = o?.office?.length ? o.office : o?.address;
      return `in person, at our offices${at?.length ? ` (${at.join(', ')})` : ''}`;
    },
  },
  firstContact: (record) =>
    `Where possible, we will resolve your complaint straight away, while you are on the phone or with us.${record ? ' We then record the outcome and keep it on file; no separate receipt is issued.' : ''}`,
  promisesHeading: 'What happens and when',
  via: {
    preferred: 'by your preferred contact method',
    email: 'by email',
    post: 'by post',
    portal: 'on your complaint page',
    phone: 'by phone',
  },
  progressReports: (after, every, via) =>
    `If we cannot resolve your complaint within ${after}, we will send you a progress report every ${every}${via ? ` ${via}` : ''} until it is resolved.`,
  roleName: {
    handler: 'a complaints handler',
    department_member: 'the department concerned',
    manager: 'a complaints manager',
    administrator: 'an administrator',
    auditor: 'an auditor',
  },
  answerAndEscalation: 'Our answer, and if you are not satisfied',
  approval: (role) =>
    `Before we give you our answer, the solution we propose is approved by ${role}.`,
  writtenResponse: 'We will give you a written response on the outcome of your complaint.',
  urgent: 'If your complaint is urgent, please tell us: we will escalate its priority.',
  notSatisfied: (role) =>
    `If your complaint is not resolved to your satisfaction, please tell us and let us know if you think further action is needed. We will review your complaint and escalate it to ${role}, keeping you informed of progress and any changes.`,
  adrHeading: 'If we cannot resolve your complaint: independent dispute resolution',
  deadlockHeading: 'Deadlock letters',
  deadlocked: (span) =>
    `If we have not resolved your complaint within ${span} of receiving it, or there is nothing more we can do to resolve it, your complaint is deadlocked.`,
  adrRight: (scheme, free, after, singular, letters) =>
    `You have the right to take your complaint to ${the(scheme)}, an independent alternative dispute resolution (ADR) scheme${free ? ', free of charge' : ''}.` +
    (after
      ? ` You can do so once ${after} ${singular ? 'has' : 'have'} passed since you complained, or sooner once we have sent you ${letters ? 'a deadlock letter' : 'our final response'}.`
      : ` You can do so once we have sent you ${letters ? 'a deadlock letter' : 'our final response'}.`),
  adrTimeLimit: (scheme, span, letters) =>
    `You must take your complaint to ${the(scheme)} within ${span} of the date of our ${letters ? 'deadlock letter' : 'final response'}.`,
  letterAutomatic: (span, singular, alsoOnRequest) =>
    `We will send you a deadlock letter, without your having to ask, as soon as your complaint is deadlocked${span ? `, and in any case once ${span} ${singular ? 'has' : 'have'} passed without a resolution` : ''}.${alsoOnRequest ? ' You can also ask us for one.' : ''}`,
  letterOnRequest: 'On request, we will send you a deadlock letter.',
  flagName: (flag, scheme) =>
    flag === 'vexatious'
      ? 'vexatious'
      : `outside the jurisdiction of ${scheme ? the(scheme) : 'the scheme'}`,
  letterRefused: (reasons) =>
    `We will not send a reminder or a deadlock letter if your complaint is ${enOr(reasons)}.`,
  schemeContact: (scheme) => `How to contact ${the(scheme)}:`,
  recordsHeading: 'Records and copies of this procedure',
  closing: (summary, lessons) =>
    `When we close your complaint, we file it with ${summary && lessons ? 'a summary and the lessons we have learned from it' : summary ? 'a summary' : 'the lessons we have learned from it'}.`,
  retention: (years, singular) =>
    `We keep a record of your complaint for ${years} year${singular ? '' : 's'}.`,
  procedureCopy: (free, byPost) =>
    `${byPost ? 'We can post you a printed copy of this procedure' : 'We can give you a copy of this procedure'}${free ? ' free of charge' : ''}.`,
  calendarHeading: 'How we count time',
  workingDays: (days, holidays, region) =>
    `Our working days are ${days}${holidays ? `, except ${holidays}${region ? ` in ${region}` : ''}` : ''}.`,
  workingHoursCount:
    'A time limit in hours is counted round the clock on working days only: weekends and bank or public holidays are not counted, and a complaint received on a day we do not work is counted from the start of the next working day.',
  workingDaysCount:
    'A time limit in working days is counted from the working day after the day it starts (for example, the day after we receive your complaint) and ends at midnight at the end of its last working day.',
  openingHours: (s, e) => `Our opening hours are ${s} to ${e} on working days.`,
  timeZone: (tz) => `All times are ${tz}.`,
  alsoClosed: 'We are also closed on these days:',
  confirmYearly:
    '* Set by the government each year: we confirm these dates when the official notice is published.',
  openAnyway: 'We are open on these days despite the public holiday:',
  contactUs: 'Contact us',
};

const vi: Phrases = {
  within: 'trong vòng',
  and: viAnd,
  or: viOr,
  range: (a, b) => `từ ${a} đến ${b}`,
  holidaysWord: (region) => (region === 'VN' ? 'ngày nghỉ lễ, Tết' : 'ngày nghỉ lễ'),
  regionName: (r) => regionName(r, 'vi'),
  excludingWeekends: (h) => `(không tính thứ Bảy, Chủ nhật và ${h})`,
  countingOnly: (days, h) => `(chỉ tính ${days}, không tính ${h})`,
  openingHoursOnly: (hours, days, h) =>
    `(chỉ tính trong giờ làm việc ${hours}, ${days}, không tính ${h})`,
  purpose: {
    acknowledged: (w) => `Chúng tôi sẽ xác nhận đã tiếp nhận khiếu nại của Quý khách ${w}.`,
    information_requested: (w) =>
      `Nếu cần thêm thông tin, chúng tôi sẽ liên hệ với Quý khách ${w}.`,
    resolution_plan_agreed: (w) =>
      `Chúng tôi sẽ thống nhất phương án giải quyết với Quý khách ${w}.`,
    progress_reported: (w) => `Chúng tôi sẽ phản hồi cho Quý khách ${w}.`,
    responded: (w) => `Chúng tôi sẽ trả lời Quý khách ${w}.`,
    closed: (w) => `Chúng tôi sẽ giải quyết khiếu nại của Quý khách ${w}.`,
    deadlocked: (w) =>
      `Nếu khiếu nại chưa được giải quyết ${w}, chúng tôi sẽ thông báo cho Quý khách về quyền chuyển khiếu nại tới tổ chức giải quyết tranh chấp độc lập.`,
  },
  event: (e) =>
    ({
      transferred: 'khi khiếu nại được chuyển đến bộ phận khác',
      reopened: 'khi Quý khách cho biết chưa hài lòng',
      escalated: 'khi khiếu nại được chuyển lên cấp trên',
      responded: 'khi chúng tôi trả lời',
      acknowledged: 'khi chúng tôi xác nhận tiếp nhận',
      information_received: 'khi chúng tôi nhận được thông tin đã yêu cầu',
    })[e as string] ?? e.replaceAll('_', ' '),
  countedFrom: (events) => `Thời hạn này được tính từ ${viOr(events)}.`,
  channelName: {
    web: 'qua trang web',
    email: 'qua email',
    phone: 'qua điện thoại',
    post: 'qua đường bưu điện',
    in_person: 'trực tiếp',
    api: 'qua hệ thống',
  },
  forChannels: (names) => `Đối với khiếu nại gửi ${viOr(names)}:`,
  waitingFor: {
    awaiting_customer: 'chờ Quý khách cung cấp thông tin đã yêu cầu',
    awaiting_department: 'chờ bộ phận khác phản hồi',
  },
  pauses: (waits) => `Thời hạn này tạm dừng trong thời gian chúng tôi ${viOr(waits)}.`,
  phoneLabel: 'Điện thoại',
  emailLabel: 'Email',
  websiteLabel: 'Trang web',
  versionLine: (v, date) => (date ? `Phiên bản ${v}, áp dụng từ ${date}.` : `Phiên bản ${v}.`),
  intro: (org) =>
    `Quy trình này giải thích cách ${org ?? 'chúng tôi'} tiếp nhận và giải quyết khiếu nại, để Quý khách biết những việc sẽ diễn ra và thời hạn của từng việc.`,
  howToComplain: 'Cách gửi khiếu nại',
  youCanComplain: 'Quý khách có thể gửi khiếu nại:',
  channelWay: {
    web: (o) =>
      `qua biểu mẫu khiếu nại trên trang web của chúng tôi${o?.website ? ` (${o.website})` : ''}`,
    email: (o) => `qua email${o?.email ? `: ${o.email}` : ''}`,
    phone: (o) => `qua đường dây nóng / chăm sóc khách hàng${o?.phone ? `: ${o.phone}` : ''}`,
    post: (o) =>
      `qua đường bưu điện${o?.address.length ? `, gửi tới: ${o.address.join(', ')}` : ''}`,
    in_person: (o) => {
      const at = o?.office?.length ? o.office : o?.address;
      return `trực tiếp tại văn phòng của chúng tôi${at?.length ? `: ${at.join(', ')}` : ''}`;
    },
  },
  firstContact: (record) =>
    `Nếu có thể, chúng tôi sẽ giải quyết khiếu nại ngay khi Quý khách gọi điện hoặc đến trực tiếp.${record ? ' Khi đó chúng tôi không cấp giấy biên nhận khiếu nại, nhưng sẽ ghi nhận kết quả giải quyết và lưu hồ sơ.' : ''}`,
  promisesHeading: 'Các bước và thời hạn giải quyết',
  via: {
    preferred: 'qua phương thức liên lạc Quý khách đã chọn',
    email: 'qua email',
    post: 'qua đường bưu điện',
    portal: 'trên trang theo dõi khiếu nại',
    phone: 'qua điện thoại',
  },
  progressReports: (after, every, via) =>
    `Nếu chưa thể giải quyết khiếu nại trong vòng ${after}, cứ ${every} một lần chúng tôi sẽ gửi thông báo tiến độ cho Quý khách${via ? ` ${via}` : ''} cho đến khi khiếu nại được giải quyết.`,
  roleName: {
    handler: 'nhân viên xử lý khiếu nại',
    department_member: 'bộ phận liên quan',
    manager: 'cấp quản lý',
    administrator: 'quản trị viên',
    auditor: 'kiểm toán viên',
  },
  answerAndEscalation: 'Trả lời khiếu nại và khi Quý khách chưa hài lòng',
  approval: (role) =>
    `Trước khi trả lời Quý khách, phương án giải quyết được đề xuất sẽ được ${role} phê duyệt.`,
  writtenResponse: 'Chúng tôi sẽ trả lời Quý khách bằng văn bản về kết quả giải quyết khiếu nại.',
  urgent:
    'Nếu khiếu nại của Quý khách cần được xử lý khẩn cấp, vui lòng cho chúng tôi biết: chúng tôi sẽ nâng mức ưu tiên xử lý.',
  notSatisfied: (role) =>
    `Nếu Quý khách chưa hài lòng với kết quả giải quyết, vui lòng cho chúng tôi biết và nêu rõ nếu Quý khách cho rằng cần có thêm biện pháp xử lý. Chúng tôi sẽ xem xét lại khiếu nại và chuyển lên ${role}, đồng thời thông báo cho Quý khách về tiến độ và mọi thay đổi.`,
  adrHeading: 'Khi khiếu nại không thể giải quyết: giải quyết tranh chấp độc lập',
  deadlockHeading: 'Thư xác nhận không thể giải quyết thêm',
  deadlocked: (span) =>
    `Nếu khiếu nại chưa được giải quyết trong vòng ${span} kể từ khi chúng tôi nhận được, hoặc chúng tôi không thể làm gì thêm để giải quyết, chúng tôi sẽ xác nhận điều này với Quý khách bằng văn bản.`,
  adrRight: (scheme, free, after, _singular, letters) =>
    `Quý khách có quyền đưa khiếu nại tới ${scheme}, một tổ chức giải quyết tranh chấp thay thế (ADR) độc lập${free ? ', hoàn toàn miễn phí' : ''}.` +
    (after
      ? ` Quý khách có thể làm việc này khi đã qua ${after} kể từ ngày gửi khiếu nại, hoặc sớm hơn khi nhận được ${letters ? 'thư xác nhận không thể giải quyết thêm' : 'thư trả lời cuối cùng'} của chúng tôi.`
      : ` Quý khách có thể làm việc này khi nhận được ${letters ? 'thư xác nhận không thể giải quyết thêm' : 'thư trả lời cuối cùng'} của chúng tôi.`),
  adrTimeLimit: (scheme, span, letters) =>
    `Quý khách cần gửi khiếu nại tới ${scheme} trong vòng ${span} kể từ ngày của ${letters ? 'thư xác nhận không thể giải quyết thêm' : 'thư trả lời cuối cùng'} của chúng tôi.`,
  letterAutomatic: (span, _singular, alsoOnRequest) =>
    `Chúng tôi sẽ chủ động gửi thư xác nhận cho Quý khách ngay khi không thể giải quyết thêm${span ? `, và trong mọi trường hợp khi đã qua ${span} mà khiếu nại chưa được giải quyết` : ''}.${alsoOnRequest ? ' Quý khách cũng có thể đề nghị chúng tôi gửi thư này.' : ''}`,
  letterOnRequest:
    'Theo đề nghị của Quý khách, chúng tôi sẽ gửi thư xác nhận không thể giải quyết thêm.',
  flagName: (flag, scheme) =>
    flag === 'vexatious'
      ? 'có dấu hiệu lạm dụng quyền khiếu nại'
      : `nằm ngoài thẩm quyền giải quyết của ${scheme ?? 'tổ chức giải quyết tranh chấp'}`,
  letterRefused: (reasons) =>
    `Chúng tôi sẽ không gửi thư nhắc hoặc thư xác nhận nếu khiếu nại ${viOr(reasons)}.`,
  schemeContact: (scheme) => `Thông tin liên hệ của ${scheme}:`,
  recordsHeading: 'Lưu hồ sơ và bản sao quy trình',
  closing: (summary, lessons) =>
    `Khi hoàn tất giải quyết, chúng tôi lưu hồ sơ khiếu nại${summary && lessons ? ', tổng kết và rút kinh nghiệm' : summary ? ' và tổng kết' : ' và rút kinh nghiệm'}.`,
  retention: (years) => `Chúng tôi lưu hồ sơ khiếu nại của Quý khách trong ${years} năm.`,
  procedureCopy: (free, byPost) =>
    `Chúng tôi có thể ${byPost ? 'gửi' : 'cung cấp'}${free ? ' miễn phí' : ''} bản in của quy trình này cho Quý khách${byPost ? ' qua đường bưu điện' : ''}.`,
  calendarHeading: 'Cách tính thời hạn',
  workingDays: (days, holidays, region) =>
    `Ngày làm việc của chúng tôi là ${days}${holidays ? `, trừ ${holidays}${region ? ` tại ${region}` : ''}` : ''}.`,
  workingHoursCount:
    'Thời hạn tính theo giờ được tính liên tục trong các ngày làm việc, không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết; khiếu nại nhận vào ngày nghỉ được tính từ đầu ngày làm việc kế tiếp.',
  workingDaysCount:
    'Thời hạn tính theo ngày làm việc được tính từ ngày làm việc kế tiếp sau ngày bắt đầu (ví dụ, sau ngày chúng tôi nhận được khiếu nại) và kết thúc vào cuối ngày làm việc cuối cùng.',
  openingHours: (s, e) => `Giờ mở cửa của chúng tôi là từ ${s} đến ${e} các ngày làm việc.`,
  timeZone: (tz) => `Mọi thời điểm được tính theo ${tz}.`,
  alsoClosed: 'Ngoài ra, chúng tôi nghỉ vào các ngày sau:',
  confirmYearly:
    '* Ngày nghỉ do Chính phủ công bố hằng năm; chúng tôi sẽ xác nhận lại khi có thông báo chính thức.',
  openAnyway: 'Chúng tôi vẫn làm việc vào các ngày sau dù là ngày nghỉ lễ:',
  contactUs: 'Liên hệ',
};

export const T: Record<Language, Phrases> = { en, vi };

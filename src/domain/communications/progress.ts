// What a progress report says has happened since the last one: the complaint's own events,
// each as a sentence a customer can read (no internal text: a department's findings, a note or
// a manager's reason never appear, only that the step happened). Pure.
import type { ComplaintEventType } from '../complaint/states.ts';
import { formatDate } from '../policy/dates.ts';
import type { Language } from '../policy/schema.ts';

export interface ProgressEvent {
  type: string;
  at: Date;
  /** The department's name, for a transfer. */
  department?: string;
}

type Line = (e: ProgressEvent) => string;

const LINES: Record<Language, Partial<Record<ComplaintEventType, Line>>> = {
  en: {
    acknowledged: () => 'we acknowledged your complaint',
    investigation_started: () => 'we started our investigation',
    information_requested: () => 'we asked you for more information',
    information_received: () => 'we received the information you sent us',
    customer_replied: () => 'we received your message',
    transferred: (e) =>
      `we passed your complaint to ${e.department ? `our ${e.department} team` : 'the department concerned'}`,
    department_responded: () => 'the department concerned reported its findings to us',
    resolution_plan_agreed: () => 'we agreed a resolution plan with you',
    response_proposed: () => 'we prepared our response, which is now being reviewed',
    response_approved: () => 'our response was approved',
    escalated: () => 'your complaint was escalated to a complaints manager',
    reopened: () => 'we reopened your complaint',
    redress_offered: () => 'we offered to put things right',
    redress_completed: () => 'we completed what we offered to put things right',
  },
  vi: {
    acknowledged: () => 'chúng tôi đã xác nhận tiếp nhận khiếu nại',
    investigation_started: () => 'chúng tôi đã bắt đầu xem xét khiếu nại',
    information_requested: () => 'chúng tôi đã đề nghị Quý khách cung cấp thêm thông tin',
    information_received: () => 'chúng tôi đã nhận được thông tin Quý khách cung cấp',
    customer_replied: () => 'chúng tôi đã nhận được phản hồi của Quý khách',
    transferred: (e) => `khiếu nại đã được chuyển đến ${e.department ?? 'bộ phận liên quan'}`,
    department_responded: () => 'bộ phận liên quan đã báo kết quả kiểm tra cho chúng tôi',
    resolution_plan_agreed: () => 'hai bên đã thống nhất phương án giải quyết',
    response_proposed: () => 'chúng tôi đã soạn nội dung trả lời và đang xem xét phê duyệt',
    response_approved: () => 'nội dung trả lời đã được phê duyệt',
    escalated: () => 'khiếu nại đã được chuyển lên cấp quản lý',
    reopened: () => 'khiếu nại đã được mở lại để xem xét',
    redress_offered: () => 'chúng tôi đã đề xuất biện pháp khắc phục',
    redress_completed: () => 'chúng tôi đã hoàn thành biện pháp khắc phục',
  },
};

/** "Monday 30 November 2026: we passed your complaint to our Billing team." — one line per
 *  step since `since` (exclusive), oldest first; steps a customer is not told of are left out. */
export function progressLines(
  events: readonly ProgressEvent[],
  since: Date | null,
  lang: Language,
  timeZone: string,
): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (since && e.at.getTime() <= since.getTime()) continue;
    const line = LINES[lang][e.type as ComplaintEventType];
    if (!line) continue;
    const text = line(e);
    out.push(`${formatDate(e.at, lang, timeZone)}: ${text}.`);
  }
  return out;
}

/** When nothing new has happened: the report says so rather than saying nothing. */
export const NOTHING_NEW: Record<Language, string> = {
  en: 'There has been no new step since our last update: we are still investigating your complaint.',
  vi: 'Từ lần thông báo trước đến nay chưa có bước xử lý mới: chúng tôi vẫn đang tiếp tục xem xét khiếu nại của Quý khách.',
};

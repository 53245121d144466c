// A plausible complaint for previews of a template and for tests: its customer, subject and
// every per-kind detail, in English and Vietnamese, its clocks running from receipt.
import { replayClocks } from '../clocks/policy-clocks.ts';
import type { Channel } from '../complaint/states.ts';
import type { Language, Policy } from '../policy/schema.ts';
import { enclosuresFor, findCommunication } from './render-communication.ts';
import { EXTRA_FIELDS, type CommunicationContext, type Kind } from './variables.ts';

const SAMPLE: Record<Language, { name: string; subject: string; extra: Record<string, unknown> }> =
  {
    en: {
      name: 'Ann Example',
      subject: 'Broadband down since Tuesday',
      extra: {
        questions: ['Which address is the service at?', 'When did the fault start?'],
        department_name: 'Network operations',
        progress_note: 'Our engineers have found the fault and ordered a replacement part.',
        plan: 'We will replace the faulty router and credit one month of charges.',
        response_text: 'We have investigated your complaint and reviewed the service logs.',
        outcome: 'partly_upheld',
        cause: 'A faulty router at the exchange.',
        remedy: 'We have replaced the router and credited one month of charges to your account.',
        reason: 'We are still waiting for the results of an engineering test.',
        resolution: 'We refunded the duplicate charge on the call.',
      },
    },
    vi: {
      name: 'Nguyễn Thị Lan',
      subject: 'Mất kết nối máy chủ từ thứ Ba',
      extra: {
        questions: ['Dịch vụ được lắp đặt tại địa chỉ nào?', 'Sự cố bắt đầu từ khi nào?'],
        department_name: 'Phòng Kỹ thuật hạ tầng',
        progress_note: 'Bộ phận kỹ thuật đã xác định được sự cố và đang thay thế thiết bị.',
        plan: 'Chúng tôi sẽ thay thiết bị chuyển mạch bị lỗi và giảm trừ cước một tháng.',
        response_text: 'Chúng tôi đã xem xét khiếu nại và kiểm tra nhật ký vận hành của dịch vụ.',
        outcome: 'partly_upheld',
        cause: 'Thiết bị chuyển mạch tại trung tâm dữ liệu bị lỗi.',
        remedy:
          'Chúng tôi đã thay thiết bị và giảm trừ cước một tháng vào tài khoản của Quý khách.',
        reason: 'Chúng tôi đang chờ kết quả kiểm tra kỹ thuật.',
        resolution: 'Chúng tôi đã hoàn lại khoản phí bị tính trùng ngay trong cuộc gọi.',
      },
    },
  };

const SAMPLE_BY_KIND: Record<Language, Partial<Record<Kind, Record<string, unknown>>>> = {
  en: {
    deadlock_letter: { reason: 'We have not been able to agree a way to put things right.' },
    deadlock_refusal: {
      reason: 'Your complaint is outside the jurisdiction of the scheme, so it cannot consider it.',
    },
  },
  vi: {
    deadlock_letter: { reason: 'Hai bên chưa thống nhất được phương án khắc phục.' },
    deadlock_refusal: {
      reason: 'Khiếu nại nằm ngoài thẩm quyền giải quyết của tổ chức giải quyết tranh chấp.',
    },
  },
};

/** A plausible complaint for previews and tests: received two days before `now`, its clocks
 *  running from receipt, every per-kind detail filled in. */
export function sampleContext(
  policy: Policy,
  lang: Language,
  kind: Kind,
  now: Date,
  mustInclude?: readonly string[],
): CommunicationContext {
  const channels = policy.intake.channels;
  const channel: Channel = channels.includes('email') ? 'email' : channels[0]!;
  const receivedAt = new Date(now.getTime() - 2 * 86_400_000);
  const clocks = replayClocks(
    policy,
    channel,
    [{ type: 'received', at: receivedAt, toState: 'received' }],
    now,
  ).map((c) => ({ name: c.name, dueAt: c.dueAt, stoppedAt: c.stoppedAt }));
  const sample = SAMPLE[lang];
  const day = (days: number) =>
    new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const extra: Record<string, unknown> = {};
  const all: Record<string, unknown> = {
    ...sample.extra,
    reply_by: day(7),
    next_report_date: day(14),
    target_date: day(10),
    expected_date: day(21),
  };
  Object.assign(all, SAMPLE_BY_KIND[lang][kind]);
  for (const k of Object.keys(EXTRA_FIELDS[kind])) if (k in all) extra[k] = all[k];
  return {
    policy,
    lang,
    kind,
    now,
    complaint: {
      reference: 'RD-2026-000123',
      subject: sample.subject,
      receivedAt,
      channel,
      outcome: null,
      trackingUrl: 'https://complaints.example.org/track/RD-2026-000123?token=sample-token',
    },
    customer: { name: sample.name },
    clocks,
    extra,
    ...(mustInclude ? { mustInclude } : {}),
    enclosures: enclosuresFor(policy, findCommunication(policy, kind), lang),
    facts: {
      events: [
        { type: 'received', at: receivedAt },
        { type: 'acknowledged', at: new Date(receivedAt.getTime() + 3_600_000) },
      ],
      lastReportAt: null,
    },
  };
}

/** A sample postal address for previews of letters. */
export const SAMPLE_ADDRESS: Record<Language, string[]> = {
  en: ['12 High Street', 'Bath', 'BA1 1AA'],
  vi: ['Số 12 đường Lê Lợi', 'Phường Bến Thành', 'Thành phố Hồ Chí Minh'],
};

// The evidence pack as a PDF (A4, DejaVu fonts so Vietnamese renders and copies right): a cover
// with the complaint's particulars and the audit chain's verdict, then the clocks, the timeline,
// every message as sent with its proof of dispatch, and the policy version's text.
import type { Language } from '../domain/policy/schema.ts';
import { mm, newDocument, numberPages, toBuffer, type Doc } from './pdf-common.ts';

export interface EvidencePack {
  lang: Language;
  generatedAt: Date;
  timezone: string;
  complaint: {
    reference: string;
    customer: string;
    channel: string;
    status: string;
    receivedAt: Date;
    closedAt: Date | null;
    subject: string;
    outcome: string | null;
    rootCause: string | null;
    anonymisedAt: Date | null;
  };
  timeline: {
    seq: number;
    at: Date;
    type: string;
    actor: string;
    reason: string | null;
    erased: boolean;
  }[];
  clocks: {
    name: string;
    label: string;
    span: string;
    regulatory: boolean;
    startedAt: Date;
    dueAt: Date | null;
    stoppedAt: Date | null;
    status: 'running' | 'paused' | 'met' | 'breached';
    breachedAt: Date | null;
  }[];
  messages: {
    id: number;
    direction: string;
    channel: string;
    kind: string | null;
    status: string;
    to: string | null;
    from: string | null;
    subject: string | null;
    body: string;
    messageId: string | null;
    createdAt: Date;
    sentAt: Date | null;
    postedAt: Date | null;
    lastError: string | null;
    letterSha256: string | null;
  }[];
  policy: { id: string; version: number; effectiveFrom: string; text: string };
  chain: { events: number; verified: boolean; problem: string | null; head: string | null };
}

const WORDS = {
  en: {
    title: 'Evidence pack',
    generated: 'Generated',
    particulars: 'The complaint',
    reference: 'Reference',
    customer: 'Customer',
    channel: 'Channel',
    status: 'Status',
    received: 'Received',
    closed: 'Closed',
    subject: 'Subject',
    outcome: 'Outcome',
    rootCause: 'Root cause',
    anonymised: 'Anonymised',
    chain: 'Audit chain',
    verified: (n: number) => `Verified: ${n} events, every link and digest intact.`,
    broken: (p: string) => `NOT VERIFIED: ${p}`,
    head: 'Last hash',
    clocks: 'Clocks',
    started: 'started',
    due: 'due',
    stopped: 'stopped',
    regulatory: 'regulatory',
    statuses: { running: 'running', paused: 'paused', met: 'met', breached: 'breached' },
    breachedAt: 'breached at',
    metAt: 'met at',
    timeline: 'Timeline',
    erased: '(personal data erased; digest kept)',
    messages: 'Messages and letters as sent',
    to: 'To',
    from: 'From',
    created: 'Written',
    sent: 'Sent',
    posted: 'Posted',
    messageId: 'Message-ID',
    error: 'Delivery answer',
    letterHash: 'Letter SHA-256',
    notSent: 'not dispatched',
    policy: 'The policy in force',
    version: 'version',
    effective: 'effective from',
    none: 'none',
  },
  vi: {
    title: 'Hồ sơ chứng cứ',
    generated: 'Lập lúc',
    particulars: 'Khiếu nại',
    reference: 'Mã số',
    customer: 'Khách hàng',
    channel: 'Kênh tiếp nhận',
    status: 'Trạng thái',
    received: 'Tiếp nhận',
    closed: 'Kết thúc',
    subject: 'Tiêu đề',
    outcome: 'Kết quả',
    rootCause: 'Nguyên nhân gốc',
    anonymised: 'Đã ẩn danh',
    chain: 'Chuỗi nhật ký kiểm toán',
    verified: (n: number) => `Đã xác minh: ${n} sự kiện, mọi liên kết và mã băm đều nguyên vẹn.`,
    broken: (p: string) => `KHÔNG XÁC MINH ĐƯỢC: ${p}`,
    head: 'Mã băm cuối',
    clocks: 'Các thời hạn',
    started: 'bắt đầu',
    due: 'hạn',
    stopped: 'dừng',
    regulatory: 'theo quy định',
    statuses: { running: 'đang chạy', paused: 'tạm dừng', met: 'đúng hạn', breached: 'quá hạn' },
    breachedAt: 'quá hạn lúc',
    metAt: 'hoàn thành lúc',
    timeline: 'Diễn biến',
    erased: '(dữ liệu cá nhân đã xoá; giữ mã băm)',
    messages: 'Thư từ đã gửi',
    to: 'Gửi đến',
    from: 'Người viết',
    created: 'Soạn lúc',
    sent: 'Đã gửi',
    posted: 'Gửi bưu điện',
    messageId: 'Message-ID',
    error: 'Phản hồi gửi thư',
    letterHash: 'SHA-256 của thư',
    notSent: 'chưa gửi',
    policy: 'Quy trình áp dụng',
    version: 'phiên bản',
    effective: 'hiệu lực từ',
    none: 'không có',
  },
} as const;

export async function renderEvidencePackPdf(pack: EvidencePack): Promise<Buffer> {
  const w = WORDS[pack.lang];
  const when = (d: Date | null): string =>
    d
      ? new Intl.DateTimeFormat(pack.lang === 'vi' ? 'vi-VN' : 'en-GB', {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: pack.timezone,
        }).format(d)
      : w.none;
  const doc = newDocument({
    size: 'A4',
    margins: { top: mm(18), bottom: mm(20), left: mm(18), right: mm(18) },
    title: `${w.title} ${pack.complaint.reference}`,
    author: 'Redress',
    language: pack.lang,
    date: pack.generatedAt,
  });
  doc.addPage();
  const heading = (text: string, size = 14) => {
    doc.moveDown(0.6).font('Sans-Bold').fontSize(size).text(text).font('Sans').fontSize(9.5);
    doc.moveDown(0.2);
  };
  const field = (label: string, value: string) => {
    doc.font('Sans-Bold').text(`${label}: `, { continued: true }).font('Sans').text(value);
  };
  doc.font('Sans-Bold').fontSize(20).text(`${w.title} — ${pack.complaint.reference}`);
  doc
    .font('Sans')
    .fontSize(9.5)
    .text(`${w.generated}: ${when(pack.generatedAt)} (${pack.timezone})`);

  heading(w.particulars);
  const c = pack.complaint;
  field(w.reference, c.reference);
  field(w.customer, c.customer);
  field(w.channel, c.channel);
  field(w.status, c.status);
  field(w.received, when(c.receivedAt));
  field(w.closed, when(c.closedAt));
  field(w.subject, c.subject);
  field(w.outcome, c.outcome ?? w.none);
  field(w.rootCause, c.rootCause ?? w.none);
  if (c.anonymisedAt) field(w.anonymised, when(c.anonymisedAt));

  heading(w.chain);
  doc
    .font('Sans-Bold')
    .fillColor(pack.chain.verified ? '#14532d' : '#991b1b')
    .text(pack.chain.verified ? w.verified(pack.chain.events) : w.broken(pack.chain.problem ?? ''))
    .fillColor('black')
    .font('Sans');
  field(w.head, pack.chain.head ?? w.none);

  heading(w.clocks);
  for (const k of pack.clocks) {
    doc.font('Sans-Bold').text(`${k.label} (${k.span}${k.regulatory ? `, ${w.regulatory}` : ''})`);
    doc.font('Sans');
    const verdict =
      k.status === 'breached'
        ? `${w.statuses.breached} — ${w.breachedAt} ${when(k.breachedAt)}`
        : k.status === 'met'
          ? `${w.statuses.met} — ${w.metAt} ${when(k.stoppedAt)}`
          : w.statuses[k.status];
    doc.text(
      `${w.started} ${when(k.startedAt)} · ${w.due} ${when(k.dueAt)} · ${w.stopped} ${when(k.stoppedAt)}`,
    );
    doc.text(verdict, { indent: mm(4) });
    doc.moveDown(0.2);
  }

  heading(w.timeline);
  for (const e of pack.timeline) {
    doc
      .font('Sans-Bold')
      .text(`${e.seq}. ${when(e.at)} — ${e.type}`, { continued: true })
      .font('Sans')
      .text(` — ${e.actor}${e.erased ? ` ${w.erased}` : ''}`);
    if (e.reason) doc.text(e.reason, { indent: mm(6) });
  }

  heading(w.messages);
  for (const m of pack.messages) {
    ensureSpace(doc, mm(40));
    doc
      .font('Sans-Bold')
      .text(`#${m.id} ${m.direction} · ${m.channel}${m.kind ? ` · ${m.kind}` : ''} · ${m.status}`);
    doc.font('Sans');
    if (m.subject) field(w.subject, m.subject);
    if (m.to) field(w.to, m.to);
    if (m.from) field(w.from, m.from);
    field(w.created, when(m.createdAt));
    if (m.direction === 'out') {
      field(w.sent, m.sentAt ? when(m.sentAt) : w.notSent);
      if (m.channel === 'letter') field(w.posted, m.postedAt ? when(m.postedAt) : w.notSent);
      if (m.messageId) field(w.messageId, m.messageId);
      if (m.lastError) field(w.error, m.lastError);
      if (m.letterSha256) field(w.letterHash, m.letterSha256);
    }
    doc
      .moveDown(0.2)
      .fontSize(9)
      .fillColor('#222222')
      .text(m.body, { indent: mm(4) });
    doc.fillColor('black').fontSize(9.5).moveDown(0.5);
  }

  doc.addPage();
  heading(
    `${w.policy}: ${pack.policy.id}, ${w.version} ${pack.policy.version} (${w.effective} ${pack.policy.effectiveFrom})`,
    13,
  );
  doc.fontSize(9);
  // The procedure's text: a line underlined with = or - is a heading; a blank line a paragraph.
  const lines = pack.policy.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1] ?? '';
    if (/^[=-]{3,}\s*$/.test(next) && line.trim()) {
      doc
        .moveDown(0.4)
        .font('Sans-Bold')
        .fontSize(next.startsWith('=') ? 11 : 10)
        .text(line);
      doc.font('Sans').fontSize(9);
      i++;
    } else if (!line.trim()) doc.moveDown(0.4);
    else doc.text(line.replace(/\*\*/g, ''));
  }
  numberPages(doc, pack.lang);
  return toBuffer(doc);
}

function ensureSpace(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

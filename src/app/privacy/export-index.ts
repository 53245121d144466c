// The readable index of a customer's data export: one HTML page in the customer's language that
// says what the archive holds and links every file in it.
import type { CustomerRecords } from '../../db/queries/customer-records.ts';

type Lang = 'en' | 'vi';

const WORDS: Record<Lang, Record<string, string>> = {
  en: {
    title: 'Your personal data',
    intro:
      'This archive holds everything we keep about you: your details, your complaints, the messages you sent us and we sent you, the files you gave us, the letters we posted and the record of what happened. It was prepared on',
    details: 'Your details',
    name: 'Name',
    email: 'Email',
    phone: 'Phone',
    address: 'Address',
    preferred: 'Preferred contact',
    complaints: 'Your complaints',
    received: 'Received',
    status: 'Status',
    subject: 'Subject',
    messages: 'Messages',
    attachments: 'Files',
    letters: 'Letters',
    events: 'Record of events',
    requests: 'Your requests about your data',
    none: 'None',
    files: 'Files in this archive',
    anonymised: 'anonymised at the end of its retention period',
  },
  vi: {
    title: 'Dữ liệu cá nhân của Quý khách',
    intro:
      'Tệp lưu trữ này chứa toàn bộ thông tin chúng tôi đang lưu giữ về Quý khách: thông tin liên hệ, các khiếu nại, thư từ Quý khách gửi cho chúng tôi và chúng tôi gửi cho Quý khách, các tệp Quý khách cung cấp, thư đã gửi qua bưu điện và nhật ký xử lý. Tệp được lập vào',
    details: 'Thông tin của Quý khách',
    name: 'Họ tên',
    email: 'Thư điện tử',
    phone: 'Điện thoại',
    address: 'Địa chỉ',
    preferred: 'Cách liên hệ ưu tiên',
    complaints: 'Các khiếu nại của Quý khách',
    received: 'Ngày tiếp nhận',
    status: 'Trạng thái',
    subject: 'Tiêu đề',
    messages: 'Thư từ',
    attachments: 'Tệp đính kèm',
    letters: 'Thư giấy',
    events: 'Nhật ký sự việc',
    requests: 'Các yêu cầu của Quý khách về dữ liệu cá nhân',
    none: 'Không có',
    files: 'Các tệp trong tệp lưu trữ',
    anonymised: 'đã được ẩn danh khi hết thời hạn lưu trữ',
  },
};

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function exportIndexHtml(
  records: CustomerRecords,
  files: readonly string[],
  preparedAt: Date,
  timezone: string,
): string {
  const lang: Lang = records.customer.language === 'vi' ? 'vi' : 'en';
  const w = WORDS[lang];
  const date = (d: Date) =>
    new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: timezone,
    }).format(d);
  const c = records.customer;
  const row = (k: string, v: string | null | undefined) =>
    `<tr><th scope="row">${esc(k)}</th><td>${esc(v || w.none!)}</td></tr>`;
  const complaints = records.complaints
    .map((k) => {
      const n = (list: { complaint_id: number }[]) =>
        list.filter((x) => x.complaint_id === k.id).length;
      const letters = records.messages.filter(
        (m) => m.complaint_id === k.id && m.channel === 'letter',
      );
      return `<tr><td><a href="complaints/${esc(k.reference)}/complaint.json">${esc(k.reference)}</a></td>
<td>${esc(date(k.received_at))}</td><td>${esc(k.status)}${k.anonymised_at ? ` (${esc(w.anonymised!)})` : ''}</td>
<td>${esc(k.subject)}</td><td>${n(records.messages)}</td><td>${n(records.attachments)}</td><td>${letters.length}</td></tr>`;
    })
    .join('\n');
  const list = files.map((f) => `<li><a href="${esc(f)}">${esc(f)}</a></li>`).join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${esc(w.title!)}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
table{border-collapse:collapse}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left}</style></head>
<body>
<h1>${esc(w.title!)}</h1>
<p>${esc(w.intro!)} ${esc(date(preparedAt))}.</p>
<h2>${esc(w.details!)}</h2>
<table>
${row(w.name!, c.name)}
${row(w.email!, c.email)}
${row(w.phone!, c.phone)}
${row(w.address!, c.address.join(', '))}
${row(w.preferred!, c.preferred_contact)}
</table>
<h2>${esc(w.complaints!)}</h2>
${
  records.complaints.length
    ? `<table><thead><tr><th scope="col">#</th><th scope="col">${esc(w.received!)}</th><th scope="col">${esc(w.status!)}</th><th scope="col">${esc(w.subject!)}</th><th scope="col">${esc(w.messages!)}</th><th scope="col">${esc(w.attachments!)}</th><th scope="col">${esc(w.letters!)}</th></tr></thead>
<tbody>
${complaints}
</tbody></table>`
    : `<p>${esc(w.none!)}</p>`
}
<h2>${esc(w.requests!)}</h2>
<p>${records.dataRequests.length ? `<a href="data-requests.json">data-requests.json</a>` : esc(w.none!)}</p>
<h2>${esc(w.files!)}</h2>
<ul>
${list}
</ul>
</body>
</html>
`;
}

// Vietnamese for the web form and the page after sending it (loaded by /complain only).
import { viFieldIssues } from './vi-field-issues.ts';

const viComplain = {
  fieldIssue: viFieldIssues,
  complain: {
    title: 'Gửi khiếu nại',
    intro:
      'Quý khách vui lòng cho biết điều gì chưa đúng và mong muốn được khắc phục thế nào. Các ô đều bắt buộc, trừ khi ghi là không bắt buộc.',
    procedureLink: 'Xem quy trình giải quyết khiếu nại',
    unknownPolicy: 'Không có quy trình giải quyết khiếu nại nào mang tên “{{policy}}”.',
    aboutYou: 'Thông tin của Quý khách',
    name: 'Họ và tên',
    email: 'Địa chỉ email',
    emailHint: 'Chúng tôi sẽ gửi xác nhận và thông tin cập nhật đến địa chỉ này.',
    phone: 'Số điện thoại',
    contactRequired: 'Quý khách vui lòng cho địa chỉ email hoặc số điện thoại để chúng tôi trả lời',
    preferredContact: 'Quý khách muốn được liên hệ bằng cách nào?',
    contact_email: 'Qua email',
    contact_phone: 'Qua điện thoại',
    contact_post: 'Qua đường bưu điện',
    contact_portal: 'Chỉ trên trang theo dõi',
    contact_none: 'Không có yêu cầu riêng',
    preferredNeedsEmail: 'Vui lòng cho địa chỉ email để được liên hệ qua email',
    preferredNeedsPhone: 'Vui lòng cho số điện thoại để được liên hệ qua điện thoại',
    address: 'Địa chỉ bưu điện',
    addressHint: 'Mỗi dòng địa chỉ một dòng.',
    preferredNeedsAddress: 'Vui lòng cho địa chỉ bưu điện để được liên hệ qua đường bưu điện',
    aboutComplaint: 'Sự việc',
    subject: 'Tiêu đề',
    subjectHint: 'Vài từ, ví dụ “Mất kết nối Internet từ thứ Hai”.',
    description: 'Nội dung khiếu nại',
    descriptionHint: 'Việc gì đã xảy ra, khi nào, và Quý khách đã làm việc với ai.',
    remedy: 'Quý khách mong muốn được khắc phục thế nào?',
    remedyHint: 'Ví dụ hoàn tiền, sửa chữa hoặc một lời xin lỗi.',
    attachments: 'Tài liệu và hình ảnh',
    attachmentsHint:
      'Tối đa {{count}} tệp, mỗi tệp không quá {{size}}: PDF, hình ảnh (PNG, JPEG, GIF, WebP), Word, Excel, văn bản, ZIP hoặc thư điện tử.',
    needs: 'Quý khách có cần chúng tôi hỗ trợ gì đặc biệt không?',
    needsHint: 'Ví dụ chữ in lớn, gọi điện thay vì gửi thư, hoặc người phiên dịch.',
    send: 'Gửi khiếu nại',
    sending: 'Đang gửi khiếu nại…',
    uploading: 'Đang tải lên {{name}}…',
    uploadFailed: 'Khiếu nại đã được gửi, nhưng không đính kèm được {{name}}: {{reason}}',
  },
  receipt: {
    title: 'Đã gửi khiếu nại',
    reference: 'Mã khiếu nại của Quý khách là',
    saveLink:
      'Quý khách vui lòng giữ đường dẫn này: đây là cách để theo dõi khiếu nại, trả lời chúng tôi và yêu cầu những gì Quý khách cần.',
    trackingLink: 'Đường dẫn theo dõi',
    copyLink: 'Sao chép đường dẫn',
    openTracking: 'Theo dõi khiếu nại',
    promises: 'Các bước tiếp theo',
    another: 'Gửi một khiếu nại khác',
  },
};

export default viComplain;

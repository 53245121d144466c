// Tiếng Việt cho các màn hình quản trị và kiểm toán (chỉ các màn hình đó tải phần này).
import type { AdminMessages } from './en-admin.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
/** Vietnamese has one plural form: every `_one` key has its `_other`, and only that is needed. */
type NoOne<T> = {
  [K in keyof T as K extends `${string}_one` ? never : K]: T[K] extends string
    ? string
    : NoOne<T[K]>;
};

const viAdmin: NoOne<Strings<AdminMessages>> = {
  admin: {
    nav: 'Quản trị',
    title: 'Quản trị',
    intro: 'Thiết lập quy trình, cùng những người và hộp thư làm việc với quy trình đó.',
    policy: 'Chính sách',
    sections: {
      policies: {
        title: 'Chính sách',
        about: 'Đọc mọi phiên bản dưới dạng văn bản quy trình và thêm phiên bản mới.',
      },
      calendars: {
        title: 'Lịch làm việc',
        about: 'Ngày làm việc, ngày nghỉ lễ và giờ mở cửa theo từng năm.',
      },
      templates: {
        title: 'Mẫu thư',
        about: 'Các thư gửi cho khách hàng, bằng từng ngôn ngữ.',
      },
      users: { title: 'Người dùng', about: 'Tài khoản nhân viên và vai trò của họ.' },
      departments: { title: 'Phòng ban', about: 'Nơi khiếu nại được chuyển đến xử lý.' },
      mailboxes: {
        title: 'Hộp thư',
        about: 'Nơi khiếu nại gửi đến qua email, và những thư bị gắn cờ.',
      },
    },
    channels: {
      email: 'Email',
      web: 'Biểu mẫu trên web',
      phone: 'Điện thoại',
      post: 'Bưu điện',
      in_person: 'Trực tiếp',
      api: 'API',
    },
    policies: {
      list: 'Các chính sách',
      name: 'Tên',
      id: 'Mã',
      current: 'Phiên bản đang áp dụng',
      noneInForce: 'Chưa có',
      count: 'Số phiên bản',
      versions: 'Các phiên bản',
      version: 'Phiên bản {{n}}',
      inForce: 'đang áp dụng',
      effectiveFrom: 'Có hiệu lực từ',
      readText: 'Đọc văn bản quy trình của phiên bản {{n}}',
      hideText: 'Ẩn văn bản của phiên bản {{n}}',
    },
    calendars: {
      year: 'Năm',
      summary_other:
        'Năm {{year}} theo phiên bản {{version}}: {{n}} ngày làm việc và {{holidays}} ngày nghỉ lễ, tính theo múi giờ {{timezone}}.',
      week: 'Tuần làm việc',
      workingDays: 'Ngày làm việc',
      openingHours: 'Giờ mở cửa',
      hours: 'Từ {{start}} đến {{end}}',
      region: 'Ngày nghỉ lễ theo',
      noRegion: 'Không theo vùng nào: chỉ các ngày liệt kê bên dưới',
      days: {
        mon: 'Thứ Hai',
        tue: 'Thứ Ba',
        wed: 'Thứ Tư',
        thu: 'Thứ Năm',
        fri: 'Thứ Sáu',
        sat: 'Thứ Bảy',
        sun: 'Chủ Nhật',
      },
      holidays: 'Ngày nghỉ lễ',
      holidaysCaption: 'Các ngày nghỉ lễ năm {{year}} (không tính là ngày làm việc)',
      date: 'Ngày',
      name: 'Ngày lễ',
      corrections: 'Điều chỉnh riêng của chính sách',
      correctionsIntro:
        'Các ngày phiên bản này thêm làm ngày nghỉ, hoặc giữ là ngày làm việc dù có trong danh sách ngày lễ. Muốn thay đổi, hãy thêm một phiên bản chính sách với lịch mới.',
      toPolicies: 'Đến trang Chính sách',
      added: 'Ngày thêm làm ngày nghỉ',
      removed: 'Ngày vẫn làm việc',
      noneAdded: 'Không có.',
      noneRemoved: 'Không có.',
    },
    draft: {
      title: 'Thêm phiên bản',
      intro:
        'Soạn phiên bản mới bằng YAML hoặc JSON, giống như trong tệp chính sách. Bản nháp được sao từ phiên bản mới nhất: hãy sửa những gì cần thiết, kể cả ngày có hiệu lực. Nên kiểm tra trước để xem bản nháp thay đổi những gì và cho ra các thời hạn nào.',
      text: 'Phiên bản mới (YAML hoặc JSON)',
      textHint:
        'Số phiên bản do hệ thống tự đặt. Ngày có hiệu lực (effectiveFrom) phải sau ngày của phiên bản mới nhất.',
      problems_other: 'Bản nháp có {{count}} lỗi:',
      sample: 'Một khiếu nại mẫu, để xem trước các thời hạn',
      receivedAt: 'Thời điểm tiếp nhận (giờ địa phương của bạn)',
      receivedAtInvalid: 'Hãy nhập ngày và giờ.',
      channel: 'Tiếp nhận qua',
      check: 'Kiểm tra bản nháp',
      add: 'Thêm phiên bản này',
      valid: 'Bản nháp hợp lệ.',
      added: 'Đã thêm phiên bản {{n}}.',
      addedText:
        'Phiên bản này áp dụng cho các khiếu nại tiếp nhận từ ngày có hiệu lực; các khiếu nại đã tiếp nhận vẫn giữ phiên bản cũ.',
      deadlines: 'Các thời hạn bản nháp sẽ đặt ra',
      deadlinesFor: 'Cho một khiếu nại tiếp nhận qua {{channel}} vào',
      clock: 'Thời hạn',
      underDraft: 'Theo bản nháp',
      underInForce: 'Theo phiên bản đang áp dụng',
      startsLater: 'Bắt đầu sau, khi: {{events}}',
      newPolicy: 'Chính sách mới',
    },
    diff: {
      caption: 'Những thay đổi so với phiên bản {{n}}',
      none: 'Không có gì thay đổi.',
      count_other: '{{n}} dòng thay đổi.',
      change: 'Thay đổi',
      before: 'Dòng trước',
      after: 'Dòng sau',
      text: 'Nội dung',
      added: 'thêm vào',
      removed: 'bỏ đi',
      same: 'giữ nguyên',
      folded_other: '{{n}} dòng giữ nguyên',
    },
  },
  audit: {
    title: 'Nhật ký kiểm toán',
    intro:
      'Mọi thay đổi đối với khiếu nại, người dùng, chính sách hay hộp thư đều là một sự kiện trong chuỗi băm: chỉ cần một sự kiện bị sửa hoặc bị mất là chuỗi bị đứt. Tại đây bạn có thể xem các sự kiện, xác minh chuỗi và xuất dữ liệu cần thiết.',
    filter: {
      title: 'Lọc sự kiện',
      complaint: 'Mã khiếu nại',
      complaintHint: 'Ví dụ RD-2026-000001, hoặc “system” cho người dùng, chính sách và hộp thư.',
      actor: 'Người thực hiện',
      anyone: 'Bất kỳ ai',
      kind: 'Loại sự kiện',
      kindHint: 'Ví dụ acknowledged, transferred hoặc user_created.',
      from: 'Từ ngày',
      to: 'Đến ngày (tính cả ngày này)',
      show: 'Xem sự kiện',
      clear: 'Xoá bộ lọc',
      fix: 'Hãy sửa bộ lọc: lỗi được ghi ngay cạnh từng ô.',
    },
    verify: {
      title: 'Xác minh chuỗi',
      intro:
        'Việc xác minh tính lại mọi giá trị băm từ các sự kiện đã lưu. Nếu bộ lọc có mã khiếu nại, chỉ chuỗi của khiếu nại đó được kiểm tra.',
      runAll: 'Xác minh toàn bộ chuỗi',
      runOne: 'Xác minh chuỗi của {{reference}}',
      running: 'Đang xác minh…',
      intact: 'Nhật ký kiểm toán còn nguyên vẹn.',
      intactText:
        'Đã kiểm tra {{events}} sự kiện trong {{streams}} chuỗi lúc {{at}}; không sự kiện nào bị sửa hay bị mất.',
      broken: 'Nhật ký kiểm toán đã bị đứt.',
      brokenText: 'Mắt xích đứt đầu tiên là sự kiện thứ {{seq}} của {{stream}} (dòng {{id}}).',
      problem: 'Lỗi:',
    },
    events: {
      title: 'Sự kiện',
      caption: 'Các sự kiện, mới nhất trước',
      none: 'Không có sự kiện nào khớp với bộ lọc.',
      more: 'Xem thêm sự kiện',
      when: 'Thời điểm',
      stream: 'Khiếu nại',
      kind: 'Loại',
      who: 'Người thực hiện',
      reason: 'Lý do và chi tiết',
      system: 'Hệ thống',
      seq: 'sự kiện thứ {{n}}',
      details: 'Chi tiết sự kiện thứ {{n}} của {{stream}}',
    },
    export: {
      csv: 'Tải các sự kiện này (CSV)',
      json: 'Tải các sự kiện này (JSON)',
    },
  },
};

export default viAdmin;

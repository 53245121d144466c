// Tiếng Việt cho các màn hình của nhân viên (trang của khách hàng không tải phần này).
import type { StaffMessages } from './en-staff.ts';
import { viFieldIssues } from './vi-field-issues.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const viStaff: Strings<StaffMessages> = {
  fieldIssue: viFieldIssues,
  staff: {
    nav: 'Điều hướng cho nhân viên',
    queue: 'Hàng đợi',
    dashboard: 'Bảng điều khiển',
    admin: 'Quản trị',
    audit: 'Nhật ký kiểm toán',
    returns: 'Báo cáo định kỳ',
    inbox: 'Hộp việc chờ',
    lessons: 'Bài học kinh nghiệm',
    signOut: 'Đăng xuất',
    signedInAs: 'Đã đăng nhập: {{name}}, {{role}}',
    notAllowed: 'Trang này không dành cho vai trò của bạn.',
    goHome: 'Về trang của bạn',
    queueTitle: 'Hàng đợi',
    dashboardTitle: 'Bảng điều khiển',
    welcome: 'Xin chào {{name}}.',
    notYet:
      'Hàng đợi khiếu nại và không gian xử lý hồ sơ đang được xây dựng. Trong lúc chờ, trang này cho biết những việc đang chờ bạn.',
    notYetDashboard:
      'Bảng điều khiển và báo cáo đang được xây dựng. Trong lúc chờ, trang này cho biết những việc đang chờ bạn.',
    canDo: 'Với vai trò {{role}}, bạn có thể',
    tasks: 'Việc cần làm',
    notifications: 'Thông báo chưa đọc',
    refresh: 'Làm mới',
    none: 'Không có',
    links: 'Liên kết hữu ích',
    apiDocs: 'API (tài liệu OpenAPI)',
    webForm: 'Biểu mẫu khiếu nại cho khách hàng',
  },
  roles: {
    handler: 'nhân viên xử lý khiếu nại',
    department_member: 'thành viên phòng ban',
    manager: 'quản lý khiếu nại',
    administrator: 'quản trị viên',
    auditor: 'kiểm toán viên',
  },
  roleCan: {
    handler:
      'ghi nhận, xác nhận, xem xét và trả lời khiếu nại; đề nghị khách hàng bổ sung thông tin; chuyển khiếu nại cho các phòng ban.',
    department_member:
      'giải quyết các khiếu nại và công việc của phòng ban mình; ghi nhận kết quả kiểm tra; đề xuất nguyên nhân và cách khắc phục.',
    manager:
      'phê duyệt câu trả lời; tiếp nhận các yêu cầu chuyển cấp; quyết định các trường hợp bế tắc, khiếu nại sai mục đích hoặc ngoài thẩm quyền; theo dõi việc tuân thủ.',
    administrator: 'cấu hình quy trình, lịch làm việc, phòng ban, người dùng, mẫu thư và hộp thư.',
    auditor: 'xem nhật ký kiểm toán và các báo cáo; bạn không thay đổi gì.',
  },
};

export default viStaff;

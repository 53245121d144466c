// What demo complaints say: the shape of a complaint topic, and the phrases every topic shares
// (reasons, replies, notes) in English and Vietnamese. Topics are in demo-texts-en/-vi.ts.
import type { DemoDepartment } from './demo-users.ts';

export type Lang = 'en' | 'vi';
export type DemoPolicy = 'uk-comms-ombudsman' | 'vn-datacentre' | 'uk-fca-disp';

/** Random details a topic's text is filled with, so two complaints on a topic differ. */
export interface Vars {
  /** Money, formatted for the policy's currency. */
  amount: string;
  month: string;
  days: number;
  hours: number;
  account: string;
  rack: string;
  n: number;
}

export interface Topic {
  key: string;
  lang: Lang;
  policy: DemoPolicy;
  subject: (v: Vars) => string;
  description: (v: Vars) => string;
  product: string;
  category: string;
  /** The department a transfer sends it to. */
  department: DemoDepartment;
  remedy: string;
  immediateAction?: string;
  question: string;
  answer: (v: Vars) => string;
  findings: (v: Vars) => string;
  /** Root cause category, as the reports group them. */
  rootCause: string;
  plan: string;
  response: (v: Vars) => string;
  summary: string;
  lessons: string;
  redress: { kind: 'money' | 'action'; description: string; amount?: number };
  /** What was agreed when it is settled on the call or at the desk. */
  firstContact: string;
  /** The complaint is about a member of staff (handler2): they must not investigate it. */
  aboutStaff?: boolean;
}

/** Phrases any complaint may use, per language. */
export interface Phrases {
  notes: string[];
  customerReplies: string[];
  progress: string[];
  escalateReasons: string[];
  customerEscalation: string[];
  reopenReasons: string[];
  withdrawReasons: string[];
  rejectReasons: string[];
  deadlockReasons: string[];
  /** Why a complaint goes to a department, per department. */
  transferReasons: Record<Exclude<DemoDepartment, 'customer-success'>, string>;
  urgentReasons: string[];
  vulnerableReasons: string[];
  vexatiousReasons: string[];
  outsideJurisdictionReasons: string[];
  refuseLetterReasons: string[];
  deescalateReasons: string[];
  approveNotes: string[];
  ratings: Record<1 | 2 | 3 | 4 | 5, string[]>;
  withdrawnSummary: string;
  withdrawnLessons: string;
  deadlockSummary: string;
  adrCompliance: string;
  redressDone: string;
  /** The final response's remedy when nothing is owed (seed 004 requires one). */
  noRemedy: string;
  needs: string[];
  months: string[];
}

export const PHRASES: Record<Lang, Phrases> = {
  en: {
    notes: [
      'Called the customer to confirm the details; they are happy for us to email updates.',
      'Checked the account history: two earlier contacts about the same issue in the last month.',
      'Customer mentioned they are considering leaving at the end of the contract.',
      'Asked the team lead to review the case notes before we reply.',
      'Reviewed call recording from the original contact.',
    ],
    customerReplies: [
      'Thanks for the update. Please keep me posted – this is still affecting our business.',
      'Just to add: the problem happened again this morning.',
      'Can you tell me when I can expect a proper answer?',
      'I called twice yesterday and nobody could tell me what is happening with my complaint.',
    ],
    progress: [
      'We are still investigating your complaint and will update you again within two weeks.',
      'The team responsible for the service is reviewing its records; we will contact you as soon as they report.',
      'We have found the likely cause and are working on a fix; thank you for your patience.',
      'We are waiting for a report from our supplier and will contact you as soon as it arrives.',
    ],
    escalateReasons: [
      'Complex case involving two suppliers; needs a manager to co-ordinate.',
      'Customer has had three failed fixes; escalating within the company as promised.',
      'Potential financial impact on the customer above the team lead limit.',
      'Customer asked for a review by a manager.',
    ],
    customerEscalation: [
      'I am not happy with how long this is taking and want a manager to look at it.',
      'Please escalate this – I have been waiting for weeks.',
    ],
    reopenReasons: [
      'The credit you promised has not appeared on my bill.',
      'The fault came back two days after you said it was fixed.',
      'Your answer does not deal with the lost calls, which were the main point of my complaint.',
    ],
    withdrawReasons: [
      'Customer sorted it out with their IT provider and no longer wishes to complain.',
      'The issue resolved itself; customer asked us to close the complaint.',
      'Duplicate of an earlier complaint raised by a colleague at the same company.',
    ],
    rejectReasons: [
      'The draft does not explain the root cause; add the carrier findings.',
      'The offer does not cover the second month overcharged – recalculate.',
      'Tone too defensive; acknowledge the missed call-backs first.',
    ],
    deadlockReasons: [
      'We have made our final offer and the customer does not accept it; final position reached.',
      'Fix depends on a third-party carrier with no date; we cannot give a timeframe for resolution.',
    ],
    transferReasons: {
      billing: 'Billing adjustment needed; passing to the billing team.',
      network: 'Needs fault diagnosis by the network operations centre.',
      'datacentre-operations': 'Needs investigation by datacentre operations.',
    },
    urgentReasons: [
      'Business has no working phone lines – complaint is urgent.',
      'Customer runs a care service and depends on the line; urgent as the code promises.',
    ],
    vulnerableReasons: [
      'Customer is hard of hearing and relies on text and email; record adjustments.',
      'Customer told us they are recovering from serious illness; take extra care with contact.',
    ],
    vexatiousReasons: [
      'Twelfth complaint about the same closed matter in two months, with abusive messages to staff.',
    ],
    outsideJurisdictionReasons: [
      'The dispute concerns a contract with a third-party reseller, not with us.',
    ],
    refuseLetterReasons: [
      'Complaint flagged vexatious by the complaints manager; no deadlock letter is provided under our code of practice.',
    ],
    deescalateReasons: [
      'Manager has agreed the plan; back with the customer success team to carry it out.',
    ],
    approveNotes: [
      'Approved – please send today.',
      'Agreed; make sure the credit is applied first.',
    ],
    ratings: {
      1: ['Took far too long and I had to chase every step.'],
      2: ['Got there in the end but the communication was poor.'],
      3: ['Fine, although the credit was less than I hoped.'],
      4: ['Good outcome, thanks for keeping me updated.'],
      5: ['Excellent – Tom sorted it quickly and explained everything.', 'Very happy, thank you.'],
    },
    withdrawnSummary: 'Customer withdrew the complaint before we reached a decision.',
    withdrawnLessons: 'None recorded.',
    deadlockSummary: 'Deadlock reached; customer told of the right to go to the ADR scheme.',
    adrCompliance: 'Award paid and apology letter sent as directed by the scheme.',
    redressDone: 'Credit applied to the account.',
    noRemedy: 'We found no fault on our part, so no compensation is due.',
    needs: [
      'Hard of hearing: contact by email or text relay only.',
      'Prefers large-print letters.',
      'Recently bereaved; please ask for the named account holder’s executor.',
    ],
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
  },
  vi: {
    notes: [
      'Đã gọi điện cho khách hàng để xác nhận thông tin; khách đồng ý nhận cập nhật qua email.',
      'Kiểm tra lịch sử: khách đã liên hệ hai lần về cùng sự cố trong tháng trước.',
      'Đã mở phiếu yêu cầu với nhà cung cấp đường truyền, đang chờ báo cáo.',
      'Đã xem lại nhật ký vận hành (working log) của ca trực đêm hôm đó.',
    ],
    customerReplies: [
      'Cảm ơn anh/chị đã cập nhật. Vui lòng báo cho chúng tôi khi có kết quả.',
      'Chúng tôi đã gửi kèm ảnh chụp màn hình và nhật ký hệ thống theo yêu cầu.',
      'Đến bao giờ thì chúng tôi nhận được câu trả lời chính thức?',
    ],
    progress: [
      'Bộ phận vận hành đang phân tích nguyên nhân, dự kiến có kết quả trong 3 ngày làm việc.',
      'Khiếu nại của Quý khách đã được chuyển đến bộ phận liên quan để xử lý.',
      'Chúng tôi đã xác định được nguyên nhân và đang trình lãnh đạo phê duyệt phương án xử lý.',
    ],
    escalateReasons: [
      'Sự cố ảnh hưởng nhiều khách hàng, cần cấp lãnh đạo chỉ đạo xử lý.',
      'Khách hàng yêu cầu bồi thường vượt thẩm quyền của bộ phận chăm sóc khách hàng.',
      'Đã quá thời hạn xử lý nội bộ, cần báo cáo cấp trên.',
    ],
    customerEscalation: ['Chúng tôi đề nghị lãnh đạo công ty trực tiếp xem xét khiếu nại này.'],
    reopenReasons: [
      'Sự cố vẫn tiếp diễn sau khi đã được báo là khắc phục xong.',
      'Khoản giảm trừ trong thư trả lời chưa được cập nhật vào hóa đơn.',
    ],
    withdrawReasons: [
      'Khách hàng đã tự khắc phục và đề nghị rút lại khiếu nại.',
      'Khiếu nại trùng với yêu cầu hỗ trợ đã được xử lý.',
    ],
    rejectReasons: [
      'Phương án chưa nêu rõ nguyên nhân và trách nhiệm của các bên; bổ sung nhật ký vận hành.',
      'Mức giảm trừ chưa đúng theo SLA trong hợp đồng; tính lại.',
    ],
    deadlockReasons: [
      'Khách hàng không chấp nhận phương án cuối cùng của công ty; đã hết khả năng giải quyết nội bộ.',
    ],
    transferReasons: {
      billing: 'Cần phòng kế toán kiểm tra và điều chỉnh cước.',
      network: 'Cần bộ phận mạng xác định nguyên nhân từ nhật ký vận hành.',
      'datacentre-operations':
        'Khiếu nại không thuộc phạm vi bộ phận tiếp nhận; chuyển bộ phận vận hành trung tâm dữ liệu xử lý.',
    },
    urgentReasons: ['Hệ thống sản xuất của khách hàng đang ngừng hoạt động – xử lý khẩn cấp.'],
    vulnerableReasons: ['Khách hàng cá nhân lớn tuổi, cần hỗ trợ qua điện thoại.'],
    vexatiousReasons: ['Khiếu nại lặp lại nhiều lần về nội dung đã được giải quyết dứt điểm.'],
    outsideJurisdictionReasons: ['Tranh chấp thuộc hợp đồng với đại lý bên thứ ba.'],
    refuseLetterReasons: ['Khiếu nại đã được giải quyết dứt điểm trước đó.'],
    deescalateReasons: ['Lãnh đạo đã duyệt hướng xử lý; chuyển lại bộ phận chăm sóc khách hàng.'],
    approveNotes: ['Đồng ý phương án, gửi văn bản trả lời cho khách hàng.', 'Duyệt.'],
    ratings: {
      1: ['Xử lý quá chậm, chúng tôi phải liên hệ nhiều lần.'],
      2: ['Kết quả tạm được nhưng thông tin phản hồi chưa kịp thời.'],
      3: ['Chấp nhận được.'],
      4: ['Xử lý tốt, cảm ơn chị Lan đã hỗ trợ.'],
      5: ['Rất hài lòng với cách giải quyết nhanh chóng và chuyên nghiệp.'],
    },
    withdrawnSummary: 'Khách hàng rút khiếu nại trước khi có kết quả giải quyết.',
    withdrawnLessons: 'Không có bài học mới.',
    deadlockSummary: 'Không đạt được thỏa thuận; đã thông báo phương án cuối cùng cho khách hàng.',
    adrCompliance: 'Đã thực hiện theo quyết định.',
    redressDone: 'Đã giảm trừ vào hóa đơn kỳ tiếp theo.',
    noRemedy: 'Công ty không có lỗi trong sự việc này nên không phát sinh khoản bồi thường.',
    needs: ['Khách hàng lớn tuổi, ưu tiên liên hệ qua điện thoại.'],
    months: [
      'tháng 1',
      'tháng 2',
      'tháng 3',
      'tháng 4',
      'tháng 5',
      'tháng 6',
      'tháng 7',
      'tháng 8',
      'tháng 9',
      'tháng 10',
      'tháng 11',
      'tháng 12',
    ],
  },
};

/** Names customers are drawn from. */
export const NAMES = {
  en: {
    first: [
      'Oliver',
      'Amelia',
      'Harry',
      'Isla',
      'George',
      'Ava',
      'Jack',
      'Emily',
      'Charlie',
      'Sophie',
      'Mohammed',
      'Grace',
      'Thomas',
      'Chloe',
      'James',
      'Ruby',
      'William',
      'Freya',
      'Aisha',
      'Daniel',
    ],
    last: [
      'Smith',
      'Jones',
      'Taylor',
      'Brown',
      'Williams',
      'Wilson',
      'Davies',
      'Evans',
      'Patel',
      'Khan',
      'Thomas',
      'Roberts',
      'Walker',
      'Wright',
      'Clarke',
      'Hughes',
    ],
    businesses: [
      'Harbour Dental Practice',
      'Avon Valley Accountants',
      'Kingsley & Webb Solicitors',
      'Brightside Care Homes',
      'Northgate Logistics',
      'The Old Mill Bakery',
      'Severn Architecture',
      'Bluebell Nurseries',
    ],
    streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Mill Lane'],
    towns: ['Bath BA1 2QH', 'Bristol BS1 4DJ', 'Swindon SN1 1AA', 'Chippenham SN15 3AB'],
  },
  vi: {
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ'],
    middle: ['Văn', 'Thị', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Hữu', 'Thu'],
    given: ['An', 'Bình', 'Châu', 'Dũng', 'Hà', 'Hải', 'Hương', 'Khoa', 'Linh', 'Nam', 'Phúc'],
    companies: [
      'Công ty TNHH Phần mềm Sao Mai',
      'Công ty Cổ phần Thương mại Điện tử Ánh Dương',
      'Công ty TNHH Giải pháp Tài chính Bến Thành',
      'Công ty Cổ phần Truyền thông Sông Hàn',
      'Ngân hàng TMCP Phương Đông – Chi nhánh Thủ Đức',
      'Công ty TNHH Game Online Rồng Việt',
    ],
  },
} as const;

/** Vietnamese names without their marks, for email addresses. */
export function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

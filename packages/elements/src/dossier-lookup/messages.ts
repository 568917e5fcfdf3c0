/** Vietnamese messages of `<motcua-dossier-lookup>` (the default; English in `messages.en.ts`, loaded on demand). */
import { catalogue } from '../internal/i18n/catalogue.js';
import type { DossierCodeError, DossierTimingState } from '@motcua/sdk';

const reasons: Record<DossierCodeError, (part: string | null) => string> = {
  empty: () => 'Vui lòng nhập mã hồ sơ.',
  too_long: () => 'Mã hồ sơ quá dài.',
  bad_characters: (p) =>
    `${p == null ? 'Mã hồ sơ' : `Phần ${p}`} có ký tự không hợp lệ: mã chỉ gồm chữ số, chữ cái, dấu chấm và dấu gạch ngang.`,
  missing_parts: (p) =>
    p == null
      ? 'Mã hồ sơ gồm 3 phần ngăn cách bởi dấu gạch ngang: mã cơ quan, ngày tiếp nhận và số thứ tự.'
      : `Mã hồ sơ còn thiếu phần ${p}.`,
  too_many_parts: () => 'Mã hồ sơ chỉ gồm 3 phần, ngăn cách bởi 2 dấu gạch ngang.',
  bad_agency: () => 'Phần mã cơ quan phải có dạng 000.00.00.H00.',
  bad_date: () => 'Phần ngày tiếp nhận phải gồm 6 chữ số năm, tháng, ngày (ví dụ 200217).',
  impossible_date: () => 'Phần ngày tiếp nhận không phải là một ngày có thật.',
  future_date: () => 'Phần ngày tiếp nhận là một ngày trong tương lai.',
  bad_sequence: () => 'Phần số thứ tự phải gồm 4 chữ số (ví dụ 0001).',
  zero_sequence: () => 'Phần số thứ tự không thể là 0000.',
};

const timing: Record<DossierTimingState, (days: number) => string> = {
  early: (n) => `Trước hạn ${n} ngày`,
  on_time: () => 'Đúng hạn',
  late: (n) => `Trễ hạn ${n} ngày`,
  on_track: (n) => (n === 0 ? 'Hẹn trả hôm nay' : `Còn ${n} ngày đến hẹn`),
  overdue: (n) => `Quá hạn ${n} ngày`,
};

export const vi = {
  title: 'Tra cứu hồ sơ',
  codeLabel: 'Mã hồ sơ',
  // The format, not one province's agency code: /v1/meta does not carry the H number of the province.
  codeHint: 'In trên giấy tiếp nhận, dạng 000.00.00.H00-260217-0001: mã cơ quan, ngày tiếp nhận (năm tháng ngày), số thứ tự',
  codeValid: 'Mã hồ sơ hợp lệ.',
  /** Names of the code's parts; a reason gets `null` when it is about the whole code. */
  parts: { agency: 'mã cơ quan', date: 'ngày tiếp nhận', sequence: 'số thứ tự' },
  reasons,
  verifyLabel: '4 số cuối số điện thoại hoặc số CCCD của người nộp',
  verifyInvalid: 'Vui lòng nhập đúng 4 chữ số.',
  submit: 'Tra cứu',
  scan: 'Quét mã QR',
  scanFailed: 'Không đọc được mã QR trong ảnh. Vui lòng chụp lại hoặc nhập mã.',
  searching: 'Đang tra cứu…',
  challenging: 'Đã nhiều lần không tìm thấy hồ sơ. Đang xác minh trình duyệt, mất vài giây…',
  challengeFailed: 'Chưa xác minh được trình duyệt. Vui lòng thử lại.',
  badFormat: 'Mã hồ sơ không đúng định dạng. Vui lòng kiểm tra lại.',
  notFound: 'Không tìm thấy hồ sơ có mã này. Vui lòng kiểm tra lại mã trên giấy tiếp nhận.',
  notFoundVerified: 'Không tìm thấy hồ sơ với mã và 4 số xác minh này. Vui lòng kiểm tra lại.',
  verificationRequired: 'Vui lòng nhập 4 số cuối số điện thoại hoặc số CCCD của người nộp để xem hồ sơ.',
  found: (code: string, status: string) => `Đã tìm thấy hồ sơ ${code}: ${status}.`,
  code: 'Mã hồ sơ',
  nationalCode: 'Mã hồ sơ quốc gia',
  procedure: 'Thủ tục',
  status: 'Trạng thái',
  received: 'Ngày tiếp nhận',
  /** Status 1: filed (often online) but not yet accepted by the desk. */
  submitted: 'Ngày nộp',
  submittedNote: 'Hồ sơ đã nộp, đang chờ Bộ phận Một cửa kiểm tra, tiếp nhận.',
  appointment: 'Ngày hẹn trả',
  finished: 'Ngày có kết quả',
  returned: 'Ngày trả kết quả',
  applicant: 'Người nộp',
  office: 'Nơi tiếp nhận',
  history: 'Quá trình xử lý',
  historyEmpty: 'Chưa có bước xử lý nào được ghi nhận.',
  timing,
  /** What the citizen must do while the dossier waits for them (5, 6). */
  nextStep: {
    5: 'Bạn cần bổ sung giấy tờ theo yêu cầu của cơ quan giải quyết (xem quá trình xử lý bên dưới hoặc hỏi nơi tiếp nhận).',
    6: 'Bạn cần nộp phí, lệ phí theo thông báo của cơ quan giải quyết, trực tuyến hoặc tại nơi tiếp nhận.',
  } as Record<5 | 6, string>,
  newAppointment: (date: string) => `Ngày hẹn trả mới: ${date}.`,
  newAppointmentLater: 'Cơ quan sẽ hẹn ngày trả kết quả mới sau khi bạn hoàn thành yêu cầu này.',
  addToCalendar: 'Thêm ngày hẹn vào lịch',
  calendarTitle: (code: string) => `Nhận kết quả hồ sơ ${code}`,
  share: 'Chia sẻ',
  copyLink: 'Sao chép liên kết',
  copied: 'Đã sao chép liên kết.',
  copyManually: 'Liên kết (chọn để sao chép)',
  rateLimitedDone: 'Bạn có thể tra cứu lại ngay bây giờ.',
  rate: 'Đánh giá mức độ hài lòng',
  rated: 'Hồ sơ này đã được đánh giá. Cảm ơn bạn!',
};
/** The catalogue's shape: the English one must satisfy it. */
export type LookupMessages = typeof vi;

export const messages = catalogue('motcua-dossier-lookup', vi, () => import('./messages.en.js'));

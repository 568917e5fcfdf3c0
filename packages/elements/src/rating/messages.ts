/** Vietnamese messages of `<motcua-rating>` (the default; English in `messages.en.ts`, loaded on demand). */
import { catalogue } from '../internal/i18n/catalogue.js';
import type { RatingIndicator, RatingLevel } from '@motcua/sdk';
import { formatNumber } from '../internal/i18n/format.js';

const levels: Record<RatingLevel, string> = {
  very_satisfied: 'Rất hài lòng',
  satisfied: 'Hài lòng',
  dissatisfied: 'Không hài lòng',
};

/** The official wording of the 9 indicators, in order (DOMAIN.md, "Satisfaction rating"). */
const indicators: Record<RatingIndicator, string> = {
  total_time: 'Tổng thời gian giải quyết thủ tục hành chính so với thời gian quy định',
  agency_time: 'Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết',
  contacts: 'Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ',
  agencies_contacted: 'Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ',
  one_stop: 'Thực hiện tiếp nhận hồ sơ và trả kết quả tại Bộ phận Một cửa',
  published: 'Công khai thủ tục hành chính',
  attitude: 'Thái độ của cán bộ, công chức, viên chức khi hướng dẫn, tiếp nhận, giải quyết hồ sơ',
  feedback_handling: 'Tiếp thu, giải trình đối với các ý kiến phản ánh, kiến nghị của tổ chức, cá nhân',
  online_service: 'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến của cơ quan có thẩm quyền',
};

export const vi = {
  title: 'Đánh giá mức độ hài lòng',
  questionDossier: (code: string) => `Bạn hài lòng thế nào với việc giải quyết hồ sơ ${code}?`,
  questionOffice: 'Bạn hài lòng thế nào với việc phục vụ của cơ quan?',
  levels,
  comment: 'Góp ý',
  commentRequired: 'Vì sao bạn không hài lòng?',
  counter: (n: number, max: number) => `${n}/${max} ký tự`,
  levelMissing: 'Vui lòng chọn mức độ hài lòng.',
  commentMissing: 'Vui lòng cho biết vì sao bạn không hài lòng.',
  detailed: 'Đánh giá chi tiết (không bắt buộc)',
  indicators,
  /** Indexed by score: 0, 1, 2. */
  scores: ['Chưa tốt', 'Bình thường', 'Tốt'],
  honeypot: 'Để trống ô này',
  submit: 'Gửi đánh giá',
  sending: 'Đang gửi…',
  thanks: 'Cảm ơn bạn đã đánh giá! Ý kiến của bạn giúp cơ quan phục vụ tốt hơn.',
  queued: 'Chưa gửi được vì mất kết nối. Đánh giá đã được lưu trên thiết bị này và sẽ tự động gửi khi có mạng.',
  queuedServer: 'Chưa gửi được vì hệ thống đang gặp sự cố. Đánh giá đã được lưu trên thiết bị này và sẽ tự động gửi lại sau.',
  exists: 'Hồ sơ này đã được đánh giá trước đó. Mỗi hồ sơ chỉ đánh giá một lần. Cảm ơn bạn đã quan tâm!',
  notFound: 'Không tìm thấy hồ sơ cần đánh giá. Vui lòng kiểm tra lại mã hồ sơ.',
  noTarget: 'Tiện ích chưa được cấu hình hồ sơ hoặc cơ quan cần đánh giá (thuộc tính dossier hoặc office).',
  summaryTitle: 'Kết quả đánh giá',
  summaryTotal: (n: number) => `${formatNumber(n, 'vi')} lượt đánh giá`,
  summaryPeriod: (from: string, to: string) => `Từ ngày ${from} đến ngày ${to}`,
  summaryNone: 'Chưa có lượt đánh giá nào.',
  summaryError: 'Chưa tải được kết quả đánh giá.',
};
/** The catalogue's shape: the English one must satisfy it. */
export type RatingMessages = typeof vi;

export const messages = catalogue('motcua-rating', vi, () => import('./messages.en.js'));

/** Vietnamese messages shared by every widget (the default; English in `common.en.ts`, loaded on demand). */
import { catalogue } from './catalogue.js';

const duration = (s: number) => (s < 60 ? `${s} giây` : `${Math.ceil(s / 60)} phút`);

export const vi = {
  retry: 'Thử lại',
  required: '(bắt buộc)',
  errors: {
    offline: 'Không kết nối được tới máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.',
    offlineBrowser: 'Thiết bị đang mất kết nối mạng. Vui lòng thử lại khi có mạng.',
    timeout: 'Máy chủ phản hồi quá lâu. Vui lòng thử lại.',
    server: 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.',
    config: 'Tiện ích chưa được cấu hình địa chỉ máy chủ (thuộc tính api).',
    invalid: 'Yêu cầu chưa hợp lệ. Vui lòng kiểm tra lại thông tin.',
    rateLimited: (seconds: number | null) =>
      seconds == null
        ? 'Bạn đã gửi quá nhiều yêu cầu. Vui lòng đợi một lát rồi thử lại.'
        : `Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ${duration(seconds)}.`,
  },
};
/** The catalogue's shape: the English one must satisfy it. */
export type CommonMessages = typeof vi;

export const common = catalogue('common', vi, () => import('./common.en.js'));

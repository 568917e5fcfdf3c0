/** Vietnamese messages of `<motcua-stats>` (the default; English in `messages.en.ts`, loaded on demand). */
import { catalogue } from '../internal/i18n/catalogue.js';

export const vi = {
  title: 'Tình hình giải quyết hồ sơ',
  period: (from: string, to: string) => `Từ ngày ${from} đến ngày ${to}`,
  received: 'Hồ sơ tiếp nhận',
  settled: 'Đã giải quyết',
  onTime: 'Giải quyết đúng hạn và trước hạn',
  overdue: 'Đang quá hạn',
  inProgress: 'Đang giải quyết trong hạn',
  onTimeOf: (n: string) => `trên ${n} hồ sơ đã giải quyết`,
  /** Report wording (DOMAIN.md): settled before the appointment day, on it, after it. */
  early: 'Trước hạn',
  onDay: 'Đúng hạn',
  late: 'Trễ hạn',
  noRate: 'Chưa có hồ sơ giải quyết',
  beside: (name: string) => `${name}:`,
  empty: 'Chưa có hồ sơ nào trong khoảng thời gian này.',
  monthly: 'Theo tháng',
  legendReceived: 'Tiếp nhận',
  chart: (scope: string, from: string, to: string, peak: string, peakMonth: string) =>
    `Biểu đồ cột số hồ sơ tiếp nhận và đã giải quyết (trước hạn, đúng hạn, trễ hạn) mỗi tháng của ${scope}, từ tháng ${from} đến tháng ${to}. ` +
    `Tháng tiếp nhận nhiều nhất: ${peakMonth}, ${peak} hồ sơ. Số liệu chi tiết trong bảng bên dưới.`,
  table: 'Xem số liệu dạng bảng',
  month: 'Tháng',
  onTimeRate: 'Tỉ lệ đúng hạn và trước hạn',
  partial: (month: string, to: string) => `Tháng ${month} chưa hết: số liệu tính đến ngày ${to}.`,
};

/** The catalogue's shape: the English one must satisfy it. */
export type StatsMessages = typeof vi;

export const messages = catalogue('motcua-stats', vi, () => import('./messages.en.js'));

/** Vietnamese messages of `<motcua-procedure-finder>` (the default; English in `messages.en.ts`, loaded on demand). */
import { catalogue } from '../internal/i18n/catalogue.js';
import type { Channel, Fee, OnlineLevel, ProcedureLevel, TimeUnit } from '@motcua/sdk';
import { formatNumber } from '../internal/i18n/format.js';

type Count = (n: number) => string;

export const vi = {
  title: 'Tra cứu thủ tục hành chính',
  searchLabel: 'Tên hoặc mã thủ tục',
  searchHint: 'Ví dụ: khai sinh, kết hôn, 1.001193. Gõ có dấu hoặc không dấu đều được.',
  filters: 'Lọc kết quả',
  level: 'Cấp thực hiện',
  anyLevel: 'Tất cả các cấp',
  levels: { central: 'Cấp trung ương', province: 'Cấp tỉnh', commune: 'Cấp xã' } as Record<ProcedureLevel, string>,
  field: 'Lĩnh vực',
  anyField: 'Tất cả lĩnh vực',
  fieldCleared: (field: string, level: string) =>
    `Lĩnh vực “${field}” không có thủ tục ${level.toLowerCase()}, nên đã bỏ chọn lĩnh vực.`,
  online: 'Nộp trực tuyến',
  anyOnline: 'Tất cả',
  onlineLevels: {
    full: 'Trực tuyến toàn trình',
    partial: 'Trực tuyến một phần',
    none: 'Không nộp trực tuyến',
  } as Record<OnlineLevel, string>,
  initial: 'Nhập tên thủ tục, hoặc chọn một lĩnh vực, để xem danh sách.',
  searching: 'Đang tìm…',
  count: ((n) => `Tìm thấy ${formatNumber(n, 'vi')} thủ tục`) as Count,
  shown: ((n) => `, đang hiển thị ${formatNumber(n, 'vi')}`) as Count,
  empty: 'Không tìm thấy thủ tục phù hợp. Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc.',
  more: 'Xem thêm',
  back: 'Quay lại danh sách',
  loadingDetail: 'Đang tải thông tin thủ tục…',
  notFound: 'Không tìm thấy thủ tục có mã này.',
  opened: (name: string) => `Đã mở thủ tục: ${name}`,
  code: 'Mã thủ tục',
  subjects: 'Đối tượng thực hiện',
  decision: 'Quyết định công bố',
  apply: 'Nộp hồ sơ trực tuyến',
  portal: 'Xem trên Cổng Dịch vụ công quốc gia',
  newTab: '(mở trong thẻ mới)',
  methods: 'Cách thức thực hiện',
  channels: { in_person: 'Trực tiếp', online: 'Trực tuyến', postal: 'Qua dịch vụ bưu chính' } as Record<Channel, string>,
  time: 'Thời hạn giải quyết',
  timeUnits: {
    working_days: (n) => `${formatNumber(n, 'vi')} ngày làm việc`,
    days: (n) => `${formatNumber(n, 'vi')} ngày`,
    hours: (n) => `${formatNumber(n, 'vi')} giờ`,
    months: (n) => `${formatNumber(n, 'vi')} tháng`,
    years: (n) => `${formatNumber(n, 'vi')} năm`,
  } as Record<TimeUnit, Count>,
  notStated: 'Không quy định',
  fees: 'Phí, lệ phí',
  feeKinds: { fee: 'Phí', charge: 'Lệ phí', price: 'Giá' } as Record<Fee['kind'], string>,
  free: 'Không thu',
  varies: 'Tùy trường hợp',
  where: 'Nơi nộp hồ sơ',
  how: 'Hình thức nộp',
  dossier: 'Thành phần hồ sơ',
  tick: 'Đánh dấu giấy tờ bạn đã có.',
  otherDocs: 'Giấy tờ khác',
  yourCase: 'Trường hợp của bạn',
  allCases: 'Tất cả các trường hợp',
  docCount: (required: number, optional: number) =>
    [required && `${formatNumber(required, 'vi')} bắt buộc`, optional && `${formatNumber(optional, 'vi')} nếu có`].filter(Boolean).join(', '),
  print: 'In danh sách giấy tờ',
  notes: 'Lưu ý về hồ sơ',
  originals: ((n) => `Bản chính: ${n}`) as Count,
  copies: ((n) => `Bản sao: ${n}`) as Count,
  countNotStated: 'Không ghi số bản',
  required: 'Bắt buộc',
  optional: 'Nếu có',
  form: 'Mẫu',
  steps: 'Trình tự thực hiện',
  requirements: 'Yêu cầu, điều kiện',
  results: 'Kết quả thực hiện',
  legalBasis: 'Căn cứ pháp lý',
  source: 'Nguồn: Cổng Dịch vụ công quốc gia',
};

/** The catalogue's shape: the English one must satisfy it. */
export type FinderMessages = typeof vi;

export const messages = catalogue('motcua-procedure-finder', vi, () => import('./messages.en.js'));

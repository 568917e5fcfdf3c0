/** Vietnamese messages of `<motcua-counter-directory>` (the default; English in `messages.en.ts`, loaded on demand). */
import { catalogue } from '../internal/i18n/catalogue.js';
import type { OfficeKind } from '@motcua/sdk';
import type { ClosedReason } from '../internal/opening-hours.js';

export const vi = {
  title: 'Danh bạ Trung tâm Phục vụ hành chính công',
  searchLabel: 'Tìm theo tên cơ quan, xã, phường (cả tên cũ trước năm 2025)',
  searchHint: 'Tên xã, phường, tên cũ trước khi sáp nhập hoặc tên đường. Gõ có dấu hoặc không dấu đều được.',
  kind: 'Loại cơ quan',
  anyKind: 'Tất cả',
  kinds: {
    provincial_centre: 'Trung tâm Phục vụ hành chính công tỉnh',
    commune_centre: 'Trung tâm Phục vụ hành chính công cấp xã',
    one_stop: 'Bộ phận Một cửa',
  } as Record<OfficeKind, string>,
  nearest: 'Gần tôi nhất',
  locating: 'Đang xác định vị trí của bạn…',
  located: 'Đã sắp xếp theo khoảng cách từ vị trí của bạn.',
  geoDenied: 'Bạn chưa cho phép truy cập vị trí, nên danh sách giữ thứ tự thông thường.',
  geoUnavailable: 'Không xác định được vị trí của bạn, nên danh sách giữ thứ tự thông thường.',
  count: (n: number) => `${n} cơ quan`,
  more: (next: number, rest: number) => `Xem thêm ${next} cơ quan (còn ${rest})`,
  empty: 'Không tìm thấy cơ quan phù hợp. Hãy thử tên khác.',
  demo: 'Địa chỉ, số điện thoại, thư điện tử, giờ làm việc và vị trí trên bản đồ là dữ liệu minh họa.',
  yours: 'Cơ quan của địa phương bạn',
  /** The words around the names of the former units an office now serves. */
  nowServes: ['Nay phục vụ người dân ', ' cũ'] as [before: string, after: string],
  formerUnits: 'Địa bàn trước ngày 01/07/2025',
  address: 'Địa chỉ',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  website: 'Trang thông tin',
  map: 'Xem vị trí trên bản đồ',
  distance: (km: string) => `Cách bạn khoảng ${km} km`,
  fields: 'Lĩnh vực tiếp nhận',
  today: 'Hôm nay',
  closedAllDay: 'nghỉ',
  extraDay: 'ngày làm bù',
  openNow: 'Đang mở cửa',
  until: (time: string) => `đến ${time}`,
  closed: {
    closure: 'Nghỉ lễ',
    day_off: 'Hôm nay nghỉ',
    before_opening: 'Chưa đến giờ làm việc',
    break: 'Đang nghỉ trưa',
    after_closing: 'Đã hết giờ làm việc',
  } as Record<ClosedReason, string>,
  opensAt: (time: string, day: string | null) => (day ? `Mở cửa lúc ${time}, ${day}` : `Mở cửa lúc ${time}`),
  schedule: 'Lịch làm việc',
  day: 'Ngày',
  sessions: 'Giờ làm việc',
  holidays: 'Ngày nghỉ sắp tới',
};

/** The catalogue's shape: the English one must satisfy it. */
export type DirectoryMessages = typeof vi;

export const messages = catalogue('motcua-counter-directory', vi, () => import('./messages.en.js'));

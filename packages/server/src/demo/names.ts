/**
 * Vietnamese personal names for demonstration dossiers, with family names weighted as in the northern
 * mountain provinces (Kinh names plus the Tày and Nùng family names common in Lạng Sơn).
 */
import type { Rng } from './random.js';
import { weightedPicker } from './random.js';

const FAMILY: Array<[string, number]> = [
  ['Nguyễn', 24], ['Hoàng', 12], ['Nông', 8], ['Lương', 5], ['Trần', 6], ['Lê', 5], ['Vi', 4], ['Lăng', 3],
  ['Phạm', 3], ['Vũ', 2], ['Đỗ', 2], ['Hà', 3], ['Chu', 2], ['Lộc', 2], ['Triệu', 2], ['Mã', 1], ['Đàm', 1],
  ['Bế', 1], ['Lý', 2], ['Ngô', 1], ['Đặng', 1], ['Bùi', 1], ['Dương', 1], ['Phùng', 1], ['Tô', 1],
];
const MALE_MIDDLE = ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Xuân', 'Hữu', 'Thanh', 'Công', 'Ngọc', 'Tiến'];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Minh', 'Hồng', 'Thanh', 'Kim', 'Phương', 'Bích'];
const MALE_GIVEN = [
  'An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Giang', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khánh', 'Khoa', 'Lâm',
  'Long', 'Mạnh', 'Minh', 'Nam', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Toàn',
  'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh',
];
const FEMALE_GIVEN = [
  'Anh', 'Chi', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hoa', 'Huệ', 'Hương', 'Huyền', 'Lan', 'Liên',
  'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Thảo', 'Thơ',
  'Thủy', 'Trang', 'Tuyết', 'Vân', 'Yến',
];

const family = weightedPicker(
  FAMILY.map(([name]) => name),
  FAMILY.map(([, weight]) => weight),
);

/** A plausible full name such as "Nông Thị Hương" or "Nguyễn Thị Thu Hà". */
export function randomFullName(rng: Rng): string {
  const female = rng.chance(0.5);
  const middle = rng.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE);
  const given = rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
  // About one name in eight has a second middle name ("Nguyễn Thị Thu Hà").
  const second = rng.chance(0.12) ? ` ${rng.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE)}` : '';
  const extra = second === ` ${middle}` ? '' : second;
  return `${family(rng)} ${middle}${extra} ${given}`;
}

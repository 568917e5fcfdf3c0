/**
 * What the generator files dossiers for: each procedure with its time limit, whether it carries a fee, how
 * often it runs late, and a weight: a field's share of a desk's dossiers follows the field's weight (commune
 * desks: certified copies and civil status; the provincial centre: land and enterprises), everyday procedures
 * (birth, death and marriage registration, certified copies) are filed most, rare variants ("… có yếu tố nước
 * ngoài", "… lưu động") least.
 */
import { fold, type Procedure } from '@motcua/sdk';
import { hashFraction, weightedPicker, type Rng } from './random.js';

// Commune desks: more certified copies and civil status, then land.
export const COMMUNE_FIELD_WEIGHTS: Record<string, number> = {
  'chung thuc': 30,
  'ho tich': 22,
  'dat dai': 14,
  'bao tro xa hoi': 6,
  'dang ky, quan ly cu tru': 5,
  'thanh lap va hoat dong doanh nghiep (ho kinh doanh)': 4,
  'nguoi co cong': 3,
  'hoat dong xay dung': 3,
};
export const CENTRE_FIELD_WEIGHTS: Record<string, number> = {
  'dat dai': 25,
  'thanh lap va hoat dong cua doanh nghiep': 8,
  'duong bo': 5,
  'ly lich tu phap': 5,
  'hoat dong xay dung': 5,
  'sat hach, cap giay phep lai xe': 4,
  'quan ly xuat nhap canh': 4,
};

/** Everyday procedures, filed several times as often as others of their field (by code). */
const EVERYDAY: Record<string, number> = {
  '2.000815': 10, // chứng thực bản sao từ bản chính
  '2.000884': 5, // chứng thực chữ ký
  '1.001193': 8, // đăng ký khai sinh
  '1.000656': 4, // đăng ký khai tử
  '1.000894': 4, // đăng ký kết hôn
  '1.004873': 5, // xác nhận tình trạng hôn nhân
  '2.000635': 3, // bản sao trích lục hộ tịch
};
/** Rare variants of a procedure (folded name). */
const RARE_VARIANT = /yeu to nuoc ngoai|luu dong|khu vuc bien gioi|nguoi nuoc ngoai/;

/**
 * How much more often than average a field's dossiers run late: land and construction need site visits and
 * several agencies; certified copies are done while the citizen waits.
 */
const LATENESS: Array<[RegExp, number]> = [
  [/^(dat dai|tai chinh dat dai)/, 3],
  [/^(hoat dong xay dung|quy hoach)/, 2.5],
  [/^chung thuc/, 0],
  [/^ho tich/, 0.3],
];

/** Per-procedure limit: working days, or calendar days when the procedure counts those. */
export interface Limit {
  days: number;
  calendar: boolean;
}

export interface Plan {
  procedure: Procedure;
  limit: Limit;
  hasFee: boolean;
  field: string;
  /** How often, relative to the desk's average, the procedure's dossiers are settled late. */
  lateness: number;
}

/** The time limit a procedure states (first working-day or day figure), else 3–15 working days. */
function limitOf(p: Procedure): Limit {
  for (const m of p.methods) {
    const { value, unit } = m.processingTime;
    if (value === null || unit === null || value <= 0) continue;
    if (unit === 'working_days') return { days: Math.min(Math.ceil(value), 45), calendar: false };
    if (unit === 'days') return { days: Math.min(Math.ceil(value), 60), calendar: true };
    if (unit === 'hours') return { days: 1, calendar: false };
    if (unit === 'months') return { days: Math.min(Math.ceil(value * 22), 60), calendar: false };
  }
  return { days: 3 + Math.floor(hashFraction(p.code) * 13), calendar: false };
}

/**
 * A weighted chooser over `procedures`, with their limits and fees worked out once. A field's dossiers add up
 * to its weight (1 when unlisted), shared among its procedures; lateness is scaled so that the desk's
 * dossiers, as drawn, run late on average as often as any other desk's.
 */
export function plans(procedures: readonly Procedure[], weights: Record<string, number>): { pick: (rng: Rng) => Plan } {
  const list = procedures.map((p) => {
    const field = p.field ? fold(p.field.name) : '';
    return {
      procedure: p,
      limit: limitOf(p),
      hasFee: p.methods.some((m) => m.fees.some((f) => (f.amountVnd ?? 0) > 0)),
      field,
      lateness: LATENESS.find(([re]) => re.test(field))?.[1] ?? 1,
      draw: (EVERYDAY[p.code] ?? 1) * (RARE_VARIANT.test(fold(p.name)) ? 0.1 : 0.3 + 1.7 * hashFraction(p.code)),
    };
  });
  const perField = new Map<string, number>();
  for (const p of list) perField.set(p.field, (perField.get(p.field) ?? 0) + p.draw);
  const w = list.map((p) => ((weights[p.field] ?? 1) * p.draw) / perField.get(p.field)!);
  const total = w.reduce((a, b) => a + b, 0);
  const meanLateness = list.reduce((sum, p, i) => sum + p.lateness * w[i]!, 0) / total || 1;
  const planned = list.map(({ draw: _, ...p }): Plan => ({ ...p, lateness: p.lateness / meanLateness }));
  return { pick: weightedPicker(planned, w) };
}

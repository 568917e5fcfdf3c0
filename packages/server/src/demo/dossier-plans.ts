/**
 * What the generator files dossiers for: each procedure with its time limit, whether it carries a fee, and a
 * weight that favours the fields a desk handles most (commune desks: certified copies and civil status; the
 * provincial centre: land and enterprises).
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

/** A weighted chooser over `procedures`, with their limits and fees worked out once. */
export function plans(procedures: readonly Procedure[], weights: Record<string, number>): { pick: (rng: Rng) => Plan } {
  const list = procedures.map((p) => ({
    procedure: p,
    limit: limitOf(p),
    hasFee: p.methods.some((m) => m.fees.some((f) => (f.amountVnd ?? 0) > 0)),
    field: p.field ? fold(p.field.name) : '',
  }));
  const perField = new Map<string, number>();
  for (const p of list) perField.set(p.field, (perField.get(p.field) ?? 0) + 1);
  const w = list.map((p) => ((weights[p.field] ?? 1) / Math.sqrt(perField.get(p.field)!)) * (0.3 + 1.7 * hashFraction(p.procedure.code)));
  return { pick: weightedPicker(list, w) };
}

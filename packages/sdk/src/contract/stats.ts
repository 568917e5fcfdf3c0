import * as z from 'zod/mini';
import { Int, List } from './common.js';
import { nullWhenZero, rules } from './rules.js';
import { Period, SummaryScope } from './scope.js';

const Count = Int().check(z.gte(0));
const Rate = z.nullable(z.number().check(z.gte(0), z.lte(1)));

const shape = {
  received: Count,
  settled: Count,
  /** Settled on time or early (đúng hạn và trước hạn), the headline metric. */
  settledOnTime: Count,
  /** Of settledOnTime, those settled before the appointment day (trước hạn); the rest were on the day (đúng hạn). */
  settledEarly: Count,
  settledLate: Count,
  /** settledOnTime / settled; null when nothing was settled. */
  onTimeRate: Rate,
  /** Still open at the end of the period (or now) and past the appointment date. */
  overdue: Count,
  /** Still open at the end of the period (or now), within the time limit. */
  inProgress: Count,
};
type Figures = { settled: number; settledOnTime: number; settledEarly: number; settledLate: number; onTimeRate: number | null };
const consistent = rules<Figures>(
  ['settledOnTime + settledLate = settled', (f) => f.settledOnTime + f.settledLate === f.settled, ['settled']],
  ['settledEarly ≤ settledOnTime', (f) => f.settledEarly <= f.settledOnTime, ['settledEarly']],
  nullWhenZero('onTimeRate', 'settled'),
);

/**
 * Figures over a period. "Settled" = status 9 or 10; "on time" = finished on or before the appointment day,
 * "early" = before it (both by the SDK's `deadline.ts`).
 */
export const StatsFigures = z.object(shape).check(consistent);
export type StatsFigures = z.infer<typeof StatsFigures>;

export const MonthlyFigures = z
  .object({ ...shape, month: z.string().check(z.regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/)) })
  .check(consistent);
export type MonthlyFigures = z.infer<typeof MonthlyFigures>;

export const Stats = z
  .object({
    ...shape,
    scope: SummaryScope,
    period: Period,
    monthly: List(MonthlyFigures, 120).check(rules(['months in order, each once', (m) => m.every((f, i) => !i || m[i - 1]!.month < f.month)])),
  })
  .check(consistent);
export type Stats = z.infer<typeof Stats>;

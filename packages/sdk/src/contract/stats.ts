import * as z from 'zod/mini';
import { Period, SummaryScope } from './rating.js';

const Count = z.int().check(z.gte(0));
const Rate = z.nullable(z.number().check(z.gte(0), z.lte(1)));

/** Figures over a period. "Settled" = status 9 or 10; "on time" = finished on or before the appointment day. */
export const StatsFigures = z.object({
  received: Count,
  settled: Count,
  /** Settled on time or early (đúng và sớm hạn), the headline metric. */
  settledOnTime: Count,
  settledLate: Count,
  /** settledOnTime / settled; null when nothing was settled. */
  onTimeRate: Rate,
  /** Still open at the end of the period (or now) and past the appointment date. */
  overdue: Count,
  /** Still open at the end of the period (or now), within the time limit. */
  inProgress: Count,
});
export type StatsFigures = z.infer<typeof StatsFigures>;

export const MonthlyFigures = z.object({
  ...StatsFigures.shape,
  month: z.string().check(z.regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/)),
});
export type MonthlyFigures = z.infer<typeof MonthlyFigures>;

export const Stats = z.object({
  ...StatsFigures.shape,
  scope: SummaryScope,
  period: Period,
  monthly: z.array(MonthlyFigures).check(z.maxLength(120)),
});
export type Stats = z.infer<typeof Stats>;

import * as z from 'zod/mini';
import { PlausibleDate, Slug, Text, UnitCode } from './common.js';
import { rules } from './rules.js';

// The scope and period shared by rating summaries and statistics, in a module of their own so that a page showing
// statistics does not load the rating schemas (nor, through them, the dossier ones).

export const SummaryScope = z.union([
  z.object({ type: z.literal('province'), code: UnitCode, name: Text(250) }),
  z.object({ type: z.literal('unit'), code: UnitCode, name: Text(250) }),
  z.object({ type: z.literal('office'), id: Slug, name: Text(300) }),
]);
export type SummaryScope = z.infer<typeof SummaryScope>;

export const Period = z
  .object({ from: PlausibleDate, to: PlausibleDate })
  .check(rules(['a period starts on or before its end', (p) => p.from <= p.to, ['to']]));
export type Period = z.infer<typeof Period>;

/** Scope and period of a summary or statistics query; without a scope, the whole province. */
export const ScopeQuery = z.object({
  unit: z.optional(UnitCode),
  office: z.optional(Slug),
  from: z.optional(PlausibleDate),
  to: z.optional(PlausibleDate),
});
export type ScopeQuery = z.infer<typeof ScopeQuery>;

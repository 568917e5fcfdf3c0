import * as z from 'zod/mini';
import { Int, PlausibleTimestamp, Slug, Text } from './common.js';
import { COMMENT_WHEN_DISSATISFIED, nullWhenZero, rules } from './rules.js';
import { DossierCodeInput } from './dossier.js';
import { Period, SummaryScope } from './scope.js';

/** The national 3-level scale: Rất hài lòng / Hài lòng / Không hài lòng. */
export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'dissatisfied'] as const;
export const RatingLevel = z.literal(RATING_LEVELS);
export type RatingLevel = z.infer<typeof RatingLevel>;

/**
 * The 9 indicators of the detailed evaluation (Bộ chỉ tiêu đánh giá việc giải quyết TTHC, the national
 * baseline; DOMAIN.md), in the regulation's order, each scored 2 (good), 1 or 0.
 */
export const RATING_INDICATORS = [
  'total_time',
  'agency_time',
  'contacts',
  'agencies_contacted',
  'one_stop',
  'published',
  'attitude',
  'feedback_handling',
  'online_service',
] as const;
export const RatingIndicator = z.literal(RATING_INDICATORS);
export type RatingIndicator = z.infer<typeof RatingIndicator>;
export const IndicatorScore = z.literal([0, 1, 2]);

/** A score may be left out, but not given as `undefined`. */
const OptionalScore = z.exactOptional(IndicatorScore);
/** Scores of any of the indicators, and of nothing else: an unknown indicator is refused, not dropped. */
const IndicatorScores = z.strictObject(
  Object.fromEntries(RATING_INDICATORS.map((key) => [key, OptionalScore])) as Record<RatingIndicator, typeof OptionalScore>,
);

export const RATING_COMMENT_MAX = 1000;

export const RatingTarget = z.union([
  z.object({ type: z.literal('dossier'), code: DossierCodeInput }),
  z.object({ type: z.literal('office'), id: Slug }),
]);
export type RatingTarget = z.infer<typeof RatingTarget>;

export const RatingSubmission = z
  .object({
    target: RatingTarget,
    level: RatingLevel,
    comment: z.optional(z.string().check(z.maxLength(RATING_COMMENT_MAX))),
    indicators: z.optional(IndicatorScores),
    /** Honeypot: a field people never see. Anything in it marks the submission as automated. */
    website: z.optional(z.string().check(z.maxLength(0))),
  })
  .check(rules([COMMENT_WHEN_DISSATISFIED, (r) => r.level !== 'dissatisfied' || !!r.comment?.trim(), ['comment']]));
export type RatingSubmission = z.infer<typeof RatingSubmission>;

export const RatingReceipt = z.object({
  id: Text(64),
  target: RatingTarget,
  level: RatingLevel,
  createdAt: PlausibleTimestamp,
});
export type RatingReceipt = z.infer<typeof RatingReceipt>;

const Count = Int().check(z.gte(0));
export const RatingSummary = z
  .object({
    scope: SummaryScope,
    period: Period,
    total: Count,
    counts: z.object({ very_satisfied: Count, satisfied: Count, dissatisfied: Count }),
    /** Share rated satisfied or very satisfied, 0..1; null when nothing was rated. */
    satisfiedRate: z.nullable(z.number().check(z.gte(0), z.lte(1))),
  })
  .check(
    rules(
      ['the counts sum to total', (s) => s.counts.very_satisfied + s.counts.satisfied + s.counts.dissatisfied === s.total, ['total']],
      nullWhenZero('satisfiedRate', 'total'),
    ),
  );
export type RatingSummary = z.infer<typeof RatingSummary>;

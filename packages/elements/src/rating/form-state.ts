/** What `<motcua-rating>` gives its form, and the state the browser keeps for it (back/forward, autofill). */
import { RATING_COMMENT_MAX, RATING_INDICATORS, type RatingIndicator, type RatingLevel } from '@motcua/sdk';
import type { Score } from './indicators.js';
import { isLevel } from './levels.js';

export interface RatingState {
  level: RatingLevel | '';
  comment: string;
  indicators: Partial<Record<RatingIndicator, Score>>;
}

/**
 * Form data: `name` = the level; when there is a comment or indicator scores, also `name-comment` and
 * `name-<indicator>`. Nothing without a level.
 */
export function formValue(name: string, { level, comment, indicators }: RatingState): string | FormData | null {
  const text = comment.trim();
  const scored = Object.entries(indicators);
  if (!level || !name || (!text && !scored.length)) return level || null;
  const data = new FormData();
  data.append(name, level);
  if (text) data.append(`${name}-comment`, text);
  for (const [indicator, score] of scored) data.append(`${name}-${indicator}`, String(score));
  return data;
}

/** The state saved by `setFormValue(…, JSON.stringify(state))`, checked; null for one we did not write. */
export function readState(saved: string): RatingState | null {
  try {
    const raw = JSON.parse(saved) as Partial<RatingState>;
    const indicators: RatingState['indicators'] = {};
    for (const i of RATING_INDICATORS) {
      const s = raw.indicators?.[i];
      if (s === 0 || s === 1 || s === 2) indicators[i] = s;
    }
    return {
      level: isLevel(raw.level) ? raw.level : '',
      comment: typeof raw.comment === 'string' ? raw.comment.slice(0, RATING_COMMENT_MAX) : '',
      indicators,
    };
  } catch {
    return null;
  }
}

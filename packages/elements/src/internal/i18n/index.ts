/**
 * Message catalogues and Intl formatting. Vietnamese (`vi/`, one module per widget, so a page ships only what
 * its widgets say) is the default; English (`en.ts`) is loaded on demand by `loadEnglish()`.
 */
import type { Lang } from '../config.js';
export type { Lang };
export type { CommonMessages } from './vi/common.js';
export type { LookupMessages } from './vi/lookup.js';
export type { RatingMessages } from './vi/rating.js';
export { formatDate, formatNumber, formatPercent } from './format.js';
export { english, loadEnglish } from './lang.js';

/** The catalogue for `lang` among a component's own `vi` and `en` messages. */
export function pick<T>(lang: Lang, vi: T, en: T): T {
  return lang === 'en' ? en : vi;
}

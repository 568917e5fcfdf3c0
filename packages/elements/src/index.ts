/**
 * @motcua/elements: the element classes and their types, without registering anything. To register, import
 * `@motcua/elements/all` (every element) or one element's `define` module.
 */
export { VERSION } from './version.js';
export { defineElement, type VersionedElement } from './define.js';
export { MotcuaElement } from './internal/motcua-element.js';
export { resolveApi, resolveLang, toLang, API_META_NAME, type Lang, type MotcuaGlobalConfig } from './internal/config.js';
export { classifyError, ConfigError, type ErrorKind, type ClassifiedError } from './internal/error-kind.js';
export type { MotcuaErrorDetail, MotcuaEventName, MotcuaEventDetail } from './internal/events.js';
export {
  registerMessages,
  type MotcuaMessages,
  type CatalogueName,
  type PartialMessages,
  type LanguageMessages,
} from './internal/i18n/registry.js';
export type { CommonMessages } from './internal/i18n/common.js';
export type { LookupMessages } from './dossier-lookup/messages.js';
export type { RatingMessages } from './rating/messages.js';
export type { FinderMessages } from './procedure-finder/messages.js';
export type { DirectoryMessages } from './counter-directory/messages.js';
export type { StatsMessages } from './stats/messages.js';
export { MotcuaDossierLookup, type MotcuaLookupDetail, type MotcuaResultDetail } from './dossier-lookup/dossier-lookup.js';
export {
  MotcuaRating,
  type MotcuaRatingSubmitDetail,
  type MotcuaRatingSubmittedDetail,
  type MotcuaRatingQueuedDetail,
} from './rating/rating.js';
export { flushRatingQueue, queuedRatings, type QueuedRating } from './rating/offline-queue.js';
export {
  MotcuaProcedureFinder,
  type MotcuaSearchDetail,
  type MotcuaProcedureSelectDetail,
} from './procedure-finder/procedure-finder.js';
export { MotcuaCounterDirectory } from './counter-directory/counter-directory.js';
export { MotcuaStats } from './stats/stats.js';
export {
  openingState,
  scheduleOn,
  weekOn,
  type OpeningState,
  type DaySchedule,
  type NextOpening,
  type ClosedReason,
} from './internal/opening-hours.js';

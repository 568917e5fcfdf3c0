import type { RatingReceipt, RatingSubmission } from '@motcua/sdk';

/** Detail of `motcua-rating-submit` (cancelable: a host that sends ratings its own way calls `preventDefault()`). */
export interface MotcuaRatingSubmitDetail {
  submission: RatingSubmission;
}
/** Detail of `motcua-rating-submitted`: the server's receipt (also after a queued rating finally went through). */
export interface MotcuaRatingSubmittedDetail {
  receipt: RatingReceipt;
}
/** Detail of `motcua-rating-queued`: kept on the device, to be retried with this Idempotency-Key. */
export interface MotcuaRatingQueuedDetail {
  submission: RatingSubmission;
  idempotencyKey: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'motcua-rating-submit': CustomEvent<MotcuaRatingSubmitDetail>;
    'motcua-rating-submitted': CustomEvent<MotcuaRatingSubmittedDetail>;
    'motcua-rating-queued': CustomEvent<MotcuaRatingQueuedDetail>;
  }
}

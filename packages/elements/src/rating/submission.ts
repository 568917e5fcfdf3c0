/**
 * Sending a rating: one Idempotency-Key per content (kept across retries, so a rating is never stored twice),
 * the phase the widget is in, and the offline queue for what could not be sent (see `offline-queue.ts`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { newIdempotencyKey, ratingsApi, type RatingReceipt, type RatingSubmission, type Transport } from '@motcua/sdk';
import { classifyError, isTransient, type ClassifiedError } from '../internal/error-kind.js';
import { enqueueRating, onQueueOutcome, watchRatingQueue, type QueueOutcome } from './offline-queue.js';

/** `form`: being filled in (or refused and editable again); the others replace the form with a message. */
export type Phase = 'form' | 'sending' | 'sent' | 'queued' | 'exists';

/** What the widget does at each turn of a submission. */
export interface SubmissionEvents {
  /** About to send; false when the page cancelled it (`motcua-rating-submit`). */
  willSend(submission: RatingSubmission): boolean;
  sending(): void;
  /** Stored by the server, now or after waiting in the queue. */
  sent(receipt: RatingReceipt): void;
  queued(submission: RatingSubmission, key: string): void;
  /** The dossier had been rated already. */
  exists(): void;
  /** Refused for good: the form is editable again. */
  failed(error: unknown, failure: ClassifiedError): void;
}

export class RatingSubmissionController implements ReactiveController {
  phase: Phase = 'form';
  /** Why the last attempt was refused, while the form shows it. */
  error: ClassifiedError | null = null;
  /** Whether the queued rating failed for lack of a connection (else the server did not answer well). */
  queuedOffline = true;

  readonly #host: ReactiveControllerHost;
  readonly #events: SubmissionEvents;
  /** The key of the current attempt: kept across retries of the same content, renewed when it changes. */
  #key: string | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, events: SubmissionEvents) {
    this.#host = host;
    this.#events = events;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = onQueueOutcome((outcome) => this.#onQueueOutcome(outcome));
    watchRatingQueue();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
  }

  #set(phase: Phase, error: ClassifiedError | null = null): void {
    this.phase = phase;
    this.error = error;
    this.#host.requestUpdate();
  }

  /** The API says the dossier was rated before: say so instead of showing the form. */
  known(): void {
    if (this.phase === 'form') this.#set('exists');
  }

  /** The content changed: the next attempt is a new rating with a new key. */
  renew(): void {
    this.#key = undefined;
  }

  /** Back to the form (the host form was reset). */
  reset(): void {
    this.renew();
    this.#set('form', this.error);
  }

  /** Show a problem found before sending (no API configured). */
  refuse(failure: ClassifiedError): void {
    this.#set(this.phase, failure);
  }

  /** Clear the problem shown, once the citizen changes something. */
  clearError(): void {
    if (this.error) this.#set(this.phase);
  }

  async send(transport: Transport, api: string, submission: RatingSubmission): Promise<void> {
    if (!this.#events.willSend(submission)) return;
    const key = (this.#key ??= newIdempotencyKey());
    this.#set('sending');
    this.#events.sending();
    try {
      this.#sent(await ratingsApi(transport).submit(submission, { idempotencyKey: key }));
    } catch (error) {
      const failure = classifyError(error);
      if (isTransient(failure.kind)) {
        enqueueRating({ key, api, submission, queuedAt: new Date().toISOString() });
        this.queuedOffline = failure.kind === 'offline';
        this.#set('queued');
        this.#events.queued(submission, key);
      } else if (failure.kind === 'conflict') {
        this.#set('exists');
        this.#events.exists();
      } else {
        this.#set('form', failure);
        this.#events.failed(error, failure);
      }
    }
  }

  #sent(receipt: RatingReceipt): void {
    this.#key = undefined;
    this.#set('sent');
    this.#events.sent(receipt);
  }

  #onQueueOutcome(outcome: QueueOutcome): void {
    if (this.phase !== 'queued' || outcome.key !== this.#key) return;
    if (outcome.sent) this.#sent(outcome.receipt);
    else if (outcome.kind === 'conflict') {
      this.#set('exists');
      this.#events.exists();
    } else this.#set('form', { kind: outcome.kind, retryAfter: null });
  }
}

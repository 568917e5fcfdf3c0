/**
 * Ratings that could not be sent (offline, timeout, server trouble), kept in localStorage with their
 * Idempotency-Key and retried when the browser comes back online and whenever a rating widget connects (the
 * next page load). Because every
 * retry carries the key of the first attempt, a rating that did reach the server before the connection
 * dropped is answered with its first receipt, never stored twice.
 */
import { ratingsApi, type RatingReceipt, type RatingSubmission } from '@motcua/sdk';
import { transportFor } from '../internal/clients.js';
import { classifyError, isTransient } from '../internal/error-kind.js';

/** One pending rating. */
export interface QueuedRating {
  /** The Idempotency-Key of the first attempt, reused by every retry. */
  key: string;
  /** API base URL it was meant for. */
  api: string;
  submission: RatingSubmission;
  /** ISO timestamp of the first failed attempt. */
  queuedAt: string;
}

/** What became of a queued rating: sent (with the server's receipt) or dropped (refused for good). */
export type QueueOutcome =
  | { key: string; sent: true; receipt: RatingReceipt }
  | { key: string; sent: false; kind: ReturnType<typeof classifyError>['kind'] };

const STORAGE_KEY = 'motcua:rating-queue';
// Where localStorage is unavailable (disabled, or full), the queue lives as long as the page.
let memory: QueuedRating[] = [];
const listeners = new Set<(outcome: QueueOutcome) => void>();
let running: Promise<void> | null = null;
let again = false;
let watching = false;

function isEntry(value: unknown): value is QueuedRating {
  const e = value as QueuedRating | null;
  return !!e && typeof e.key === 'string' && typeof e.api === 'string' && typeof e.submission === 'object' && !!e.submission;
}

function read(): QueuedRating[] {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (raw == null) return memory;
    const list: unknown = JSON.parse(raw);
    return Array.isArray(list) ? list.filter(isEntry) : [];
  } catch {
    return memory;
  }
}

function write(list: QueuedRating[]): void {
  memory = list;
  try {
    if (list.length) globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(list));
    else globalThis.localStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Kept in memory only.
  }
}

/** Ratings waiting to be sent. */
export function queuedRatings(): QueuedRating[] {
  return read();
}

/** Keep `entry` for a later retry (replacing an entry with the same key). */
export function enqueueRating(entry: QueuedRating): void {
  write([...read().filter((e) => e.key !== entry.key), entry]);
}

/** Be told what becomes of queued ratings; returns the unsubscribe function. */
export function onQueueOutcome(listener: (outcome: QueueOutcome) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function settle(outcome: QueueOutcome): void {
  write(read().filter((e) => e.key !== outcome.key));
  listeners.forEach((l) => l(outcome));
}

async function sendAll(): Promise<void> {
  for (const entry of read()) {
    try {
      const receipt = await ratingsApi(transportFor(entry.api)).submit(entry.submission, { idempotencyKey: entry.key });
      settle({ key: entry.key, sent: true, receipt });
    } catch (error) {
      const { kind } = classifyError(error);
      // Connectivity and server trouble: keep it for the next chance. Anything else will never succeed.
      if (isTransient(kind)) continue;
      settle({ key: entry.key, sent: false, kind });
    }
  }
}

/**
 * Try to send every queued rating, one at a time. Calls made while a flush runs are folded into one more
 * pass after it, so a rating queued meanwhile is not skipped and none is sent by two passes at once.
 */
export function flushRatingQueue(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await sendAll();
      } while (again);
    } finally {
      running = null;
      scheduleRetry();
    }
  })();
  return running;
}

// A server that failed while the browser stayed online fires no `online` event: retry on a timer too,
// backing off from 30 s to 15 min, for as long as something is queued on a page that watches the queue.
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryDelay = 30_000;

function scheduleRetry(): void {
  if (!watching || retryTimer !== undefined) return;
  if (read().length === 0) {
    retryDelay = 30_000;
    return;
  }
  retryTimer = setTimeout(() => {
    retryTimer = undefined;
    void flushRatingQueue();
  }, retryDelay);
  retryDelay = Math.min(retryDelay * 2, 15 * 60_000);
}

/** Flush now and whenever the browser reports it is back online (installed once per page). */
export function watchRatingQueue(): void {
  if (!watching && typeof window !== 'undefined') {
    watching = true;
    window.addEventListener('online', () => void flushRatingQueue());
  }
  if (read().length) void flushRatingQueue();
}

import { HttpError, MotcuaError, NetworkError, RateLimitError, TimeoutError, ValidationError } from '@motcua/sdk';

/**
 * What went wrong, from the citizen's point of view. Each kind has its own translated message:
 * - `bad_format`: the input is not a well-formed code (checked locally, or 400 from the server);
 * - `not_found`: no such dossier (or a wrong verification factor: the server does not say which);
 * - `verification_required`: the server wants the last 4 digits of the applicant's phone or ID number;
 * - `rate_limited`: too many requests, `retryAfter` seconds to wait (when known);
 * - `challenge`: after repeated misses the server asked for a proof-of-work, and it could not be solved or was
 *   refused (the lookup solves it by itself first);
 * - `offline`: no response at all (the browser is offline, DNS, connection refused, CORS);
 * - `timeout`: the server did not answer in time;
 * - `conflict`: the thing already exists (a dossier already rated: 409 `rating_exists`);
 * - `invalid`: the server refused what was sent (401, 422, another 409 such as a dossier not ratable yet);
 * - `server`: a 5xx, any status the API never sends (a gateway's 418), or a response that does not match the
 *   contract;
 * - `config`: the widget has no API base URL.
 */
export type ErrorKind =
  | 'bad_format'
  | 'not_found'
  | 'verification_required'
  | 'rate_limited'
  | 'challenge'
  | 'offline'
  | 'timeout'
  | 'conflict'
  | 'invalid'
  | 'server'
  | 'config';

export interface ClassifiedError {
  kind: ErrorKind;
  /** Seconds to wait before retrying, for `rate_limited` when the server said. */
  retryAfter: number | null;
}

/** Thrown by a widget that finds no API base URL (see `resolveApi`). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Sorts any error thrown by the SDK (or anything else) into an {@link ErrorKind}. */
export function classifyError(error: unknown): ClassifiedError {
  const none = { retryAfter: null };
  if (error instanceof ConfigError) return { kind: 'config', ...none };
  if (!MotcuaError.is(error)) return { kind: navigatorOffline() ? 'offline' : 'server', ...none };
  // `X.is()` rather than `instanceof`: the error may come from another copy of the SDK on the page.
  if (RateLimitError.is(error)) return { kind: 'rate_limited', retryAfter: error.retryAfter ?? null };
  if (HttpError.is(error)) {
    const { status, code } = error;
    if (status === 404) return { kind: 'not_found', ...none };
    if (code === 'verification_required') return { kind: 'verification_required', ...none };
    if (code === 'challenge_required') return { kind: 'challenge', ...none };
    if (code === 'rating_exists') return { kind: 'conflict', ...none };
    if (code === 'validation_failed' || status === 400) return { kind: 'bad_format', ...none };
    if (status === 429) return { kind: 'rate_limited', ...none };
    // What the API answers to a request it refuses; any other status (a gateway's 418 or 403, a 5xx) is trouble
    // on the way or on the server, worth a retry, not the citizen's mistake.
    if (status === 401 || status === 409 || status === 422) return { kind: 'invalid', ...none };
    return { kind: 'server', ...none };
  }
  if (NetworkError.is(error)) return { kind: 'offline', ...none };
  if (TimeoutError.is(error)) return { kind: 'timeout', ...none };
  if (ValidationError.is(error) && error.where === 'request') return { kind: 'invalid', ...none };
  return { kind: 'server', ...none };
}

/**
 * Whether trying the same request again later may succeed (connectivity, a busy or failing server): the
 * widgets offer a retry, and a rating is kept on the device to be sent again.
 */
export function isTransient(kind: ErrorKind): boolean {
  return kind === 'offline' || kind === 'timeout' || kind === 'server' || kind === 'rate_limited' || kind === 'challenge';
}

/** A request cancelled on purpose (a newer one replaced it, or the widget left the page): not a failure. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** True when the browser says it has no network. */
export function navigatorOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

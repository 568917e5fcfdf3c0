/**
 * One API call on top of ky: retries with backoff and `Retry-After`, per-attempt timeout, the caller's abort
 * signal, conditional GETs from the ETag cache, and every outcome mapped to a contract-checked value or a
 * {@link MotcuaError}.
 */
import { isHTTPError, isTimeoutError, type KyInstance, type KyResponse } from 'ky';
import type * as z from 'zod/mini';
import { Problem } from '../contract/index.js';
import type { EtagCache } from './cache.js';
import {
  ChallengeRequiredError,
  ConflictError,
  HttpError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  ValidationError,
  type HttpErrorInit,
} from './errors.js';
import { check } from './validate.js';

/** Options accepted by every client method. */
export interface RequestOptions {
  /** Cancels the call; it then rejects with `signal.reason`, untouched. */
  signal?: AbortSignal | undefined;
  /** Milliseconds to wait for each attempt's response (overrides the client's `timeout`). */
  timeout?: number | undefined;
  /** Extra request headers for this call. */
  headers?: Record<string, string> | undefined;
}

/** How failed calls are retried (GETs, and the rating POST, which always carries an `Idempotency-Key`). */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  limit?: number | undefined;
  /** Longest `Retry-After` (ms) worth waiting for; a longer one fails the call at once. Default 10 000. */
  maxRetryAfter?: number | undefined;
  /** Upper bound (ms) of the exponential backoff between attempts. Default 5 000. */
  backoffLimit?: number | undefined;
}

/**
 * What `createTransport` resolved from its options, shared by every call made through it. Pass it to the
 * resource functions (`dossiersApi(transport)`…); its fields are internal.
 */
export interface Transport {
  ky: KyInstance;
  /** `<baseUrl>/v1/`, always with a trailing slash. */
  prefixUrl: string;
  timeout: number;
  retry: Required<{ [K in keyof RetryOptions]: number }>;
  cache: EtagCache | null;
}

/** One call, as a resource method describes it. */
export interface Call<S extends z.ZodMiniType> {
  method: 'GET' | 'POST';
  /** Path below `/v1/` with `{name}` placeholders (`dossiers/{code}`); error messages show it as is. */
  route: string;
  /** Values of the placeholders, URL-encoded into the path. */
  params?: Record<string, string> | undefined;
  /** The contract schema of a successful response body. */
  schema: S;
  query?: Record<string, string | number | undefined> | undefined;
  json?: unknown;
  headers?: Record<string, string> | undefined;
  /** Use the ETag cache (catalogue resources). */
  cacheable?: boolean | undefined;
  /** Retry this POST like a GET; only for requests carrying an `Idempotency-Key`. */
  idempotent?: boolean | undefined;
}

const RETRY_STATUS = [408, 429, 500, 502, 503, 504];
const MAX_TIMEOUT = 2_147_483_647;

/** Seconds from a `Retry-After` header (delta-seconds or HTTP-date), null when absent or unreadable. */
export function retryAfterSeconds(value: string | null): number | null {
  const text = value?.trim() ?? '';
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** A timeout option in ms: a positive integer ky can hand to `setTimeout`. */
export function checkTimeout(ms: number, name = 'timeout'): number {
  if (!Number.isInteger(ms) || ms <= 0 || ms > MAX_TIMEOUT) {
    throw new RangeError(`${name} must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT}`);
  }
  return ms;
}

function queryString(query: Call<z.ZodMiniType>['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

function parseJson(text: string, contentType: string | null): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const type = contentType?.split(';')[0]?.trim().slice(0, 100);
    const message = type && !/json/i.test(type) ? `Expected a JSON body, got ${type}` : 'Malformed JSON body';
    throw new ValidationError('response', [{ path: '', message }]);
  }
}

async function httpError(response: KyResponse, init: Omit<HttpErrorInit, 'status' | 'code'>, label: string) {
  let problem: Problem | undefined;
  try {
    const parsed = Problem.safeParse(JSON.parse(await response.text()));
    if (parsed.success) problem = parsed.data;
  } catch {
    // Not a problem document (an HTML error page from a proxy, say): the code stays 'unknown'.
  }
  const { status } = response;
  const full: HttpErrorInit = { ...init, status, code: problem?.code ?? 'unknown', problem };
  const message = `${label} failed: ${status}${problem ? ` ${problem.title} (${problem.code})` : ''}`;
  if (status === 404) return new NotFoundError(message, full);
  if (status === 409) return new ConflictError(message, full);
  if (status === 403 && problem?.code === 'challenge_required') return new ChallengeRequiredError(message, full);
  if (status === 429) {
    const retryAfter = retryAfterSeconds(response.headers.get('retry-after')) ?? problem?.retryAfter ?? null;
    return new RateLimitError(message, { ...full, retryAfter });
  }
  return new HttpError(message, full);
}

async function attempt<S extends z.ZodMiniType>(t: Transport, call: Call<S>, options: RequestOptions): Promise<z.output<S>> {
  const { method, params } = call;
  const path = call.route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params?.[name] ?? ''));
  const url = t.prefixUrl + path;
  const label = `${method} /v1/${call.route}`;
  const search = queryString(call.query);
  const key = search ? `${url}?${search}` : url;
  const timeout = options.timeout === undefined ? t.timeout : checkTimeout(options.timeout);
  const cached = call.cacheable ? t.cache?.get(key) : undefined;

  const headers = new Headers(options.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json, application/problem+json');
  for (const [name, value] of Object.entries(call.headers ?? {})) headers.set(name, value);
  if (cached) headers.set('if-none-match', cached.etag);

  let response: KyResponse;
  let text: string;
  try {
    response = await t.ky(path, {
      method,
      searchParams: search,
      json: call.json,
      headers,
      signal: options.signal,
      timeout,
      throwHttpErrors: (status) => status !== 304,
      retry: {
        limit: t.retry.limit,
        methods: [call.idempotent ? 'post' : 'get'],
        statusCodes: RETRY_STATUS,
        afterStatusCodes: [429, 503],
        maxRetryAfter: t.retry.maxRetryAfter,
        backoffLimit: t.retry.backoffLimit,
        jitter: true,
        // Returning undefined leaves the decision (status, method, Retry-After delay) to ky.
        shouldRetry: ({ error }) => {
          if (options.signal?.aborted) return false;
          if (!isHTTPError(error)) return undefined;
          const after = retryAfterSeconds(error.response.headers.get('retry-after'));
          // A long wait is the caller's decision: fail now with RateLimitError.retryAfter.
          return after !== null && after * 1000 > t.retry.maxRetryAfter ? false : undefined;
        },
      },
      hooks: {
        // Release the failed attempt's unread body before trying again (undici holds the connection until then).
        beforeRetry: [({ error }) => void (isHTTPError(error) && error.response.body?.cancel().catch(() => undefined))],
      },
    });
    text = response.status === 304 ? '' : await response.text();
  } catch (error) {
    if (isHTTPError(error)) throw await httpError(error.response, { method, url }, label);
    if (isTimeoutError(error)) throw new TimeoutError(`${label} timed out after ${timeout} ms`, { timeout, method, url });
    throw new NetworkError(`${label} failed: no response (network error)`, { method, url }, { cause: error });
  }

  if (response.status === 304) {
    // A copy: the caller may mutate what it gets, the cached value must not change.
    if (cached) return structuredClone(cached.value) as z.output<S>;
    throw await httpError(response, { method, url }, label);
  }
  const value = check(call.schema, parseJson(text, response.headers.get('content-type')), 'response');
  if (call.cacheable && t.cache) {
    const etag = response.headers.get('etag');
    if (etag) t.cache.set(key, etag, value);
    else t.cache.delete(key);
  }
  return value;
}

/**
 * Perform `call`. Resolves with the contract-checked body; rejects with a {@link MotcuaError}, or with the
 * caller's abort reason when `options.signal` fired.
 */
export async function send<S extends z.ZodMiniType>(
  t: Transport,
  call: Call<S>,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  try {
    return await attempt(t, call, options);
  } catch (error) {
    // An abort wins over whatever it caused on the way (a failed fetch, a cut body), and is passed on untouched.
    throw options.signal?.aborted ? options.signal.reason : error;
  }
}

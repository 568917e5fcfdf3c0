/**
 * `createTransport`: what every resource module calls through (base URL, ky instance, timeout, retries, ETag
 * cache). One transport serves any number of resources, so they share the cache.
 */
import ky from 'ky';
import { EtagCache } from './cache.js';
import { checkTimeout, type Transport } from './request.js';
import type { RetryOptions } from './request.js';

/** Options of {@link createTransport} and `createClient`. */
export interface ClientOptions {
  /** The URL under which `/v1/…` lives, e.g. `https://motcua.example.gov.vn` (a trailing slash is fine). */
  baseUrl: string | URL;
  /**
   * The `fetch` used for every request, retries included, called as `fetch(request: Request, init)`.
   * Default: the global one.
   */
  fetch?: typeof globalThis.fetch | undefined;
  /** Milliseconds to wait for each attempt's response. Default 10 000. */
  timeout?: number | undefined;
  /** Retries after a failure (a count, or options). Default 2. `0` disables retrying. */
  retry?: number | RetryOptions | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** The in-memory ETag cache for catalogue resources. Default on, 100 entries. */
  cache?: boolean | { maxEntries: number } | undefined;
}

function resolvePrefix(baseUrl: string | URL): string {
  const base = String(baseUrl).replace(/\/+$/, '');
  try {
    // Relative base URLs (`/api`) are fine in a page; check the result is a URL there or an absolute one here.
    new URL(`${base}/v1/`, globalThis.location?.href);
  } catch {
    throw new TypeError('baseUrl must be an absolute URL (or, in a browser, a path)');
  }
  return `${base}/v1/`;
}

function resolveRetry(retry: ClientOptions['retry']): Transport['retry'] {
  const { limit = 2, maxRetryAfter = 10_000, backoffLimit = 5_000 } = typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError('retry limit must be a whole number ≥ 0');
  return { limit, maxRetryAfter: Math.max(0, maxRetryAfter), backoffLimit: Math.max(0, backoffLimit) };
}

/**
 * The transport to the API at `baseUrl`, for the resource functions (`dossiersApi(transport)`…): a page
 * that calls one resource then bundles only that resource's schemas.
 *
 * @example
 * const transport = createTransport({ baseUrl: 'https://motcua.example.gov.vn' });
 * const dossier = await dossiersApi(transport).get('000.00.20.H35-250101-0001');
 */
export function createTransport(options: ClientOptions): Transport {
  const prefixUrl = resolvePrefix(options.baseUrl);
  const maxEntries = typeof options.cache === 'object' ? options.cache.maxEntries : 100;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('cache.maxEntries must be a whole number ≥ 1');
  return {
    ky: ky.create({ prefixUrl, headers: options.headers, ...(options.fetch ? { fetch: options.fetch } : {}) }),
    prefixUrl,
    timeout: checkTimeout(options.timeout ?? 10_000),
    retry: resolveRetry(options.retry),
    cache: options.cache === false ? null : new EtagCache(maxEntries),
  };
}

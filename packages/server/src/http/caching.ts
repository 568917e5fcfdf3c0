/**
 * Conditional GET for cacheable resources: a strong ETag over the exact bytes sent, `If-None-Match` → 304.
 * Catalogue resources (procedures, units, offices…) may also be kept by browsers and CDNs for a while.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Catalogue resources change only when the catalogue is re-imported. */
export const CATALOGUE_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';
/** Answers that change with every ingest (figures, search rankings): cacheable, but revalidated each time. */
export const REVALIDATE_CACHE_CONTROL = 'public, no-cache';

/**
 * How a successful answer may be kept: `catalogue` (ETag, kept by browsers and CDNs for a while),
 * `revalidate` (ETag, checked again on every use) or `no-store` (personal or changing data).
 */
export type Caching = 'catalogue' | 'revalidate' | 'no-store';

/** The Cache-Control header of a cacheable kind of answer (ETag and 304 go with it); none for `no-store`. */
export function cacheControlOf(caching: Caching): string | undefined {
  if (caching === 'catalogue') return CATALOGUE_CACHE_CONTROL;
  if (caching === 'revalidate') return REVALIDATE_CACHE_CONTROL;
  return undefined;
}

/** Strong ETag of a payload. */
export function strongEtag(payload: string): string {
  return `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
}

/** Whether an `If-None-Match` header (a list, possibly weak tags, or `*`) matches `etag` (weak comparison, RFC 9110). */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

/**
 * Send `body` as JSON with a strong ETag and `cacheControl`, or an empty 304 when the client already has
 * these bytes. Returns the reply for the handler to return.
 */
export function sendCacheable(
  request: FastifyRequest,
  reply: FastifyReply,
  body: unknown,
  cacheControl: string = CATALOGUE_CACHE_CONTROL,
): FastifyReply {
  const payload = JSON.stringify(body);
  const etag = strongEtag(payload);
  reply.header('etag', etag).header('cache-control', cacheControl);
  if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(payload);
}

/**
 * Browser-facing protections through the maintained Fastify plugins: CORS for portal pages on other
 * origins, security headers (helmet), and per-client rate limits answered as problem+json with Retry-After.
 */
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { constants as zlib } from 'node:zlib';
import type { RateLimits } from '../config.js';
import { redisRateLimitStore } from '../shared-state/rate-limit-store.js';
import type { Redis } from '../shared-state/redis.js';
import type { RedisBreaker } from '../shared-state/redis-breaker.js';
import { sendProblem } from './errors.js';
import { ProblemError } from './problem.js';

/** CSP of JSON responses: they load nothing and may not be framed. */
const API_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
  },
};

/**
 * CSP of the served example pages and bundles: same-origin scripts, styles and data only, no inline
 * script, no plugins, no framing by other sites.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export interface SecurityOptions {
  allowedOrigins: '*' | string[];
  rateLimits: RateLimits;
  /** Where the counters live when several instances share the traffic (null: in this process). */
  redis: { client: Redis; breaker: RedisBreaker } | null;
  /** Prefix of this deployment's Redis keys. */
  redisPrefix: string;
}

/**
 * Limits that refuse (503) when their shared counters cannot be read: guessing dossier codes and flooding
 * ratings must not become free while Redis is down. The others (catalogue reads under the global limit,
 * authenticated ingest) let the request through.
 */
const FAIL_CLOSED: ReadonlySet<keyof RateLimits> = new Set(['dossierLookup', 'ratings']);

/** Route `config` that applies the rule `name` instead of the global limit. */
export function routeRateLimit(name: keyof RateLimits, rateLimits: RateLimits) {
  const rule = rateLimits[name];
  return { rateLimit: { max: rule.max, timeWindow: rule.windowMs, skipOnError: !FAIL_CLOSED.has(name) } };
}

/** Register compression, CORS, helmet and the rate limiter. Must run before routes are added. */
export async function registerSecurity(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  // Bundles and catalogue JSON shrink 3-10x; a citizen on a slow network waits that much less.
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'], brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } } });

  // @fastify/cors answers a malformed preflight itself, in plain text; answer it as every other error instead.
  // (Replied here rather than thrown: the preflight route is registered before the app's error handler.)
  app.addHook('onRequest', async (request, reply) => {
    const headers = request.headers;
    if (request.method === 'OPTIONS' && (!headers.origin || !headers['access-control-request-method'])) {
      const detail = 'A CORS preflight needs the Origin and Access-Control-Request-Method headers.';
      return sendProblem(reply, new ProblemError(400, 'bad_request', { detail }));
    }
  });

  await app.register(cors, {
    origin: options.allowedOrigins === '*' ? '*' : options.allowedOrigins,
    methods: ['GET', 'HEAD', 'POST'],
    // No Authorization: ingest is server-to-server, so browsers cannot even preflight it.
    allowedHeaders: ['Content-Type', 'Idempotency-Key', 'If-None-Match', 'Accept', 'Accept-Language', 'Altcha-Solution'],
    exposedHeaders: ['ETag', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
    maxAge: 86_400,
  });

  await app.register(helmet, {
    contentSecurityPolicy: API_CSP,
    // Widgets and bundles are meant to be used from portal pages on other origins.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });

  await app.register(rateLimit, {
    global: true,
    max: options.rateLimits.global.max,
    timeWindow: options.rateLimits.global.windowMs,
    keyGenerator: (request) => request.ip,
    skipOnError: true,
    ...(options.redis ? { store: redisRateLimitStore(options.redis.client, options.redis.breaker, `${options.redisPrefix}rate:`) } : {}),
    errorResponseBuilder: (_request, context) => {
      const retryAfter = Math.max(1, Math.ceil(context.ttl / 1000));
      return new ProblemError(429, 'rate_limited', {
        detail: `Too many requests from this client (at most ${context.max} in this time window). Try again in ${retryAfter} s.`,
        retryAfter,
      });
    },
  });
}

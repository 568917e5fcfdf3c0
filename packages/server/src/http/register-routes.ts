/**
 * Route tables → Fastify routes. Every route gets the same treatment, in the same order: its security
 * scheme on `onRequest`; then the query (unknown parameters refused), the path parameters (and the
 * route's own checks of them), the headers, the route's screen and the body, each parsed with its
 * contract schema (a 400 problem naming every issue); then the handler; then the answer, checked against
 * the schema of its status and sent with the route's caching (ETag + Cache-Control, or `no-store`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import * as z from 'zod/mini';
import type { AppContext } from '../context.js';
import { SECURITY_SCHEMES } from './auth.js';
import { cacheControlOf, sendCacheable } from './caching.js';
import { ProblemError } from './problem.js';
import { Answer } from './route.js';
import type { Headers, Route } from './route.js';
import { NoQuery } from './schemas.js';
import { routeRateLimit } from './security.js';
import { assertResponse, parseBody, parseQuery, parseWith } from './validate.js';

/** Reads and validates a route's declared headers (`headers.<name>` in issues). */
function headerReader(headers: Headers | undefined): (request: FastifyRequest) => Record<string, unknown> {
  const specs = Object.entries(headers ?? {}).map(([key, spec]) => {
    const name = spec.name.toLowerCase();
    return { key, name, spec, schema: z.object({ [name]: spec.schema }) };
  });
  return (request) => {
    const out: Record<string, unknown> = {};
    for (const { key, name, spec, schema } of specs) {
      const value = request.headers[name];
      if (value === undefined) {
        throw new ProblemError(400, 'validation_failed', {
          detail: spec.missing,
          errors: [{ path: `headers.${name}`, message: 'Required' }],
        });
      }
      out[key] = parseWith('headers', schema, { [name]: Array.isArray(value) ? value.join(',') : value })[name];
    }
    return out;
  };
}

function send(route: Route, request: FastifyRequest, reply: FastifyReply, body: unknown): FastifyReply {
  const cacheControl = cacheControlOf(route.caching);
  if (!cacheControl) return reply.header('cache-control', 'no-store').send(body);
  return sendCacheable(request, reply, body, cacheControl);
}

function fastifyRoute(route: Route, ctx: AppContext): RouteOptions {
  const label = `${route.method} ${route.url}`;
  const readHeaders = headerReader(route.headers);
  const statuses = Object.keys(route.responses).map(Number);
  // A handler may return a bare body only when the route declares a single answer.
  const onlyStatus = statuses.length === 1 ? statuses[0] : undefined;
  const checkCredentials = route.security ? SECURITY_SCHEMES[route.security].check : undefined;
  const guard = route.challengeAfterMisses ? ctx.lookupGuard : null;
  return {
    method: route.method,
    url: route.url,
    ...(route.bodyLimit !== undefined ? { bodyLimit: route.bodyLimit } : {}),
    ...(route.rateLimit ? { config: routeRateLimit(route.rateLimit, ctx.rateLimits) } : {}),
    ...(checkCredentials ? { onRequest: async (request: FastifyRequest) => checkCredentials(ctx, request) } : {}),
    ...(guard ? { preHandler: guard.check, onResponse: guard.count } : {}),
    async handler(request, reply) {
      const query = parseQuery(route.query ?? NoQuery, request.query);
      const parsedParams = route.params ? parseWith('params', route.params, request.params) : undefined;
      const params = route.checkParams ? route.checkParams(parsedParams, ctx) : parsedParams;
      const headers = readHeaders(request);
      route.screen?.(request);
      const body = route.body ? parseBody(route.body, request.body) : undefined;
      const outcome: unknown = await route.handler({ query: route.query ? query : undefined, params, headers, body }, ctx);
      const status = outcome instanceof Answer ? outcome.status : onlyStatus;
      const payload = outcome instanceof Answer ? outcome.body : outcome;
      const response = status === undefined ? undefined : route.responses[status];
      if (!response) throw new Error(`${label}: its handler answered status ${status ?? '(none given)'}, which the route does not declare.`);
      // In development and tests, an answer that drifts from the contract fails loudly here, not in a client.
      if (ctx.validateResponses) assertResponse(response.schema, payload, label);
      return send(route, request, reply.code(status), payload);
    },
  };
}

/** Register every route of `routes` on `app`. */
export function registerRoutes(app: FastifyInstance, ctx: AppContext, routes: readonly Route[]): void {
  for (const route of routes) app.route(fastifyRoute(route, ctx));
}

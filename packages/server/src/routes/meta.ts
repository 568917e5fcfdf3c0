/**
 * Service description, OpenAPI document and health check.
 */
import { ServiceInfo } from '@motcua/sdk';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { sendCacheable } from '../http/caching.js';
import { openApiDocument } from '../http/openapi.js';
import { ProblemError } from '../http/problem.js';
import { checked } from '../http/respond.js';
import { Health, NoQuery } from '../http/schemas.js';
import { parseQuery } from '../http/validate.js';

export function registerMetaRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/healthz', (request, reply) => {
    parseQuery(NoQuery, request.query);
    try {
      ctx.db.prepare('SELECT 1').get();
    } catch {
      throw new ProblemError(503, 'unavailable', { detail: 'The database is not available.' });
    }
    reply.header('cache-control', 'no-store');
    return checked(ctx, Health, { status: 'ok' }, 'GET /healthz');
  });

  app.get('/v1/meta', (request, reply) => {
    parseQuery(NoQuery, request.query);
    return sendCacheable(request, reply, checked(ctx, ServiceInfo, ctx.serviceInfo, 'GET /v1/meta'));
  });

  let openapi: unknown;
  app.get('/v1/openapi.json', (request, reply) => {
    parseQuery(NoQuery, request.query);
    openapi ??= openApiDocument();
    return sendCacheable(request, reply, openapi);
  });
}

/**
 * Service description, OpenAPI document and health check.
 */
import { ServiceInfo } from '@motcua/sdk';
import { isReachable } from '../db/database.js';
import { ProblemError } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import type { Route } from '../http/route.js';
import { Health, OpenApiDocument } from '../http/schemas.js';

/** The meta routes; `document` builds the OpenAPI document (once: its answer is kept). */
export function metaRoutes(document: () => OpenApiDocument): readonly Route[] {
  let openapi: OpenApiDocument | undefined;
  return [
    defineRoute({
      method: 'GET',
      url: '/healthz',
      tag: 'meta',
      summary: 'Health check',
      responses: { 200: { schema: Health, description: 'Up: the database answers (degraded: the shared state does not)' } },
      errors: [503],
      caching: 'no-store',
      handler: async (_input, ctx) => {
        const [database, sharedState] = await Promise.all([
          isReachable(ctx.db).then(() => true, () => false),
          ctx.sharedStateHealth(),
        ]);
        if (!database) {
          const also = sharedState === 'unavailable' ? ' and the shared state are' : ' is';
          throw new ProblemError(503, 'unavailable', { detail: `The database${also} not available.` });
        }
        return sharedState === 'unavailable'
          ? { status: 'degraded' as const, database: 'ok' as const, sharedState }
          : { status: 'ok' as const, database: 'ok' as const, sharedState };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/v1/meta',
      tag: 'meta',
      summary: 'What this deployment serves and requires',
      responses: { 200: { schema: ServiceInfo, description: 'Service description' } },
      errors: [],
      caching: 'catalogue',
      handler: (_input, ctx) => ctx.serviceInfo,
    }),
    defineRoute({
      method: 'GET',
      url: '/v1/openapi.json',
      tag: 'meta',
      summary: 'This API described as OpenAPI 3.1',
      responses: { 200: { schema: OpenApiDocument, description: 'The OpenAPI document' } },
      errors: [],
      caching: 'catalogue',
      handler: () => (openapi ??= document()),
    }),
  ];
}

/**
 * Fields (lĩnh vực) and agencies (cơ quan thực hiện) of the procedure catalogue.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { listAgencies, listFields } from '../db/procedures.js';
import { sendCacheable } from '../http/caching.js';
import { checked } from '../http/respond.js';
import { AgencyCollection, FieldCollection, NoQuery } from '../http/schemas.js';
import { parseQuery } from '../http/validate.js';

export function registerCatalogueRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/v1/fields', (request, reply) => {
    parseQuery(NoQuery, request.query);
    const body = checked(ctx, FieldCollection, { items: listFields(ctx.db) }, 'GET /v1/fields');
    return sendCacheable(request, reply, body);
  });

  app.get('/v1/agencies', (request, reply) => {
    parseQuery(NoQuery, request.query);
    const body = checked(ctx, AgencyCollection, { items: listAgencies(ctx.db) }, 'GET /v1/agencies');
    return sendCacheable(request, reply, body);
  });
}

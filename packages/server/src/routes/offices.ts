/**
 * One-stop offices: the directory (filters by kind, unit, field and text) and one office by id.
 */
import { Office, OfficeListQuery, Slug } from '@motcua/sdk';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import type { AppContext } from '../context.js';
import { getOffice, listOffices } from '../db/offices.js';
import { sendCacheable } from '../http/caching.js';
import { notFound } from '../http/problem.js';
import { checked } from '../http/respond.js';
import { NoQuery, OfficeCollection } from '../http/schemas.js';
import { parseQuery, parseWith } from '../http/validate.js';

const IdParams = z.object({ id: Slug });

export function registerOfficeRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/v1/offices', (request, reply) => {
    const query = parseQuery(OfficeListQuery, request.query);
    const body = checked(ctx, OfficeCollection, { items: listOffices(ctx.db, query) }, 'GET /v1/offices');
    return sendCacheable(request, reply, body);
  });

  app.get('/v1/offices/:id', (request, reply) => {
    parseQuery(NoQuery, request.query);
    const { id } = parseWith('params', IdParams, request.params);
    const office = getOffice(ctx.db, id);
    if (!office) throw notFound(`No office with id ${id}.`);
    return sendCacheable(request, reply, checked(ctx, Office, office, 'GET /v1/offices/:id'));
  });
}

/**
 * Administrative units: list (current by default), resolve an old or new name or code to today's unit,
 * and one unit by code.
 */
import { AdministrativeUnit, UnitCode, UnitListQuery, UnitResolution } from '@motcua/sdk';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import type { AppContext } from '../context.js';
import { getUnit, listUnits } from '../db/units.js';
import { sendCacheable } from '../http/caching.js';
import { notFound } from '../http/problem.js';
import { checked } from '../http/respond.js';
import { NoQuery, UnitCollection, UnitResolveQuery } from '../http/schemas.js';
import { parseQuery, parseWith } from '../http/validate.js';
import { resolveUnit } from '../catalogue/units.js';

const CodeParams = z.object({ code: UnitCode });

export function registerUnitRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/v1/units', (request, reply) => {
    const query = parseQuery(UnitListQuery, request.query);
    const body = checked(ctx, UnitCollection, { items: listUnits(ctx.db, query) }, 'GET /v1/units');
    return sendCacheable(request, reply, body);
  });

  app.get('/v1/units/resolve', (request, reply) => {
    const { q } = parseQuery(UnitResolveQuery, request.query);
    const body = checked(ctx, UnitResolution, { query: q, matches: resolveUnit(ctx.units(), q) }, 'GET /v1/units/resolve');
    return sendCacheable(request, reply, body);
  });

  app.get('/v1/units/:code', (request, reply) => {
    parseQuery(NoQuery, request.query);
    const { code } = parseWith('params', CodeParams, request.params);
    const unit = getUnit(ctx.db, code);
    if (!unit) throw notFound(`No administrative unit with code ${code}.`);
    return sendCacheable(request, reply, checked(ctx, AdministrativeUnit, unit, 'GET /v1/units/:code'));
  });
}

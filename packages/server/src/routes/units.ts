/**
 * Administrative units: list (current by default), resolve an old or new name or code to today's unit,
 * and one unit by code.
 */
import { AdministrativeUnit, UnitListQuery, UnitResolution } from '@motcua/sdk';
import { resolveUnit } from '../catalogue/units.js';
import { getUnit, listUnits } from '../db/units.js';
import { foundOr404 } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import type { Route } from '../http/route.js';
import { UnitCodeParams, UnitCollection, UnitResolveQuery } from '../http/schemas.js';

export const unitRoutes: readonly Route[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/units',
    tag: 'units',
    summary: 'Administrative units (current by default)',
    query: UnitListQuery,
    responses: { 200: { schema: UnitCollection, description: 'Units' } },
    errors: [400],
    caching: 'catalogue',
    handler: async ({ query }, ctx) => ({ items: await listUnits(ctx.db, query) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/units/resolve',
    tag: 'units',
    summary: 'Find the current unit for an old or new name or code',
    query: UnitResolveQuery,
    responses: { 200: { schema: UnitResolution, description: 'Matches, best first' } },
    errors: [400],
    caching: 'catalogue',
    handler: ({ query: { q } }, ctx) => ({ query: q, matches: resolveUnit(ctx.units(), q) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/units/:code',
    tag: 'units',
    summary: 'One unit (the current one with this code, else the former one)',
    params: UnitCodeParams,
    responses: { 200: { schema: AdministrativeUnit, description: 'The unit' } },
    errors: [400, 404],
    caching: 'catalogue',
    handler: async ({ params: { code } }, ctx) => foundOr404(await getUnit(ctx.db, code), `No administrative unit with code ${code}.`),
  }),
];

/**
 * One-stop offices: the directory (filters by kind, unit, field and text) and one office by id.
 */
import { Office, OfficeListQuery } from '@motcua/sdk';
import { getOffice, listOffices } from '../db/offices.js';
import { foundOr404 } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import type { Route } from '../http/route.js';
import { OfficeCollection, OfficeIdParams } from '../http/schemas.js';

export const officeRoutes: readonly Route[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/offices',
    tag: 'offices',
    summary: 'One-stop offices',
    query: OfficeListQuery,
    responses: { 200: { schema: OfficeCollection, description: 'Offices' } },
    errors: [400],
    caching: 'catalogue',
    handler: ({ query }, ctx) => ({ items: listOffices(ctx.db, query) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/offices/:id',
    tag: 'offices',
    summary: 'One office',
    params: OfficeIdParams,
    responses: { 200: { schema: Office, description: 'The office' } },
    errors: [400, 404],
    caching: 'catalogue',
    handler: ({ params: { id } }, ctx) => foundOr404(getOffice(ctx.db, id), `No office with id ${id}.`),
  }),
];

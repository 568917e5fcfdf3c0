/**
 * One-stop offices: the directory (filters by kind, unit, field and text), in full or light (the fields of
 * a directory's first screen, a tenth of the bytes), and one office by id.
 */
import { Office, OfficeListQuery, OfficeSummaries } from '@motcua/sdk';
import { getOffice, listOffices, listOfficeSummaries } from '../db/offices.js';
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
    handler: async ({ query }, ctx) => ({ items: await listOffices(ctx.db, query) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/office-summaries',
    tag: 'offices',
    summary: 'One-stop offices, light',
    description:
      'The offices of GET /v1/offices (same filters, same order) with only what a directory row shows: name, kind, ' +
      'unit, former units, coordinates and opening hours, each distinct timetable once in `schedules`, indexed by ' +
      "`schedule`. Contacts, fields and agencies: GET /v1/offices/{id} when a row opens.",
    query: OfficeListQuery,
    responses: { 200: { schema: OfficeSummaries, description: 'Office summaries and their timetables' } },
    errors: [400],
    caching: 'catalogue',
    handler: ({ query }, ctx) => listOfficeSummaries(ctx.db, query),
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
    handler: async ({ params: { id } }, ctx) => foundOr404(await getOffice(ctx.db, id), `No office with id ${id}.`),
  }),
];

/**
 * Fields (lĩnh vực) and agencies (cơ quan thực hiện) of the procedure catalogue.
 */
import { FieldListQuery } from '@motcua/sdk';
import { listAgencies, listFields } from '../db/procedures.js';
import { defineRoute } from '../http/route.js';
import type { Route } from '../http/route.js';
import { AgencyCollection, FieldCollection } from '../http/schemas.js';

export const catalogueRoutes: readonly Route[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/fields',
    tag: 'procedures',
    summary: 'Fields of procedures (with `level`, only those with procedures at that level)',
    query: FieldListQuery,
    responses: { 200: { schema: FieldCollection, description: 'The fields, alphabetically, with their procedure counts' } },
    errors: [400],
    caching: 'catalogue',
    handler: async ({ query }, ctx) => ({ items: await listFields(ctx.db, query.level) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/agencies',
    tag: 'procedures',
    summary: 'Implementing agencies',
    responses: { 200: { schema: AgencyCollection, description: 'All agencies' } },
    errors: [],
    caching: 'catalogue',
    handler: async (_input, ctx) => ({ items: await listAgencies(ctx.db) }),
  }),
];

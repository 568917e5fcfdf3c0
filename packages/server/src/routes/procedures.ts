/**
 * Procedure catalogue: ranked search with filters and cursor pagination, and procedure details.
 */
import { PAGE_LIMIT_DEFAULT, Procedure } from '@motcua/sdk';
import { searchProcedureIds } from '../db/procedure-search.js';
import { catalogueIndex } from '../db/search-index.js';
import { getProcedure, summariesByIds } from '../db/procedures.js';
import { foundOr404 } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import type { Route } from '../http/route.js';
import { ProcedureCodeParams, ProcedureListQuery, ProcedurePage } from '../http/schemas.js';

export const procedureRoutes: readonly Route[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/procedures',
    tag: 'procedures',
    summary: 'Search procedures (ranked; an exact code comes first)',
    query: ProcedureListQuery,
    responses: { 200: { schema: ProcedurePage, description: 'A page of procedures' } },
    errors: [400, 429],
    // Revalidated on each use, not kept for minutes: the ranking follows the filing counts, re-read after ingest
    // without a catalogue change, and a kept first page would hand out a cursor the server then refuses.
    caching: 'revalidate',
    handler: async ({ query }, ctx) => {
      const { limit = PAGE_LIMIT_DEFAULT, cursor, ...search } = query;
      // The cursor is bound to the query (not to the page size, which may change between pages) and to the
      // ranking's generation: the prior follows new filings, which can reorder the list between two pages.
      const { generation } = await catalogueIndex(ctx.db);
      const offset = cursor ? ctx.cursors.decode(cursor, search, generation) : 0;
      const ids = await searchProcedureIds(ctx.db, search);
      const pageIds = ids.slice(offset, offset + limit);
      const next = offset + limit < ids.length ? ctx.cursors.encode(offset + limit, search, generation) : null;
      return { items: await summariesByIds(ctx.db, pageIds), nextCursor: next, total: ids.length };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/procedures/:code',
    tag: 'procedures',
    summary: 'One procedure',
    params: ProcedureCodeParams,
    responses: { 200: { schema: Procedure, description: 'The procedure' } },
    errors: [400, 404],
    caching: 'catalogue',
    handler: async ({ params: { code } }, ctx) => foundOr404(await getProcedure(ctx.db, code), `No procedure with code ${code}.`),
  }),
];

/**
 * Procedure catalogue: ranked search with filters and cursor pagination, and procedure details.
 */
import { PAGE_LIMIT_DEFAULT, Procedure, ProcedureCode } from '@motcua/sdk';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import type { AppContext } from '../context.js';
import { searchProcedureIds } from '../db/procedure-search.js';
import { getProcedure, summariesByIds } from '../db/procedures.js';
import { sendCacheable } from '../http/caching.js';
import { notFound } from '../http/problem.js';
import { checked } from '../http/respond.js';
import { NoQuery, ProcedureListQuery, ProcedurePage } from '../http/schemas.js';
import { parseQuery, parseWith } from '../http/validate.js';

const CodeParams = z.object({ code: ProcedureCode });

export function registerProcedureRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/v1/procedures', (request, reply) => {
    const { limit = PAGE_LIMIT_DEFAULT, cursor, ...search } = parseQuery(ProcedureListQuery, request.query, {
      integers: ['limit'],
    });
    // The cursor is bound to the query (not to the page size, which may change between pages).
    const offset = cursor ? ctx.cursors.decode(cursor, search) : 0;
    const ids = searchProcedureIds(ctx.db, search);
    const pageIds = ids.slice(offset, offset + limit);
    const next = offset + limit < ids.length ? ctx.cursors.encode(offset + limit, search) : null;
    const body = checked(
      ctx,
      ProcedurePage,
      { items: summariesByIds(ctx.db, pageIds), nextCursor: next, total: ids.length },
      'GET /v1/procedures',
    );
    return sendCacheable(request, reply, body);
  });

  app.get('/v1/procedures/:code', (request, reply) => {
    parseQuery(NoQuery, request.query);
    const raw = (request.params as { code: string }).code;
    // Province suffixes are upper case (1.012753.H19); accept them typed in lower case too.
    const { code } = parseWith('params', CodeParams, { code: raw.trim().toUpperCase() });
    const procedure = getProcedure(ctx.db, code);
    if (!procedure) throw notFound(`No procedure with code ${code}.`);
    return sendCacheable(request, reply, checked(ctx, Procedure, procedure, 'GET /v1/procedures/:code'));
  });
}

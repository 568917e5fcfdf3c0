/**
 * Dossier statistics per province, unit or office and period, with a monthly breakdown.
 */
import { ScopeQuery, Stats } from '@motcua/sdk';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { queryStats } from '../db/stats.js';
import { REVALIDATE_CACHE_CONTROL, sendCacheable } from '../http/caching.js';
import { checked } from '../http/respond.js';
import { parseQuery } from '../http/validate.js';
import { resolveScope } from './scope.js';

export function registerStatsRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/v1/stats', (request, reply) => {
    const { scope, summaryScope, period, today } = resolveScope(ctx, parseQuery(ScopeQuery, request.query));
    const figures = queryStats(ctx.db, scope, period, today);
    const body = checked(ctx, Stats, { scope: summaryScope, period, ...figures }, 'GET /v1/stats');
    return sendCacheable(request, reply, body, REVALIDATE_CACHE_CONTROL);
  });
}

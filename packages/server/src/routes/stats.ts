/**
 * Dossier statistics per province, unit or office and period, with a monthly breakdown.
 */
import { ScopeQuery, Stats } from '@motcua/sdk';
import { queryStats } from '../db/stats.js';
import { defineRoute } from '../http/route.js';
import type { Route } from '../http/route.js';
import { resolveScope } from './scope.js';

export const statsRoutes: readonly Route[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/stats',
    tag: 'stats',
    summary: 'Dossier statistics for a scope and period (default: the last 12 months)',
    query: ScopeQuery,
    responses: { 200: { schema: Stats, description: 'Figures' } },
    errors: [400, 404],
    caching: 'revalidate',
    handler: async ({ query }, ctx) => {
      const { scope, summaryScope, period, today } = await resolveScope(ctx, query);
      return { scope: summaryScope, period, ...(await queryStats(ctx.db, scope, period, today)) };
    },
  }),
];

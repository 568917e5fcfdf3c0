import { ScopeQuery, Stats } from '../contract/index.js';
import type { RequestOptions, Transport } from './request.js';
import { get, input } from './resource.js';

export interface StatsApi {
  /** Figures of a scope (the province, a unit or an office) over a period. */
  get(scope?: ScopeQuery, options?: RequestOptions): Promise<Stats>;
}

export function statsApi(t: Transport): StatsApi {
  return { get: async (scope = {}, options) => get(t, 'stats', Stats, { query: input(ScopeQuery, scope) }, options) };
}

import * as z from 'zod/mini';
import { Cursor, Limit, Page, Procedure, ProcedureCode, ProcedureSearchQuery, ProcedureSummary } from '../contract/index.js';
import { ValidationError } from './errors.js';
import type { RequestOptions, Transport } from './request.js';
import { get, input } from './resource.js';

/** Query of {@link ProceduresApi.search}. */
export type ProcedureSearch = ProcedureSearchQuery & { limit?: number | undefined; cursor?: string | undefined };

export interface ProceduresApi {
  /** One page of a ranked search; pass `nextCursor` back as `cursor` for the next one. */
  search(query?: ProcedureSearch, options?: RequestOptions): Promise<Page<ProcedureSummary>>;
  /** Every match of a search, fetching pages as the loop advances. */
  iterate(query?: ProcedureSearch, options?: RequestOptions): AsyncIterableIterator<ProcedureSummary>;
  /** A procedure by code, e.g. `1.001193` or `1.012753.H19`. Rejects with `NotFoundError` when unknown. */
  get(code: string, options?: RequestOptions): Promise<Procedure>;
}

// Built once; `@__PURE__` lets bundlers drop them when the resource is not used.
const SearchQuery = /* @__PURE__ */ z.object({ ...ProcedureSearchQuery.shape, limit: z.optional(Limit), cursor: z.optional(Cursor) });
const ProcedurePage = /* @__PURE__ */ Page(ProcedureSummary);

/** The procedure catalogue: search and detail. */
export function proceduresApi(t: Transport): ProceduresApi {
  const search = async (query: ProcedureSearch = {}, options?: RequestOptions) =>
    get(t, 'procedures', ProcedurePage, { query: input(SearchQuery, query) }, options);
  return {
    search,
    async *iterate(query = {}, options) {
      const seen = new Set<string>();
      let cursor = query.cursor;
      do {
        const page = await search({ ...query, cursor }, options);
        yield* page.items;
        cursor = page.nextCursor ?? undefined;
        if (cursor !== undefined && seen.has(cursor)) {
          throw new ValidationError('response', [{ path: 'nextCursor', message: 'The server repeated a cursor' }]);
        }
        if (cursor !== undefined) seen.add(cursor);
      } while (cursor !== undefined);
    },
    get: async (code, options) => {
      const params = { code: input(ProcedureCode, String(code).trim().toUpperCase(), 'code') };
      return get(t, 'procedures/{code}', Procedure, { params, cacheable: true }, options);
    },
  };
}

import { AdministrativeUnit, Collection, Text, UnitCode, UnitListQuery, UnitResolution } from '../contract/index.js';
import type { RequestOptions, Transport } from './request.js';
import { get, input, list } from './resource.js';

export interface UnitsApi {
  /** Administrative units; `status` defaults to `current` on the server. */
  list(query?: UnitListQuery, options?: RequestOptions): Promise<AdministrativeUnit[]>;
  /** Current units matching an old or new name or code ("Hòa Cư" → the ward that absorbed it). */
  resolve(q: string, options?: RequestOptions): Promise<UnitResolution>;
  /** The current unit with this code, else the former one. */
  get(code: string, options?: RequestOptions): Promise<AdministrativeUnit>;
}

const Units = /* @__PURE__ */ Collection(AdministrativeUnit);
const ResolveQuery = /* @__PURE__ */ Text(200);

export function unitsApi(t: Transport): UnitsApi {
  return {
    list: async (query = {}, options) => list(t, 'units', Units, input(UnitListQuery, query), options),
    resolve: async (q, options) =>
      get(t, 'units/resolve', UnitResolution, { query: { q: input(ResolveQuery, String(q).trim(), 'q') } }, options),
    get: async (code, options) => {
      const params = { code: input(UnitCode, String(code).trim(), 'code') };
      return get(t, 'units/{code}', AdministrativeUnit, { params, cacheable: true }, options);
    },
  };
}

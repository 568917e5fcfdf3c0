import { Collection, Office, OfficeListQuery, Slug } from '../contract/index.js';
import type { RequestOptions, Transport } from './request.js';
import { get, input, list } from './resource.js';

export interface OfficesApi {
  list(query?: OfficeListQuery, options?: RequestOptions): Promise<Office[]>;
  get(id: string, options?: RequestOptions): Promise<Office>;
}

const Offices = /* @__PURE__ */ Collection(Office);

export function officesApi(t: Transport): OfficesApi {
  return {
    list: async (query = {}, options) => list(t, 'offices', Offices, input(OfficeListQuery, query), options),
    get: async (id, options) => {
      const params = { id: input(Slug, String(id).trim(), 'id') };
      return get(t, 'offices/{id}', Office, { params, cacheable: true }, options);
    },
  };
}

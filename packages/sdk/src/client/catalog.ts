import { Agency, Collection, Field, FieldListQuery } from '../contract/index.js';
import type { RequestOptions, Transport } from './request.js';
import { input, list } from './resource.js';

export interface FieldsApi {
  /**
   * The fields (lĩnh vực) procedures belong to; with `level`, only those with procedures at that level.
   * The query and the request options share the first argument (`list({ level, signal })`), so the older
   * `list(options)` keeps working; options given apart (`list({ level }, { signal })`) are used instead.
   */
  list(query?: FieldListQuery & RequestOptions, options?: RequestOptions): Promise<Field[]>;
}
export interface AgenciesApi {
  /** The agencies that implement procedures. */
  list(options?: RequestOptions): Promise<Agency[]>;
}

const Fields = /* @__PURE__ */ Collection(Field);
const Agencies = /* @__PURE__ */ Collection(Agency);

export function fieldsApi(t: Transport): FieldsApi {
  return {
    // The query schema keeps `level` only; the request options ignore it.
    list: async (query = {}, options) => list(t, 'fields', Fields, input(FieldListQuery, query), options ?? query),
  };
}

export function agenciesApi(t: Transport): AgenciesApi {
  return { list: async (options) => list(t, 'agencies', Agencies, undefined, options) };
}

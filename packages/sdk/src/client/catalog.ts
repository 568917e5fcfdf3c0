import { Agency, Collection, Field } from '../contract/index.js';
import type { RequestOptions, Transport } from './request.js';
import { list } from './resource.js';

export interface FieldsApi {
  /** The fields (lĩnh vực) procedures belong to. */
  list(options?: RequestOptions): Promise<Field[]>;
}
export interface AgenciesApi {
  /** The agencies that implement procedures. */
  list(options?: RequestOptions): Promise<Agency[]>;
}

const Fields = /* @__PURE__ */ Collection(Field);
const Agencies = /* @__PURE__ */ Collection(Agency);

export function fieldsApi(t: Transport): FieldsApi {
  return { list: async (options) => list(t, 'fields', Fields, undefined, options) };
}

export function agenciesApi(t: Transport): AgenciesApi {
  return { list: async (options) => list(t, 'agencies', Agencies, undefined, options) };
}

import { ServiceInfo } from '../contract/index.js';
import type { RequestOptions, Transport } from './request.js';
import { get } from './resource.js';

export interface MetaApi {
  /** What this deployment serves and requires (e.g. whether dossier lookups need a verification factor). */
  get(options?: RequestOptions): Promise<ServiceInfo>;
}

export function metaApi(t: Transport): MetaApi {
  return { get: async (options) => get(t, 'meta', ServiceInfo, { cacheable: true }, options) };
}

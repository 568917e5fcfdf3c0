import { Collection, Office, OfficeListQuery, OfficeSummaries, Slug, type OfficeSummary } from '../contract/index.js';
import type { RequestOptions, Transport } from './request.js';
import { get, input, list } from './resource.js';

export interface OfficesApi {
  list(query?: OfficeListQuery, options?: RequestOptions): Promise<Office[]>;
  /**
   * The light list (`GET /v1/office-summaries`): the same offices as {@link list} with what a directory row
   * shows, each with its opening hours in place (offices sharing a timetable share the object). The rest of
   * an office: {@link get}.
   */
  summaries(query?: OfficeListQuery, options?: RequestOptions): Promise<OfficeSummary[]>;
  get(id: string, options?: RequestOptions): Promise<Office>;
}

const Offices = /* @__PURE__ */ Collection(Office);

export function officesApi(t: Transport): OfficesApi {
  return {
    list: async (query = {}, options) => list(t, 'offices', Offices, input(OfficeListQuery, query), options),
    summaries: async (query = {}, options) => {
      const { items, schedules } = await get(
        t,
        'office-summaries',
        OfficeSummaries,
        { query: input(OfficeListQuery, query), cacheable: true },
        options,
      );
      return items.map(({ schedule, ...office }) => ({ ...office, hours: schedules[schedule]! }));
    },
    get: async (id, options) => {
      const params = { id: input(Slug, String(id).trim(), 'id') };
      return get(t, 'offices/{id}', Office, { params, cacheable: true }, options);
    },
  };
}

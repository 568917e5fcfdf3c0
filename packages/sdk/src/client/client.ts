/**
 * `createClient`: the typed client of the motcua public API (`/v1`), every resource on one object. Works in
 * browsers and Node ≥ 20 on the global `fetch` (or the one passed in). Every input is checked against the
 * contract before it is sent, every response body after it arrives. A page that calls one resource bundles
 * less with {@link createTransport} and that resource's function (`dossiersApi(transport)`…).
 */
import { agenciesApi, fieldsApi, type AgenciesApi, type FieldsApi } from './catalog.js';
import { challengeApi, type ChallengeApi } from './challenge.js';
import { dossiersApi, type DossiersApi } from './dossiers.js';
import { metaApi, type MetaApi } from './meta.js';
import { officesApi, type OfficesApi } from './offices.js';
import { proceduresApi, type ProceduresApi } from './procedures.js';
import { ratingsApi, type RatingsApi } from './ratings.js';
import { statsApi, type StatsApi } from './stats.js';
import { createTransport, type ClientOptions } from './transport.js';
import { unitsApi, type UnitsApi } from './units.js';

/** The client returned by {@link createClient}. Every method takes `RequestOptions` last. */
export interface Client {
  meta: MetaApi;
  procedures: ProceduresApi;
  fields: FieldsApi;
  agencies: AgenciesApi;
  units: UnitsApi;
  offices: OfficesApi;
  dossiers: DossiersApi;
  /** Proof-of-work challenges, for a client that missed too many lookups. */
  challenge: ChallengeApi;
  ratings: RatingsApi;
  stats: StatsApi;
}

/**
 * Create a client for the API at `baseUrl`.
 *
 * @example
 * const client = createClient({ baseUrl: 'https://motcua.example.gov.vn' });
 * const { items } = await client.procedures.search({ q: 'khai sinh' });
 */
export function createClient(options: ClientOptions): Client {
  const t = createTransport(options);
  return {
    meta: metaApi(t),
    procedures: proceduresApi(t),
    fields: fieldsApi(t),
    agencies: agenciesApi(t),
    units: unitsApi(t),
    offices: officesApi(t),
    dossiers: dossiersApi(t),
    challenge: challengeApi(t),
    ratings: ratingsApi(t),
    stats: statsApi(t),
  };
}

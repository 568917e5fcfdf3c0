/**
 * `createClient`: the typed client of the motcua public API (`/v1`). Works in browsers and Node ≥ 20 on the
 * global `fetch` (or the one passed in). Every input is checked against the contract before it is sent, every
 * response body after it arrives.
 */
import ky from 'ky';
import * as z from 'zod/mini';
import {
  AdministrativeUnit,
  Agency,
  Collection,
  Cursor,
  DossierCodeInput,
  DossierView,
  Field,
  Limit,
  Office,
  OfficeListQuery,
  Page,
  Procedure,
  ProcedureCode,
  ProcedureSearchQuery,
  ProcedureSummary,
  RatingReceipt,
  RatingSubmission,
  RatingSummary,
  ScopeQuery,
  ServiceInfo,
  Slug,
  Stats,
  Text,
  UnitCode,
  UnitListQuery,
  UnitResolution,
  VerificationFactor,
} from '../contract/index.js';
import { normalizeDossierCode } from '../dossier-code.js';
import { EtagCache } from './cache.js';
import { ValidationError } from './errors.js';
import { checkTimeout, send, type Call, type RequestOptions, type RetryOptions, type Transport } from './request.js';
import { check } from './validate.js';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The URL under which `/v1/…` lives, e.g. `https://motcua.example.gov.vn` (a trailing slash is fine). */
  baseUrl: string | URL;
  /**
   * The `fetch` used for every request, retries included, called as `fetch(request: Request, init)`.
   * Default: the global one.
   */
  fetch?: typeof globalThis.fetch | undefined;
  /** Milliseconds to wait for each attempt's response. Default 10 000. */
  timeout?: number | undefined;
  /** Retries after a failure (a count, or options). Default 2. `0` disables retrying. */
  retry?: number | RetryOptions | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** The in-memory ETag cache for catalogue resources. Default on, 100 entries. */
  cache?: boolean | { maxEntries: number } | undefined;
}

/** Query of {@link Client.procedures.search}. */
export type ProcedureSearch = ProcedureSearchQuery & { limit?: number | undefined; cursor?: string | undefined };

/** The client returned by {@link createClient}. Every method takes {@link RequestOptions} last. */
export interface Client {
  meta: {
    /** What this deployment serves and requires (e.g. whether dossier lookups need a verification factor). */
    get(options?: RequestOptions): Promise<ServiceInfo>;
  };
  procedures: {
    /** One page of a ranked search; pass `nextCursor` back as `cursor` for the next one. */
    search(query?: ProcedureSearch, options?: RequestOptions): Promise<Page<ProcedureSummary>>;
    /** Every match of a search, fetching pages as the loop advances. */
    iterate(query?: ProcedureSearch, options?: RequestOptions): AsyncIterableIterator<ProcedureSummary>;
    /** A procedure by code, e.g. `1.001193` or `1.012753.H19`. Rejects with `NotFoundError` when unknown. */
    get(code: string, options?: RequestOptions): Promise<Procedure>;
  };
  fields: { list(options?: RequestOptions): Promise<Field[]> };
  agencies: { list(options?: RequestOptions): Promise<Agency[]> };
  units: {
    /** Administrative units; `status` defaults to `current` on the server. */
    list(query?: UnitListQuery, options?: RequestOptions): Promise<AdministrativeUnit[]>;
    /** Current units matching an old or new name or code ("Hòa Cư" → the ward that absorbed it). */
    resolve(q: string, options?: RequestOptions): Promise<UnitResolution>;
    /** The current unit with this code, else the former one. */
    get(code: string, options?: RequestOptions): Promise<AdministrativeUnit>;
  };
  offices: {
    list(query?: OfficeListQuery, options?: RequestOptions): Promise<Office[]>;
    get(id: string, options?: RequestOptions): Promise<Office>;
  };
  dossiers: {
    /**
     * Look up a dossier by the code on its receipt (normalised first: spaces, dashes, case). `verify` is the last
     * 4 digits of the applicant's phone or ID number, needed when `meta.dossierVerification` is `required`.
     */
    get(code: string, options?: RequestOptions & { verify?: string | undefined }): Promise<DossierView>;
  };
  ratings: {
    /**
     * Submit a satisfaction rating. Retried safely: every attempt carries the same `Idempotency-Key`
     * (generated when not given).
     */
    submit(
      submission: RatingSubmission,
      options?: RequestOptions & { idempotencyKey?: string | undefined },
    ): Promise<RatingReceipt>;
    summary(scope?: ScopeQuery, options?: RequestOptions): Promise<RatingSummary>;
  };
  stats: { get(scope?: ScopeQuery, options?: RequestOptions): Promise<Stats> };
}

// Built once; `@__PURE__` lets bundlers drop them when createClient is not used.
const SearchQuery = /* @__PURE__ */ z.object({ ...ProcedureSearchQuery.shape, limit: z.optional(Limit), cursor: z.optional(Cursor) });
const ProcedurePage = /* @__PURE__ */ Page(ProcedureSummary);
const Fields = /* @__PURE__ */ Collection(Field);
const Agencies = /* @__PURE__ */ Collection(Agency);
const Units = /* @__PURE__ */ Collection(AdministrativeUnit);
const Offices = /* @__PURE__ */ Collection(Office);
const ResolveQuery = /* @__PURE__ */ Text(200);
const IdempotencyKey = /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z0-9_-]{8,200}$/));

/** Check a request input; a scalar argument is reported under its `name` (`code`, `verify`, …). */
function input<S extends z.ZodMiniType>(schema: S, value: unknown, name?: string): z.output<S> {
  return check(schema, value, 'request', name ? [name] : []);
}

/** A fresh idempotency key. `crypto.randomUUID` needs a secure context (https); `getRandomValues` does not. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function resolvePrefix(baseUrl: string | URL): string {
  const base = String(baseUrl).replace(/\/+$/, '');
  try {
    // Relative base URLs (`/api`) are fine in a page; check the result is a URL there or an absolute one here.
    new URL(`${base}/v1/`, globalThis.location?.href);
  } catch {
    throw new TypeError('baseUrl must be an absolute URL (or, in a browser, a path)');
  }
  return `${base}/v1/`;
}

function resolveRetry(retry: ClientOptions['retry']): Transport['retry'] {
  const { limit = 2, maxRetryAfter = 10_000, backoffLimit = 5_000 } = typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError('retry limit must be a whole number ≥ 0');
  return { limit, maxRetryAfter: Math.max(0, maxRetryAfter), backoffLimit: Math.max(0, backoffLimit) };
}

/**
 * Create a client for the API at `baseUrl`.
 *
 * @example
 * const client = createClient({ baseUrl: 'https://motcua.example.gov.vn' });
 * const { items } = await client.procedures.search({ q: 'khai sinh' });
 */
export function createClient(options: ClientOptions): Client {
  const prefixUrl = resolvePrefix(options.baseUrl);
  const maxEntries = typeof options.cache === 'object' ? options.cache.maxEntries : 100;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('cache.maxEntries must be a whole number ≥ 1');
  const t: Transport = {
    ky: ky.create({ prefixUrl, headers: options.headers, ...(options.fetch ? { fetch: options.fetch } : {}) }),
    prefixUrl,
    timeout: checkTimeout(options.timeout ?? 10_000),
    retry: resolveRetry(options.retry),
    cache: options.cache === false ? null : new EtagCache(maxEntries),
  };
  type Extra = Omit<Call<z.ZodMiniType>, 'method' | 'route' | 'schema'>;
  const get = <S extends z.ZodMiniType>(route: string, schema: S, extra: Extra, opts?: RequestOptions) =>
    send(t, { method: 'GET', route, schema, ...extra }, opts);
  const list = async <T>(route: string, schema: z.ZodMiniType<{ items: T[] }>, query: Extra['query'], opts?: RequestOptions) =>
    (await get(route, schema, { query, cacheable: true }, opts)).items;
  const search = async (query: ProcedureSearch = {}, opts?: RequestOptions) =>
    get('procedures', ProcedurePage, { query: input(SearchQuery, query) }, opts);

  return {
    meta: {
      get: async (opts) => get('meta', ServiceInfo, { cacheable: true }, opts),
    },
    procedures: {
      search,
      async *iterate(query = {}, opts) {
        const seen = new Set<string>();
        let cursor = query.cursor;
        do {
          const page = await search({ ...query, cursor }, opts);
          yield* page.items;
          cursor = page.nextCursor ?? undefined;
          if (cursor !== undefined && seen.has(cursor)) {
            throw new ValidationError('response', [{ path: 'nextCursor', message: 'The server repeated a cursor' }]);
          }
          if (cursor !== undefined) seen.add(cursor);
        } while (cursor !== undefined);
      },
      get: async (code, opts) => {
        const params = { code: input(ProcedureCode, String(code).trim().toUpperCase(), 'code') };
        return get('procedures/{code}', Procedure, { params, cacheable: true }, opts);
      },
    },
    fields: { list: async (opts) => list('fields', Fields, undefined, opts) },
    agencies: { list: async (opts) => list('agencies', Agencies, undefined, opts) },
    units: {
      list: async (query = {}, opts) => list('units', Units, input(UnitListQuery, query), opts),
      resolve: async (q, opts) =>
        get('units/resolve', UnitResolution, { query: { q: input(ResolveQuery, String(q).trim(), 'q') } }, opts),
      get: async (code, opts) => {
        const params = { code: input(UnitCode, String(code).trim(), 'code') };
        return get('units/{code}', AdministrativeUnit, { params, cacheable: true }, opts);
      },
    },
    offices: {
      list: async (query = {}, opts) => list('offices', Offices, input(OfficeListQuery, query), opts),
      get: async (id, opts) => {
        const params = { id: input(Slug, String(id).trim(), 'id') };
        return get('offices/{id}', Office, { params, cacheable: true }, opts);
      },
    },
    dossiers: {
      get: async (code, opts = {}) => {
        const params = { code: input(DossierCodeInput, normalizeDossierCode(code), 'code') };
        const verify = opts.verify === undefined ? undefined : input(VerificationFactor, String(opts.verify).trim(), 'verify');
        return get('dossiers/{code}', DossierView, { params, query: { verify } }, opts);
      },
    },
    ratings: {
      submit: async (submission, opts = {}) => {
        const body = input(RatingSubmission, submission);
        if (body.target.type === 'dossier') body.target.code = normalizeDossierCode(body.target.code);
        const key =
          opts.idempotencyKey === undefined ? newIdempotencyKey() : input(IdempotencyKey, opts.idempotencyKey, 'idempotencyKey');
        const headers = { 'idempotency-key': key };
        return send(t, { method: 'POST', route: 'ratings', schema: RatingReceipt, json: body, headers, idempotent: true }, opts);
      },
      summary: async (scope = {}, opts) => get('ratings/summary', RatingSummary, { query: input(ScopeQuery, scope) }, opts),
    },
    stats: {
      get: async (scope = {}, opts) => get('stats', Stats, { query: input(ScopeQuery, scope) }, opts),
    },
  };
}

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with
 * (`z.toJSONSchema`), so it cannot drift from what the server accepts and answers.
 */
import * as z from 'zod';
import type * as zm from 'zod/mini';
import {
  AdministrativeUnit,
  Agency,
  DossierUpsert,
  Field,
  HistoryEvent,
  MonthlyFigures,
  NamedRef,
  OpeningHours,
  Period,
  ProcedureSummary,
  SummaryScope,
  UnitRef,
  DossierView,
  HistoryEventInput,
  Office,
  OfficeListQuery,
  Problem,
  Procedure,
  RatingReceipt,
  RatingSubmission,
  RatingSummary,
  ScopeQuery,
  ServiceInfo,
  Stats,
  UnitListQuery,
  UnitResolution,
} from '@motcua/sdk';
import {
  AgencyCollection,
  DossierLookupQuery,
  FieldCollection,
  Health,
  IngestDossierResult,
  IngestEventResult,
  OfficeCollection,
  ProcedureListQuery,
  ProcedurePage,
  UnitCollection,
  UnitResolveQuery,
} from './schemas.js';

type Schema = zm.ZodMiniType;
type JsonSchema = Record<string, unknown>;

/** Named response components (`#/components/schemas/<name>`). */
const RESPONSES: Record<string, Schema> = {
  NamedRef,
  ProcedureSummary,
  Field,
  Agency,
  UnitRef,
  OpeningHours,
  HistoryEvent,
  SummaryScope,
  Period,
  MonthlyFigures,
  ServiceInfo,
  ProcedurePage,
  Procedure,
  FieldCollection,
  AgencyCollection,
  UnitCollection,
  AdministrativeUnit,
  UnitResolution,
  OfficeCollection,
  Office,
  DossierView,
  RatingReceipt,
  RatingSummary,
  Stats,
  IngestDossierResult,
  IngestEventResult,
  Health,
  Problem,
};

/** Named request-body components, rendered as inputs (what a client may send). */
const REQUESTS: Record<string, Schema> = { RatingSubmission, DossierUpsert, HistoryEventInput };

interface Operation {
  method: 'get' | 'post';
  path: string;
  summary: string;
  tag: string;
  query?: Schema;
  params?: Record<string, JsonSchema>;
  body?: string;
  headers?: { name: string; required: boolean; description: string; schema: JsonSchema }[];
  ok: { status: number; schema: string; description: string }[];
  errors: number[];
  cached?: boolean;
  secured?: boolean;
}

const PROCEDURE_CODE = { type: 'string', pattern: '^[0-9]\\.[0-9]{6}(\\.[A-Za-z0-9]{1,10})?$' };
const UNIT_CODE = { type: 'string', pattern: '^([0-9]{2}|[0-9]{3}|[0-9]{5})$' };
const SLUG = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,79}$' };
const DOSSIER_CODE = { type: 'string', minLength: 1, maxLength: 64, examples: ['000.00.20.H37-250217-0001'] };

const OPERATIONS: Operation[] = [
  { method: 'get', path: '/healthz', summary: 'Health check', tag: 'meta', ok: [{ status: 200, schema: 'Health', description: 'Up' }], errors: [503] },
  { method: 'get', path: '/v1/meta', summary: 'What this deployment serves and requires', tag: 'meta', ok: [{ status: 200, schema: 'ServiceInfo', description: 'Service description' }], errors: [], cached: true },
  { method: 'get', path: '/v1/procedures', summary: 'Search procedures (ranked; an exact code comes first)', tag: 'procedures', query: ProcedureListQuery, ok: [{ status: 200, schema: 'ProcedurePage', description: 'A page of procedures' }], errors: [400, 429], cached: true },
  { method: 'get', path: '/v1/procedures/{code}', summary: 'One procedure', tag: 'procedures', params: { code: PROCEDURE_CODE }, ok: [{ status: 200, schema: 'Procedure', description: 'The procedure' }], errors: [400, 404], cached: true },
  { method: 'get', path: '/v1/fields', summary: 'Fields of procedures', tag: 'procedures', ok: [{ status: 200, schema: 'FieldCollection', description: 'All fields' }], errors: [], cached: true },
  { method: 'get', path: '/v1/agencies', summary: 'Implementing agencies', tag: 'procedures', ok: [{ status: 200, schema: 'AgencyCollection', description: 'All agencies' }], errors: [], cached: true },
  { method: 'get', path: '/v1/units', summary: 'Administrative units (current by default)', tag: 'units', query: UnitListQuery, ok: [{ status: 200, schema: 'UnitCollection', description: 'Units' }], errors: [400], cached: true },
  { method: 'get', path: '/v1/units/resolve', summary: 'Find the current unit for an old or new name or code', tag: 'units', query: UnitResolveQuery, ok: [{ status: 200, schema: 'UnitResolution', description: 'Matches, best first' }], errors: [400], cached: true },
  { method: 'get', path: '/v1/units/{code}', summary: 'One unit (the current one with this code, else the former one)', tag: 'units', params: { code: UNIT_CODE }, ok: [{ status: 200, schema: 'AdministrativeUnit', description: 'The unit' }], errors: [400, 404], cached: true },
  { method: 'get', path: '/v1/offices', summary: 'One-stop offices', tag: 'offices', query: OfficeListQuery, ok: [{ status: 200, schema: 'OfficeCollection', description: 'Offices' }], errors: [400], cached: true },
  { method: 'get', path: '/v1/offices/{id}', summary: 'One office', tag: 'offices', params: { id: SLUG }, ok: [{ status: 200, schema: 'Office', description: 'The office' }], errors: [400, 404], cached: true },
  { method: 'get', path: '/v1/dossiers/{code}', summary: 'Look up a dossier (public, masked view)', tag: 'dossiers', params: { code: DOSSIER_CODE }, query: DossierLookupQuery, ok: [{ status: 200, schema: 'DossierView', description: 'The dossier' }], errors: [400, 401, 404, 429] },
  {
    method: 'post', path: '/v1/ratings', summary: 'Submit a satisfaction rating', tag: 'ratings', body: 'RatingSubmission',
    headers: [{ name: 'Idempotency-Key', required: true, description: 'A new random key per rating; a retry reuses it.', schema: { type: 'string', minLength: 8, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' } }],
    ok: [{ status: 201, schema: 'RatingReceipt', description: 'Recorded' }, { status: 200, schema: 'RatingReceipt', description: 'Replay of an earlier submission with the same key' }],
    errors: [400, 404, 409, 413, 415, 422, 429],
  },
  { method: 'get', path: '/v1/ratings/summary', summary: 'Ratings per level for a scope and period', tag: 'ratings', query: ScopeQuery, ok: [{ status: 200, schema: 'RatingSummary', description: 'Summary' }], errors: [400, 404] },
  { method: 'get', path: '/v1/stats', summary: 'Dossier statistics for a scope and period (default: the last 12 months)', tag: 'stats', query: ScopeQuery, ok: [{ status: 200, schema: 'Stats', description: 'Figures' }], errors: [400, 404] },
  { method: 'post', path: '/v1/ingest/dossiers', summary: 'Create or update a dossier (back office)', tag: 'ingest', body: 'DossierUpsert', secured: true, ok: [{ status: 201, schema: 'IngestDossierResult', description: 'Created' }, { status: 200, schema: 'IngestDossierResult', description: 'Updated' }], errors: [400, 401, 413, 415] },
  { method: 'post', path: '/v1/ingest/dossiers/{code}/events', summary: 'Append a history event (back office)', tag: 'ingest', params: { code: DOSSIER_CODE }, body: 'HistoryEventInput', secured: true, ok: [{ status: 201, schema: 'IngestEventResult', description: 'Appended' }], errors: [400, 401, 404, 409, 413, 415] },
];

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (validation_failed, bad_request)',
  401: 'verification_required or unauthorized',
  404: 'not_found or dossier_not_found',
  409: 'rating_exists or conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'idempotency_conflict',
  429: 'rate_limited (see Retry-After)',
  503: 'unavailable',
};

function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function queryParameters(query: Schema): JsonSchema[] {
  const json = z.toJSONSchema(query as never, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.has(name),
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    schema,
  }));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function operationObject(op: Operation): JsonSchema {
  const parameters: JsonSchema[] = [
    ...Object.entries(op.params ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
    ...(op.query ? queryParameters(op.query) : []),
    ...(op.headers ?? []).map((h) => ({ name: h.name, in: 'header', required: h.required, description: h.description, schema: h.schema })),
    ...(op.cached ? [{ name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } }] : []),
  ];
  const responses: Record<string, unknown> = {};
  for (const ok of op.ok) {
    responses[String(ok.status)] = {
      description: ok.description,
      ...(op.cached
        ? {
            headers: {
              ETag: { schema: { type: 'string' } },
              'Cache-Control': { schema: { type: 'string', examples: ['public, max-age=300, stale-while-revalidate=86400'] } },
            },
          }
        : {}),
      content: { 'application/json': { schema: ref(ok.schema) } },
    };
  }
  if (op.cached) responses['304'] = { description: 'Not modified (If-None-Match matched the ETag)' };
  for (const status of [...op.errors, 500]) {
    responses[String(status)] = {
      description: ERROR_DESCRIPTIONS[status] ?? 'internal',
      content: { 'application/problem+json': { schema: ref('Problem') } },
    };
  }
  return {
    operationId: `${op.method}${op.path.replace(/[{}]/g, '').split(/[/.-]/).map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join('')}`,
    summary: op.summary,
    tags: [op.tag],
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.body) } } } }
      : {}),
    responses,
    ...(op.secured ? { security: [{ ingestKey: [] }] } : {}),
  };
}

/** Build the OpenAPI 3.1 document. */
export function openApiDocument(): JsonSchema {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(RESPONSES)) registry.add(schema as never, { id });
  const generated = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  }) as { schemas: Record<string, JsonSchema> };
  const schemas: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(generated.schemas)) schemas[id] = strip(schema);
  for (const [id, schema] of Object.entries(REQUESTS)) {
    schemas[id] = strip(z.toJSONSchema(schema as never, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
  }

  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'motcua public one-stop API',
      version: 'v1',
      description:
        'Read-mostly public API of a province’s one-stop administrative service (bộ phận một cửa): procedures, ' +
        'administrative units, offices, dossier lookup, satisfaction ratings and statistics. Errors are ' +
        'application/problem+json (RFC 9457) with a stable `code`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags: ['meta', 'procedures', 'units', 'offices', 'dossiers', 'ratings', 'stats', 'ingest'].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: { ingestKey: { type: 'http', scheme: 'bearer', description: 'Ingest API key (MOTCUA_INGEST_KEYS)' } },
    },
  };
}

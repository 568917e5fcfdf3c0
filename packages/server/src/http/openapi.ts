/**
 * The OpenAPI 3.1 document, generated from the route tables (paths, parameters, bodies, answers, errors,
 * caching, security) and the contract's zod schemas (`z.toJSONSchema`), so it cannot drift from what the
 * server accepts and answers.
 */
import * as z from 'zod';
import {
  AdministrativeUnit,
  Agency,
  DossierUpsert,
  DossierView,
  Field,
  HistoryEvent,
  HistoryEventInput,
  LookupChallenge,
  MonthlyFigures,
  NamedRef,
  Office,
  OfficeSummaries,
  OpeningHours,
  Period,
  Problem,
  Procedure,
  ProcedureSummary,
  RatingReceipt,
  RatingSubmission,
  RatingSummary,
  ServiceInfo,
  Stats,
  SummaryScope,
  UnitRef,
  UnitResolution,
} from '@motcua/sdk';
import { SECURITY_SCHEMES, type SecuritySchemeName } from './auth.js';
import { SOLUTION_HEADER } from './challenge.js';
import { inputSchema, JSON_SCHEMA_OPTIONS, type JsonSchema, outputSchema, strip } from './json-schema.js';
import { cacheControlOf } from './caching.js';
import type { ErrorStatus, Headers, Responses, Route, Schema } from './route.js';
import { NDJSON } from './ndjson.js';
import {
  AgencyCollection,
  FieldCollection,
  Health,
  IngestDossierResult,
  IngestEventResult,
  OfficeCollection,
  OpenApiDocument,
  ProcedurePage,
  UnitCollection,
} from './schemas.js';

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
  OfficeSummaries,
  Office,
  DossierView,
  LookupChallenge,
  RatingReceipt,
  RatingSummary,
  Stats,
  IngestDossierResult,
  IngestEventResult,
  Health,
  OpenApiDocument,
  Problem,
};

/** Named request-body components, rendered as inputs (what a client may send). */
const REQUESTS: Record<string, Schema> = { RatingSubmission, DossierUpsert, HistoryEventInput };

const ERROR_DESCRIPTIONS: Record<ErrorStatus | 500, string> = {
  400: 'Invalid request (validation_failed, bad_request): every issue is named in `errors`',
  401: 'verification_required (dossier lookup without its second factor) or unauthorized (ingest key)',
  403: 'challenge_required: this client missed too many lookups; solve GET /v1/challenge and send it in Altcha-Solution',
  404: 'not_found or dossier_not_found',
  409: 'rating_exists or conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'idempotency_conflict',
  429: 'rate_limited: too many requests from this client; wait the seconds of Retry-After',
  503: 'unavailable: a store this answer needs is out of reach for a moment (the database restarting or its connections cut; for lookups and ratings, the shared limits in Redis); try again after Retry-After',
  500: 'internal: an unexpected error, logged by the server',
};

/**
 * Errors every route may answer besides its own: 400 (an unknown query parameter is refused everywhere),
 * 429 (the global per-client rate limit applies to every route), 500, and 503 (the database out of reach).
 */
const ALWAYS: readonly (ErrorStatus | 500)[] = [400, 429, 500, 503];

/** The error statuses of a route, in order: its own, those of every route, 401 where credentials are checked. */
function errorStatuses(route: Route): (ErrorStatus | 500)[] {
  const statuses = new Set<ErrorStatus | 500>([...(route.errors as readonly ErrorStatus[]), ...ALWAYS]);
  if (route.security) statuses.add(401);
  return [...statuses].sort((a, b) => a - b);
}

/** Shared answers (`#/components/responses/<name>`): one problem answer per error status. */
const problemResponseName = (status: number) => `Problem${status}`;

function problemResponses(): Record<string, JsonSchema> {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, description] of Object.entries(ERROR_DESCRIPTIONS)) {
    responses[problemResponseName(Number(status))] = {
      description,
      ...(status === '429' || status === '503' ? { headers: { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } } } : {}),
      content: { 'application/problem+json': { schema: ref('Problem') } },
    };
  }
  return responses;
}

const RETRY_AFTER = {
  description: 'Seconds until the client may try again (also in the problem’s `retryAfter`).',
  required: true,
  schema: { type: 'integer', minimum: 1 },
};

/** Security of an operation: its scheme (or anonymous or the scheme, when optional); public routes say so with `[]`. */
function securityOf(route: Route): JsonSchema[] {
  if (!route.security) return [];
  const name = route.security as SecuritySchemeName;
  return SECURITY_SCHEMES[name].optional ? [{}, { [name]: [] }] : [{ [name]: [] }];
}

const names = (components: Record<string, Schema>) => new Map(Object.entries(components).map(([name, schema]) => [schema, name]));
const RESPONSE_NAMES = names(RESPONSES);
const REQUEST_NAMES = names(REQUESTS);

/** One parameter per property of an object schema (path parameters are always required). */
function parameters(schema: Schema | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = inputSchema(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A named component's reference, or the schema inline when it has no name. */
function schemaRef(schema: Schema, names: ReadonlyMap<Schema, string>, render: (s: Schema) => JsonSchema): JsonSchema {
  const name = names.get(schema);
  return name ? ref(name) : render(schema);
}

/** `get /v1/units/{code}` → `getV1UnitsCode`. */
function operationId(method: string, path: string): string {
  const words = path.replace(/[{}]/g, '').split(/[/.-]/);
  return `${method}${words.map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join('')}`;
}

function parametersOf(route: Route, cached: boolean): JsonSchema[] {
  const headers = Object.values((route.headers ?? {}) as Headers);
  return [
    ...parameters(route.params, 'path'),
    ...parameters(route.query, 'query'),
    ...headers.map((h) => ({ name: h.name, in: 'header', required: true, description: h.description, schema: inputSchema(h.schema) })),
    ...(cached ? [{ name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } }] : []),
    ...(route.challengeAfterMisses ? [SOLUTION_PARAMETER] : []),
  ];
}

const SOLUTION_PARAMETER = {
  name: SOLUTION_HEADER,
  in: 'header',
  required: false,
  description: 'A solved challenge of GET /v1/challenge, once this client was answered 403 challenge_required: base64 of `{"challenge", "solution"}`.',
  schema: { type: 'string', maxLength: 4000 },
};

/** Successful answers (with ETag and Cache-Control when cacheable, and 304), then problems. */
function responsesOf(route: Route, cacheControl: string | undefined): JsonSchema {
  const responses: JsonSchema = {};
  for (const [status, response] of Object.entries(route.responses as Responses)) {
    responses[status] = {
      description: response.description,
      ...(cacheControl
        ? {
            headers: {
              ETag: { schema: { type: 'string' } },
              'Cache-Control': { schema: { type: 'string', examples: [cacheControl] } },
            },
          }
        : {}),
      content: { 'application/json': { schema: schemaRef(response.schema, RESPONSE_NAMES, outputSchema) } },
    };
  }
  if (cacheControl) responses['304'] = { description: 'Not modified (If-None-Match matched the ETag)' };
  for (const status of errorStatuses(route)) {
    responses[String(status)] = { $ref: `#/components/responses/${problemResponseName(status)}` };
  }
  return responses;
}

/** An NDJSON body: the same rows as the JSON array, one a line. */
const NDJSON_BODY = {
  type: 'string',
  description: 'The elements of the JSON array body, one JSON value a line (a final newline is optional); results are indexed by line, from 0.',
};

function operationObject(route: Route, path: string): JsonSchema {
  const cacheControl = cacheControlOf(route.caching);
  const parameterList = parametersOf(route, cacheControl !== undefined);
  const method = route.method.toLowerCase();
  return {
    operationId: operationId(method, path),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    ...(parameterList.length ? { parameters: parameterList } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: schemaRef(route.body, REQUEST_NAMES, inputSchema) },
              ...(route.ndjson ? { [NDJSON]: { schema: NDJSON_BODY } } : {}),
            },
          },
        }
      : {}),
    responses: responsesOf(route, cacheControl),
    security: securityOf(route),
  };
}

/** Named components: responses as the server sends them, request bodies as a client may send them. */
function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(RESPONSES)) registry.add(schema as never, { id });
  const generated = z.toJSONSchema(registry, {
    ...JSON_SCHEMA_OPTIONS,
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  const schemas: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(generated.schemas)) schemas[id] = strip(schema);
  for (const [id, schema] of Object.entries(REQUESTS)) schemas[id] = inputSchema(schema);
  return schemas;
}

/** Build the OpenAPI 3.1 document of `routes`, whose tags `tags` describes. */
export function openApiDocumentOf(routes: readonly Route[], tags: Readonly<Record<string, string>>): OpenApiDocument {
  const undescribed = routes.filter((route) => !tags[route.tag]).map((route) => route.tag);
  if (undescribed.length) throw new Error(`OpenAPI: describe the tag(s) ${[...new Set(undescribed)].join(', ')}.`);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[route.method.toLowerCase()] = operationObject(route, path);
  }
  const securitySchemes = Object.fromEntries(Object.entries(SECURITY_SCHEMES).map(([name, scheme]) => [name, scheme.openapi]));

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
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name, description: tags[name] })),
    paths,
    components: {
      schemas: componentSchemas(),
      responses: problemResponses(),
      headers: { RetryAfter: RETRY_AFTER },
      securitySchemes,
    },
  };
}

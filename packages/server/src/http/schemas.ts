/**
 * Request and response schemas of the HTTP API, composed from the contract in @motcua/sdk. Routes parse
 * with these and the OpenAPI document is generated from these, so the two cannot drift apart.
 */
import * as z from 'zod/mini';
import {
  AdministrativeUnit,
  Agency,
  Collection,
  Cursor,
  DossierCodeInput,
  DossierStatusCode,
  Field,
  Limit,
  Office,
  Page,
  PROCEDURE_CODE_PATTERN,
  ProcedureCode,
  ProcedureSearchQuery,
  ProcedureSummary,
  Slug,
  Text,
  UnitCode,
  VerificationFactor,
} from '@motcua/sdk';

/** `GET /v1/procedures`: the contract's search query plus pagination. */
export const ProcedureListQuery = z.extend(ProcedureSearchQuery, {
  limit: z.optional(Limit),
  cursor: z.optional(Cursor),
});
export const ProcedurePage = Page(ProcedureSummary);
export const FieldCollection = Collection(Field);
export const AgencyCollection = Collection(Agency);
export const UnitCollection = Collection(AdministrativeUnit);
export const OfficeCollection = Collection(Office);

/** A route without query parameters: anything sent is reported as unknown. */
export const NoQuery = z.object({});

/** `GET /v1/units/resolve`. */
export const UnitResolveQuery = z.object({
  /** An old or new unit name, or a unit code. */
  q: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** `GET /v1/dossiers/:code`. */
export const DossierLookupQuery = z.object({
  /** Last 4 digits of the applicant's phone or ID number. */
  verify: z.optional(VerificationFactor),
});

/** A copy of `schema` that the OpenAPI document shows with `examples` (values of the real seed). */
const withExamples = (schema: z.ZodMiniString, examples: string[]): z.ZodMiniString =>
  schema.clone().register(z.globalRegistry, { examples });

/** A dossier code in a URL (the example is a demonstration dossier of the seed). */
export const DossierCodeParams = z.object({
  code: withExamples(DossierCodeInput, ['000.00.20.H37-261005-0001']),
});

/**
 * A procedure code in a URL: trimmed, and its provincial suffix accepted in lower case too (1.012753.h19),
 * then checked as a contract code. Documented as the input it accepts.
 */
const ProcedureCodeInput = z
  .string()
  .check(z.trim(), z.toUpperCase())
  .register(z.globalRegistry, { pattern: PROCEDURE_CODE_PATTERN.replace('A-Z0-9', 'A-Za-z0-9'), examples: ['1.001193'] });
export const ProcedureCodeParams = z.object({ code: z.pipe(ProcedureCodeInput, ProcedureCode) });

export const UnitCodeParams = z.object({ code: withExamples(UnitCode, ['05983']) });
export const OfficeIdParams = z.object({ id: withExamples(Slug, ['trung-tam-pvhcc-tinh']) });

/**
 * `GET /healthz` while the database answers (without it the answer is a 503 problem). `degraded`: the shared state
 * (Redis) is out of reach, so lookups, challenges and ratings are refused while catalogue reads and ingest go on;
 * every instance shares the one Redis, so a load balancer should keep routing to a degraded instance.
 * `sharedState: 'none'`: no Redis is configured, the state lives in this process.
 */
export const Health = z.union([
  z.object({ status: z.literal('ok'), database: z.literal('ok'), sharedState: z.literal(['ok', 'none']) }),
  z.object({ status: z.literal('degraded'), database: z.literal('ok'), sharedState: z.literal('unavailable') }),
]);

/** `GET /v1/openapi.json`: an OpenAPI 3.1 document (its parts are described by the OpenAPI specification). */
export const OpenApiDocument = z.looseObject({
  openapi: z.string().check(z.regex(/^3\.1\.[0-9]+$/)),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;

/** `POST /v1/ingest/dossiers` answer. */
export const IngestDossierResult = z.object({ code: Text(64), created: z.boolean() });
export type IngestDossierResult = z.infer<typeof IngestDossierResult>;
/** `POST /v1/ingest/dossiers/:code/events` answer: the dossier's status after the event. */
export const IngestEventResult = z.object({ code: Text(64), status: DossierStatusCode });

/** The Idempotency-Key header of rating submissions. */
export const IdempotencyKey = z.string().check(z.minLength(8), z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/));

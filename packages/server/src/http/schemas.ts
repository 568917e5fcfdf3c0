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
  ProcedureSearchQuery,
  ProcedureSummary,
  Text,
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

export const DossierCodeParams = z.object({ code: DossierCodeInput });

export const Health = z.object({ status: z.literal('ok') });

/** `POST /v1/ingest/dossiers` answer. */
export const IngestDossierResult = z.object({ code: Text(64), created: z.boolean() });
/** `POST /v1/ingest/dossiers/:code/events` answer: the dossier's status after the event. */
export const IngestEventResult = z.object({ code: Text(64), status: DossierStatusCode });

/** The Idempotency-Key header of rating submissions. */
export const IdempotencyKey = z.string().check(z.minLength(8), z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/));

export { createClient } from './client.js';
export type { Client } from './client.js';
export { createTransport } from './transport.js';
export type { ClientOptions } from './transport.js';
export { metaApi, type MetaApi } from './meta.js';
export { proceduresApi, type ProceduresApi, type ProcedureSearch } from './procedures.js';
export { fieldsApi, agenciesApi, type FieldsApi, type AgenciesApi } from './catalog.js';
export { unitsApi, type UnitsApi } from './units.js';
export { officesApi, type OfficesApi } from './offices.js';
export { dossiersApi, type DossiersApi, type LookupOptions } from './dossiers.js';
export { challengeApi, encodeSolution, type ChallengeApi, type ChallengeSolution } from './challenge.js';
export { ratingsApi, type RatingsApi } from './ratings.js';
export { newIdempotencyKey } from './idempotency-key.js';
export { statsApi, type StatsApi } from './stats.js';
export type { RequestOptions, RetryOptions, Transport } from './request.js';
export {
  ChallengeRequiredError,
  ConflictError,
  HttpError,
  MotcuaError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from './errors.js';
export type { HttpErrorInit, ValidationIssue } from './errors.js';

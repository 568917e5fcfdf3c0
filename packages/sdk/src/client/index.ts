export { createClient } from './client.js';
export type { Client, ClientOptions, ProcedureSearch } from './client.js';
export type { RequestOptions, RetryOptions } from './request.js';
export {
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

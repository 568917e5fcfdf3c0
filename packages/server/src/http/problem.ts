/**
 * RFC 9457 problem details: the one shape every error of this API takes.
 */
import { problemType, type Problem, type ProblemCode, type ProblemIssue } from '@motcua/sdk';

/** Media type of every error body. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const TITLES: Record<ProblemCode, string> = {
  bad_request: 'Bad request',
  validation_failed: 'Validation failed',
  not_found: 'Not found',
  dossier_not_found: 'Dossier not found',
  verification_required: 'Verification required',
  challenge_required: 'Proof-of-work required',
  unauthorized: 'Unauthorized',
  method_not_allowed: 'Method not allowed',
  not_acceptable: 'Not acceptable',
  conflict: 'Conflict',
  rating_exists: 'Rating already recorded',
  idempotency_conflict: 'Idempotency key reused',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  internal: 'Internal server error',
  unavailable: 'Service unavailable',
};

export interface ProblemOptions {
  detail?: string;
  errors?: ProblemIssue[];
  retryAfter?: number;
  /** Extra response headers (Allow, Retry-After, WWW-Authenticate…). */
  headers?: Record<string, string>;
}

/**
 * An error that is answered as a problem document. Route handlers throw it; the error handler renders it.
 */
export class ProblemError extends Error {
  readonly statusCode: number;
  readonly code: ProblemCode;
  readonly detail: string | undefined;
  readonly errors: ProblemIssue[] | undefined;
  readonly retryAfter: number | undefined;
  readonly headers: Record<string, string>;

  constructor(statusCode: number, code: ProblemCode, options: ProblemOptions = {}) {
    super(options.detail ?? TITLES[code]);
    this.name = 'ProblemError';
    this.statusCode = statusCode;
    this.code = code;
    this.detail = options.detail;
    this.errors = options.errors;
    this.retryAfter = options.retryAfter;
    this.headers = options.headers ?? {};
  }

  /** The problem document sent to the client. */
  toProblem(): Problem {
    const problem: Problem = {
      type: problemType(this.code),
      title: TITLES[this.code],
      status: this.statusCode,
      code: this.code,
    };
    if (this.detail !== undefined) problem.detail = this.detail.slice(0, 2000);
    if (this.errors?.length) problem.errors = this.errors.slice(0, 100);
    if (this.retryAfter !== undefined) problem.retryAfter = this.retryAfter;
    return problem;
  }
}

/** Type guard that works for errors thrown by any module of this server. */
export function isProblemError(error: unknown): error is ProblemError {
  return error instanceof ProblemError;
}

/** 400 validation_failed with the issues that caused it. */
export function validationProblem(errors: ProblemIssue[], detail?: string): ProblemError {
  const first = errors[0];
  return new ProblemError(400, 'validation_failed', {
    detail: detail ?? (first ? `${first.path || '(root)'}: ${first.message}` : 'The request is not valid.'),
    errors,
  });
}

/** 404 not_found for a resource that does not exist. */
export function notFound(detail: string): ProblemError {
  return new ProblemError(404, 'not_found', { detail });
}

/** `value`, or a 404 not_found saying what was looked for when there is none. */
export function foundOr404<T>(value: T | null | undefined, detail: string): T {
  if (value === null || value === undefined) throw notFound(detail);
  return value;
}

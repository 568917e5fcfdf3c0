/**
 * Errors thrown by the client. Every one is a {@link MotcuaError}; `instanceof` works within one copy of the SDK,
 * `MotcuaError.is(x)` (or `NotFoundError.is(x)`, …) also across realms and duplicated bundles.
 *
 * Messages name the method, the route template (`GET /v1/dossiers/{code}`) and the status or rule, never the
 * dossier code, verification factor, comment or any other value sent or received.
 */
import type { Problem, ProblemCode } from '../contract/index.js';

// A registered symbol is the same in every realm and every copy of this module.
const BRAND = Symbol.for('motcua.error');

type ErrorClass<T extends MotcuaError> = abstract new (...args: never[]) => T;

/** Base class of every error the client throws. */
export class MotcuaError extends Error {
  /** The names of this error's classes, most general first (the cross-realm brand). */
  declare readonly [BRAND]: readonly string[];

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    const kinds: string[] = [];
    for (let proto = new.target.prototype; proto && proto !== Error.prototype; proto = Object.getPrototypeOf(proto)) {
      if (Object.hasOwn(proto, 'name')) kinds.unshift((proto as Error).name);
    }
    Object.defineProperty(this, BRAND, { value: kinds });
  }

  /**
   * Whether `value` is an error of this class (or a subclass), also when it comes from another realm (an iframe,
   * a `vm` context) or another copy of the SDK, where `instanceof` fails.
   *
   * @example if (RateLimitError.is(error)) wait(error.retryAfter)
   */
  static is<T extends MotcuaError>(this: ErrorClass<T>, value: unknown): value is T {
    const kinds: unknown = typeof value === 'object' && value !== null ? (value as Record<symbol, unknown>)[BRAND] : null;
    return Array.isArray(kinds) && kinds.includes(this.prototype.name);
  }
}
MotcuaError.prototype.name = 'MotcuaError';

/** What an {@link HttpError} carries besides its message. */
export interface HttpErrorInit {
  status: number;
  code: ProblemCode | 'unknown';
  problem?: Problem | undefined;
  method: string;
  /** The request URL without its query string. */
  url: string;
}

/** The server answered with an error status. `problem` is the parsed `application/problem+json` body, if any. */
export class HttpError extends MotcuaError {
  /** HTTP status, e.g. 404. */
  readonly status: number;
  /** The problem's stable code, or `'unknown'` when the body was not a valid problem document. */
  readonly code: ProblemCode | 'unknown';
  readonly problem: Problem | undefined;
  readonly method: string;
  /** The request URL without its query string (which may hold a verification factor). */
  readonly url: string;

  constructor(message: string, init: HttpErrorInit, options?: ErrorOptions) {
    super(message, options);
    this.status = init.status;
    this.code = init.code;
    this.problem = init.problem;
    this.method = init.method;
    this.url = init.url;
  }
}
HttpError.prototype.name = 'HttpError';

/** 404: the resource does not exist (for dossiers, also: the verification factor did not match). */
export class NotFoundError extends HttpError {}
NotFoundError.prototype.name = 'NotFoundError';

/**
 * 403 `challenge_required`: this client missed too many dossier lookups, so the next one needs a solved
 * proof-of-work challenge (`GET /v1/challenge`, then the lookup again with its solution); also when the solution
 * sent was missing, forged, already used or expired.
 */
export class ChallengeRequiredError extends HttpError {}
ChallengeRequiredError.prototype.name = 'ChallengeRequiredError';

/** 409: the request conflicts with the current state, e.g. a dossier already rated. */
export class ConflictError extends HttpError {}
ConflictError.prototype.name = 'ConflictError';

/** 429: too many requests. */
export class RateLimitError extends HttpError {
  /** Seconds to wait before trying again (from `Retry-After` or the problem body), null when not given. */
  readonly retryAfter: number | null;

  constructor(message: string, init: HttpErrorInit & { retryAfter: number | null }, options?: ErrorOptions) {
    super(message, init, options);
    this.retryAfter = init.retryAfter;
  }
}
RateLimitError.prototype.name = 'RateLimitError';

/** One reason a value broke the contract: a path like `items[3].code` (`''` for the whole value) and the rule. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/**
 * A value broke the contract: a request input before anything was sent (`where: 'request'`), or a response body
 * (`where: 'response'`, including a body that is not JSON). The message names the first path and rule.
 */
export class ValidationError extends MotcuaError {
  readonly where: 'request' | 'response';
  readonly issues: readonly ValidationIssue[];

  constructor(where: 'request' | 'response', issues: readonly ValidationIssue[], options?: ErrorOptions) {
    const first = issues[0] ?? { path: '', message: 'Invalid value' };
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`${where}${first.path && !first.path.startsWith('[') ? '.' : ''}${first.path}: ${first.message}${more}`, options);
    this.where = where;
    this.issues = issues;
  }
}
ValidationError.prototype.name = 'ValidationError';

/** No response arrived: offline, DNS failure, connection refused or reset, or a request blocked by CORS. */
export class NetworkError extends MotcuaError {
  readonly method: string;
  readonly url: string;

  constructor(message: string, init: { method: string; url: string }, options?: ErrorOptions) {
    super(message, options);
    this.method = init.method;
    this.url = init.url;
  }
}
NetworkError.prototype.name = 'NetworkError';

/** No response within the time limit. */
export class TimeoutError extends MotcuaError {
  /** The limit that was exceeded, in milliseconds. */
  readonly timeout: number;
  readonly method: string;
  readonly url: string;

  constructor(message: string, init: { timeout: number; method: string; url: string }, options?: ErrorOptions) {
    super(message, options);
    this.timeout = init.timeout;
    this.method = init.method;
    this.url = init.url;
  }
}
TimeoutError.prototype.name = 'TimeoutError';

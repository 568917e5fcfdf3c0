/**
 * What a route of the API is, declared once: method and URL, the contract schemas of its query, path
 * parameters, headers and body, the answers it gives per status and the errors it may answer, how those
 * answers may be cached, and its handler. `registerRoutes` turns a table of these into Fastify routes
 * (parsing the input and checking the output the same way for every route) and `openApiDocument` turns
 * the same table into the published OpenAPI document, so the two cannot disagree.
 */
import type { FastifyRequest } from 'fastify';
import type * as z from 'zod/mini';
import type { RateLimits } from '../config.js';
import type { AppContext } from '../context.js';
import type { SecuritySchemeName } from './auth.js';
import type { Caching } from './caching.js';

export type Schema = z.ZodMiniType;
export type ObjectSchema = z.ZodMiniObject<z.core.$ZodLooseShape>;

/** One documented answer: the contract schema of its body and what it means. */
export interface ResponseSpec<S extends Schema = Schema> {
  readonly schema: S;
  readonly description: string;
}

/** The successful answers of a route, by status. */
export type Responses = Readonly<Record<number, ResponseSpec>>;

/** A request header the route requires. */
export interface HeaderSpec<S extends Schema = Schema> {
  /** The header's name as documented (`Idempotency-Key`); matched without regard to case. */
  readonly name: string;
  readonly schema: S;
  readonly description: string;
  /** Detail of the 400 answered when the header is absent. */
  readonly missing: string;
}

export type Headers = Readonly<Record<string, HeaderSpec>>;

/** Error statuses a route may declare (each is documented as a problem+json answer). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

type Parsed<S> = S extends Schema ? z.infer<S> : undefined;

/** A handler's input: everything the route declares, parsed with its contract schema. */
export interface RouteInput<Q, P, H extends Headers, B> {
  query: Parsed<Q>;
  params: Parsed<P>;
  headers: { [K in keyof H]: z.infer<H[K]['schema']> };
  body: Parsed<B>;
}

/** A body answered with a chosen status, for routes that declare more than one successful answer. */
export class Answer<Status extends number = number, Body = unknown> {
  constructor(
    readonly status: Status,
    readonly body: Body,
  ) {}
}

/** Answer `body` with `status` (one of the route's declared responses). */
export function answer<Status extends number, Body>(status: Status, body: Body): Answer<Status, Body> {
  return new Answer(status, body);
}

type BodyOf<R extends Responses> = { [K in keyof R]: R[K] extends ResponseSpec<infer S> ? z.infer<S> : never }[keyof R];
type AnswerOf<R extends Responses> = {
  [K in keyof R & number]: R[K] extends ResponseSpec<infer S> ? Answer<K, z.infer<S>> : never;
}[keyof R & number];

/** What a handler returns: the body of the route's only response, or an `answer()` naming the status. */
export type Outcome<R extends Responses> = BodyOf<R> | AnswerOf<R>;

export interface RouteSpec<
  Q extends ObjectSchema | undefined,
  P extends ObjectSchema | undefined,
  H extends Headers,
  B extends Schema | undefined,
  R extends Responses,
> {
  method: 'GET' | 'POST';
  /** Fastify syntax: `/v1/units/:code`. */
  url: string;
  tag: string;
  summary: string;
  description?: string;
  /** Query parameters; a route without any refuses every parameter sent. */
  query?: Q;
  params?: P;
  /**
   * Checks of the path parameters that need the server's state (its clock, say), run right after they
   * are parsed and before the body is; returns them normalised.
   */
  checkParams?: (params: Parsed<P>, ctx: AppContext) => Parsed<P>;
  headers?: H;
  /** JSON request body (required when declared). */
  body?: B;
  /** The body, an array, may also be sent as NDJSON, one element a line (`http/ndjson.ts`). */
  ndjson?: boolean;
  responses: R;
  errors: readonly ErrorStatus[];
  caching: Caching;
  security?: SecuritySchemeName;
  /** A tighter per-client limit than the global one. */
  rateLimit?: Exclude<keyof RateLimits, 'global'>;
  /**
   * Repeated misses (404) of one client make this route ask it for a solved proof-of-work challenge
   * (`http/challenge.ts`), when the server has the challenge on.
   */
  challengeAfterMisses?: boolean;
  /** Largest body accepted, when smaller than the server's. */
  bodyLimit?: number;
  /** A check of the raw request after the headers and before the body is parsed (e.g. a honeypot). */
  screen?: (request: FastifyRequest) => void;
  handler: (input: RouteInput<Q, P, H, B>, ctx: AppContext) => Outcome<R> | Promise<Outcome<R>>;
}

/** A route of any shape, as tables hold them. */
export type Route = RouteSpec<any, any, any, any, any>;

/** Declare a route: the handler's input and output are typed from the schemas. */
export function defineRoute<
  Q extends ObjectSchema | undefined = undefined,
  P extends ObjectSchema | undefined = undefined,
  H extends Headers = Record<never, never>,
  B extends Schema | undefined = undefined,
  R extends Responses = Responses,
>(spec: RouteSpec<Q, P, H, B, R>): Route {
  return spec as Route;
}

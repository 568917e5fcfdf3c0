/**
 * Security schemes a route may require: how the server checks one and how the OpenAPI document names it.
 * The check runs on `onRequest`, before the body is read and before the rate limit counts, so
 * unauthenticated calls are refused outright.
 */
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { isValidApiKey } from '../db/api-keys.js';
import { ProblemError } from './problem.js';

interface SecurityScheme {
  /** Throws a 401 problem unless the request carries valid credentials. */
  check(ctx: AppContext, request: FastifyRequest): void;
  /** The OpenAPI security scheme object. */
  openapi: Record<string, unknown>;
}

function unauthorized(detail: string): ProblemError {
  return new ProblemError(401, 'unauthorized', { detail, headers: { 'www-authenticate': 'Bearer realm="motcua-ingest"' } });
}

export const SECURITY_SCHEMES = {
  /** Back-office ingest: an API key as a bearer token. */
  ingestKey: {
    check(ctx, request) {
      const header = request.headers.authorization;
      if (!header) throw unauthorized('Send the ingest API key as Authorization: Bearer <key>.');
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!m || !isValidApiKey(ctx.db, m[1]!)) throw unauthorized('The API key is not valid.');
    },
    openapi: { type: 'http', scheme: 'bearer', description: 'Ingest API key (MOTCUA_INGEST_KEYS)' },
  },
} satisfies Record<string, SecurityScheme>;

export type SecuritySchemeName = keyof typeof SECURITY_SCHEMES;

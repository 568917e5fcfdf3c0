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
  /**
   * Throws a 401 problem unless the request carries valid credentials. A scheme without one is checked
   * by the route's handler, where it must come after other checks (a malformed dossier code is a 400 first).
   */
  check?: (ctx: AppContext, request: FastifyRequest) => Promise<void>;
  /** Whether a call without the credentials may be served too (the deployment decides). */
  optional?: boolean;
  /** The OpenAPI security scheme object. */
  openapi: Record<string, unknown>;
}

function unauthorized(detail: string): ProblemError {
  return new ProblemError(401, 'unauthorized', { detail, headers: { 'www-authenticate': 'Bearer realm="motcua-ingest"' } });
}

const schemes = {
  /** Back-office ingest: an API key as a bearer token. */
  ingestKey: {
    async check(ctx, request) {
      const header = request.headers.authorization;
      if (!header) throw unauthorized('Send the ingest API key as Authorization: Bearer <key>.');
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!m || !(await isValidApiKey(ctx.db, m[1]!))) throw unauthorized('The API key is not valid.');
    },
    openapi: { type: 'http', scheme: 'bearer', description: 'Ingest API key (MOTCUA_INGEST_KEYS)' },
  },
  /** Province administration (offices, holiday calendar): an admin key as a bearer token; ingest keys do not work. */
  adminKey: {
    async check(ctx, request) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
      if (!m) throw unauthorized('Send the admin API key as Authorization: Bearer <key>.');
      if (!(await isValidApiKey(ctx.db, m[1]!, 'admin'))) throw unauthorized('The admin API key is not valid.');
    },
    openapi: { type: 'http', scheme: 'bearer', description: 'Admin API key (MOTCUA_ADMIN_KEYS)' },
  },
  /** The dossier lookup's second factor, asked for only where the deployment requires it. */
  dossierVerification: {
    optional: true,
    openapi: {
      type: 'apiKey',
      in: 'query',
      name: 'verify',
      description:
        'The last 4 digits of the applicant’s phone or ID number. Required when `GET /v1/meta` answers ' +
        '`dossierVerification: "required"` (a lookup without it is answered 401 verification_required); ' +
        'ignored otherwise.',
    },
  },
} satisfies Record<string, SecurityScheme>;

export type SecuritySchemeName = keyof typeof schemes;
export const SECURITY_SCHEMES: Readonly<Record<SecuritySchemeName, SecurityScheme>> = schemes;

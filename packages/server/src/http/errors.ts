/**
 * Every error as problem+json: ours (ProblemError), Fastify's own (bad JSON, body too large, unsupported
 * content type, bad URL), what Node's HTTP parser refuses before a request exists (an over-long URL: 431),
 * unknown routes (404) and known routes called with another method (405). The database out of reach (restarting,
 * connections cut, locked by another process) is a 503 with Retry-After: the same request may succeed shortly. An
 * unexpected error becomes a 500 that says nothing about the internals; the details go to the log only.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { STORAGE_RETRY_AFTER_SECONDS, isStorageUnavailable } from '../db/unavailable.js';
import { PROBLEM_CONTENT_TYPE, ProblemError, isProblemError } from './problem.js';

const FASTIFY_ERRORS: Record<string, () => ProblemError> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new ProblemError(415, 'unsupported_media_type', { detail: 'Send the request body as application/json.' }),
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    new ProblemError(413, 'payload_too_large', { detail: 'The request body is larger than this endpoint accepts.' }),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new ProblemError(400, 'bad_request', { detail: 'The body is empty although Content-Type says JSON.' }),
  FST_ERR_CTP_INVALID_JSON_BODY: () => new ProblemError(400, 'bad_request', { detail: 'The body is not valid JSON.' }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    new ProblemError(400, 'bad_request', { detail: 'Content-Length does not match the body received.' }),
  FST_ERR_BAD_URL: () => new ProblemError(400, 'bad_request', { detail: 'The URL is not correctly encoded.' }),
  FST_ERR_MAX_PARAM_LENGTH: () => new ProblemError(414, 'bad_request', { detail: 'A path segment of the URL is too long.' }),
};

/** The problem an error is answered with. */
export function toProblemError(error: unknown): ProblemError {
  if (isProblemError(error)) return error;
  if (isStorageUnavailable(error)) {
    return new ProblemError(503, 'unavailable', {
      detail: 'The database is not available at the moment. Try again in a few seconds.',
      retryAfter: STORAGE_RETRY_AFTER_SECONDS,
    });
  }
  const e = error as Partial<FastifyError> | null;
  const known = e?.code ? FASTIFY_ERRORS[e.code] : undefined;
  if (known) return known();
  const status = typeof e?.statusCode === 'number' ? e.statusCode : 500;
  if (status === 413) return FASTIFY_ERRORS.FST_ERR_CTP_BODY_TOO_LARGE!();
  if (status === 415) return FASTIFY_ERRORS.FST_ERR_CTP_INVALID_MEDIA_TYPE!();
  if (status === 404) return new ProblemError(404, 'not_found', { detail: 'Nothing here.' });
  if (status === 406) return new ProblemError(406, 'not_acceptable');
  if (status >= 400 && status < 500) return new ProblemError(status, 'bad_request', { detail: 'The request cannot be processed.' });
  return new ProblemError(500, 'internal', { detail: 'An unexpected error occurred. It has been logged.' });
}

/** Send a problem as the reply. */
export function sendProblem(reply: FastifyReply, problem: ProblemError): FastifyReply {
  reply.code(problem.statusCode);
  for (const [name, value] of Object.entries(problem.headers)) reply.header(name, value);
  if (problem.retryAfter !== undefined) reply.header('retry-after', String(problem.retryAfter));
  return reply.header('cache-control', 'no-store').type(PROBLEM_CONTENT_TYPE).send(problem.toProblem());
}

interface RoutePattern {
  regex: RegExp;
  methods: Set<string>;
}

function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * Install the error handler and the 404/405 handler (rate-limited through `notFoundPreHandler`). Call
 * before routes are added: routes are recorded (`onRoute`) so a wrong method can be told from an unknown path.
 */
export function installErrorHandling(app: FastifyInstance, notFoundPreHandler?: preHandlerHookHandler): void {
  const routes = new Map<string, RoutePattern>();
  app.addHook('onRoute', (route) => {
    if (route.url.includes('*')) return;
    const entry = routes.get(route.url) ?? { regex: patternOf(route.url), methods: new Set<string>() };
    for (const m of [route.method].flat()) entry.methods.add(m);
    routes.set(route.url, entry);
  });

  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const problem = toProblemError(error);
    if (problem.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: problem.code, status: problem.statusCode }, 'request refused');
    return sendProblem(reply, problem);
  });

  app.setNotFoundHandler(
    notFoundPreHandler ? { preHandler: notFoundPreHandler } : {},
    (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      const allowed = new Set<string>();
      for (const route of routes.values()) if (route.regex.test(path)) route.methods.forEach((m) => allowed.add(m));
      if (allowed.size > 0) {
        const allow = [...allowed].sort().join(', ');
        return sendProblem(
          reply,
          new ProblemError(405, 'method_not_allowed', {
            detail: `${request.method} is not allowed here. Allowed: ${allow}.`,
            headers: { allow },
          }),
        );
      }
      return sendProblem(reply, new ProblemError(404, 'not_found', { detail: `No resource at ${path.slice(0, 200)}.` }));
    },
  );
}

/** The problem of an error Node's HTTP parser raises before there is a request. */
function clientProblem(code: string | undefined): ProblemError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new ProblemError(431, 'bad_request', { detail: 'The URL or the request headers are longer than this server accepts.' });
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return new ProblemError(408, 'bad_request', { detail: 'The request took too long to arrive.' });
  return new ProblemError(400, 'bad_request', { detail: 'The request is not valid HTTP.' });
}

/**
 * Fastify `clientErrorHandler` option: what Node's HTTP parser refuses (an over-long URL or header is a 431,
 * a slow request a 408, anything malformed a 400) is answered as a problem too, written on the socket since
 * no request exists to reply to; then the connection is closed, as Node does.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const problem = clientProblem(error.code);
    const body = JSON.stringify(problem.toProblem());
    const head = [
      `HTTP/1.1 ${problem.statusCode} ${STATUS_CODES[problem.statusCode]}`,
      `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Cache-Control: no-store',
      'Connection: close',
    ];
    socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

/** Fastify `frameworkErrors` option: URL errors raised before routing, answered as problems too. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void sendProblem(reply, toProblemError(error));
}

/**
 * NDJSON request bodies (`application/x-ndjson`) for routes that take a JSON array and declare `ndjson`: each
 * line is one element of the array, so a one-stop system can stream its export as it writes it. A line that
 * is not JSON, is empty or holds a `__proto__` or `constructor.prototype` key (refused as Fastify's JSON parser
 * refuses them) becomes an {@link NdjsonLine} in its place, for the route to reject that row alone; the line
 * numbers stay the array's positions (line 1 is element 0). Blank lines at the end are dropped, so an empty
 * body is an empty array. Other routes answer 415, an unknown URL 404.
 */
import type { FastifyInstance } from 'fastify';
import { ProblemError } from './problem.js';
import type { Route } from './route.js';

export const NDJSON = 'application/x-ndjson';

/** A line of an NDJSON body that holds no JSON value. */
export class NdjsonLine {
  constructor(
    /** 1-based line number. */
    readonly line: number,
    readonly reason: string,
  ) {}
}

/** Parses one line of JSON, throwing on invalid JSON or a poisoned key. */
export type LineParser = (line: string) => unknown;

/**
 * The lines of `text` as values, each read by `parseLine`. Blank lines at the end are dropped (a final newline
 * ends the last line; it does not start another), so a body of blank lines is no row at all.
 */
export function parseNdjson(text: string, parseLine: LineParser): unknown[] {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  return lines.map((line, i) => {
    if (line.trim() === '') return new NdjsonLine(i + 1, `line ${i + 1} is empty: every line is one row`);
    try {
      return parseLine(line);
    } catch {
      return new NdjsonLine(i + 1, isJson(line) ? `line ${i + 1} holds a __proto__ or constructor.prototype key, which is refused` : `line ${i + 1} is not valid JSON`);
    }
  });
}

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/** Fastify's own JSON parser (secure-json-parse, refusing `__proto__` and `constructor.prototype`) for one line. */
function secureLineParser(app: FastifyInstance): LineParser {
  const parse = app.getDefaultJsonParser('error', 'error');
  return (line) => {
    let outcome: { error: Error | null; value?: unknown } = { error: null };
    parse(undefined as never, line, (error, value) => (outcome = { error, value }));
    if (outcome.error) throw outcome.error;
    return outcome.value;
  };
}

/** Accept NDJSON bodies on the routes of `routes` that declare `ndjson`; any other route refuses them (415). */
export function registerNdjson(app: FastifyInstance, routes: readonly Route[]): void {
  const accepting = new Set(routes.filter((r) => r.ndjson).map((r) => `${r.method} ${r.url}`));
  const parseLine = secureLineParser(app);
  app.addContentTypeParser(NDJSON, { parseAs: 'string' }, (request, body, done) => {
    // An unknown URL is answered 404 by the not-found handler, whatever the body.
    if (request.is404) {
      done(null, undefined);
      return;
    }
    if (!accepting.has(`${request.method} ${request.routeOptions.url}`)) {
      done(new ProblemError(415, 'unsupported_media_type', { detail: 'Send the request body as application/json.' }), undefined);
      return;
    }
    done(null, parseNdjson(body as string, parseLine));
  });
}

/**
 * NDJSON request bodies (`application/x-ndjson`) for routes that take a JSON array and declare `ndjson`: each
 * line is one element of the array, so a one-stop system can stream its export as it writes it. A line that
 * is not JSON (or is empty) becomes an {@link NdjsonLine} in its place, for the route to reject that row
 * alone; the line numbers stay the array's positions (line 1 is element 0). Other routes answer 415.
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

/** The lines of `text` as values (a final newline ends the last line; it does not start another). */
export function parseNdjson(text: string): unknown[] {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  return lines.map((line, i) => {
    if (line.trim() === '') return new NdjsonLine(i + 1, `line ${i + 1} is empty: every line is one row`);
    try {
      return JSON.parse(line) as unknown;
    } catch {
      return new NdjsonLine(i + 1, `line ${i + 1} is not valid JSON`);
    }
  });
}

/** Accept NDJSON bodies on the routes of `routes` that declare `ndjson`; any other route refuses them (415). */
export function registerNdjson(app: FastifyInstance, routes: readonly Route[]): void {
  const accepting = new Set(routes.filter((r) => r.ndjson).map((r) => `${r.method} ${r.url}`));
  app.addContentTypeParser(NDJSON, { parseAs: 'string' }, (request, body, done) => {
    if (!accepting.has(`${request.method} ${request.routeOptions.url}`)) {
      done(new ProblemError(415, 'unsupported_media_type', { detail: 'Send the request body as application/json.' }), undefined);
      return;
    }
    done(null, parseNdjson(body as string));
  });
}

/**
 * A real HTTP server on 127.0.0.1 for the client tests, whose answers each test scripts. It records every
 * request it receives (method, raw path, query, headers, body, arrival time) so tests assert what was sent.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface Hit {
  method: string;
  /** The raw path, still percent-encoded, without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** Arrival time (performance.now(), ms). */
  at: number;
  /** 0 for the first request of the test, 1 for the next, … */
  index: number;
}

/**
 * The Idempotency-Key a request carried, failing unless the header was sent once and holds a real key
 * (the contract's 8–200 characters of A–Z, a–z, 0–9, `_`, `-`), not a stringified `undefined` or `null`.
 */
export function idempotencyKeyOf(hit: Hit): string {
  const key = hit.headers['idempotency-key'];
  assert.equal(typeof key, 'string', `request ${hit.index} carries one Idempotency-Key header`);
  assert.match(key as string, /^[A-Za-z0-9_-]{8,200}$/);
  assert.ok(key !== 'undefined' && key !== 'null', `request ${hit.index} carries a real key, not "${key}"`);
  return key as string;
}

/** Returns nothing useful; a returned promise is awaited and a rejection drops the connection. */
export type Handler = (hit: Hit, res: ServerResponse) => unknown;

export interface TestServer {
  baseUrl: string;
  hits: Hit[];
  /** Script the answers: the handler sees every following request. */
  handle(handler: Handler): void;
  /** Forget recorded hits and script a new handler. */
  reset(handler?: Handler): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const hits: Hit[] = [];
  let handler: Handler = (_hit, res) => {
    res.writeHead(500).end('no handler scripted');
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const hit: Hit = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: performance.now(),
        index: hits.length,
      };
      hits.push(hit);
      Promise.resolve(handler(hit, res)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : undefined);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    hits,
    handle(next) {
      handler = next;
    },
    reset(next) {
      hits.length = 0;
      if (next) handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answer with a JSON body. */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

/** Answer with an RFC 9457 problem document, as the reference server does. */
export function problem(
  res: ServerResponse,
  status: number,
  code: string,
  title: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): void {
  res
    .writeHead(status, { 'content-type': 'application/problem+json', ...headers })
    .end(JSON.stringify({ type: `urn:motcua:problem:${code}`, title, status, code, ...extra }));
}

/** A port with nothing listening on it (a server was opened there and closed). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

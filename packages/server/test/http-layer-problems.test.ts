/**
 * Errors raised before a route runs, by Fastify or by Node's HTTP parser, are problem+json like every other
 * error: an over-long URL or header (431), a request that is not HTTP (400), a URL that does not decode
 * (400), a body that is not JSON or is empty (400), too large (413) or of another media type (415), an
 * unknown route (404) and a known route called with another method (405).
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { Problem } from '@motcua/sdk';
import { testServer } from './helpers.js';

/** Send raw bytes and read the whole answer (the server closes the connection after a parser error). */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

/** Status, headers (lower-cased names) and body of a raw HTTP/1.1 answer. */
function parse(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

function assertProblem(status: number, contentType: string | undefined, body: string, expected: number): void {
  assert.equal(status, expected, body);
  assert.match(String(contentType), /^application\/problem\+json/);
  const problem = z.parse(Problem, JSON.parse(body));
  assert.equal(problem.status, expected);
  assert.equal(problem.type, `urn:motcua:problem:${problem.code}`);
}

describe('errors raised before a route runs are problems', () => {
  let app: FastifyInstance;
  let port: number;
  before(async () => {
    app = await testServer({ dossiers: null });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  after(() => app.close());

  test('an over-long URL is a 431 problem, not Fastify’s own JSON', async () => {
    const answer = parse(await raw(port, `GET /v1/procedures?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`));
    assertProblem(answer.status, answer.headers['content-type'], answer.body, 431);
    assert.equal(answer.headers['content-length'], String(Buffer.byteLength(answer.body)));
  });

  test('an over-long header is a 431 problem too', async () => {
    const answer = parse(await raw(port, `GET /v1/meta HTTP/1.1\r\nHost: x\r\nCookie: ${'c'.repeat(20_000)}\r\n\r\n`));
    assertProblem(answer.status, answer.headers['content-type'], answer.body, 431);
  });

  test('a URL that does not decode is a 400 problem', async () => {
    const res = await app.inject('/v1/procedures/%E0%A4%A');
    assertProblem(res.statusCode, res.headers['content-type'] as string, res.body, 400);
  });

  test('a body over the limit is a 413 problem', async () => {
    const comment = 'x'.repeat(2 * 1024 * 1024);
    const res = await app.inject({ method: 'POST', url: '/v1/ratings', headers: { 'content-type': 'application/json', 'idempotency-key': 'http-layer-0003' }, payload: JSON.stringify({ level: 'satisfied', comment }) });
    assertProblem(res.statusCode, res.headers['content-type'] as string, res.body, 413);
  });

  test('an empty JSON body is a 400 problem', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/ratings', headers: { 'content-type': 'application/json', 'idempotency-key': 'http-layer-0004' }, payload: '' });
    assertProblem(res.statusCode, res.headers['content-type'] as string, res.body, 400);
  });

  test('a request that is not HTTP is a 400 problem', async () => {
    const answer = parse(await raw(port, 'NOT HTTP AT ALL\r\n\r\n'));
    assertProblem(answer.status, answer.headers['content-type'], answer.body, 400);
  });

  test('a body that is not JSON is a 400 problem', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/ratings', headers: { 'content-type': 'application/json', 'idempotency-key': 'http-layer-0001' }, payload: '{"level":' });
    assertProblem(res.statusCode, res.headers['content-type'] as string, res.body, 400);
  });

  test('a body of another media type is a 415 problem', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/ratings', headers: { 'content-type': 'text/plain', 'idempotency-key': 'http-layer-0002' }, payload: 'hello' });
    assertProblem(res.statusCode, res.headers['content-type'] as string, res.body, 415);
  });

  test('an unknown route is a 404 problem and a known one with another method a 405 problem', async () => {
    const missing = await app.inject('/v1/nothing-here');
    assertProblem(missing.statusCode, missing.headers['content-type'] as string, missing.body, 404);
    const wrongMethod = await app.inject({ method: 'DELETE', url: '/v1/procedures' });
    assertProblem(wrongMethod.statusCode, wrongMethod.headers['content-type'] as string, wrongMethod.body, 405);
  });
});

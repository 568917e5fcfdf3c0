/**
 * Failures as a caller meets them, through a real HTTP server: error statuses, retries, Retry-After, timeouts,
 * aborts, network failures, bodies that are not JSON, and the cross-realm error brand.
 */
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { after, before, beforeEach, describe, test } from 'node:test';
import { build } from 'esbuild';
import {
  ChallengeRequiredError,
  ConflictError,
  createClient,
  HttpError,
  MotcuaError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  ValidationError,
  type Client,
} from '../src/index.js';
import * as fx from './client-fixtures.js';
import { closedPort, idempotencyKeyOf, json, problem, startServer, type TestServer } from './client-server.js';

let server: TestServer;
/** Short backoff so retried tests stay quick; Retry-After is still honoured as sent. */
let client: Client;

before(async () => {
  server = await startServer();
  client = createClient({ baseUrl: server.baseUrl, retry: { limit: 2, backoffLimit: 50 } });
});
beforeEach(() => server.reset());
after(() => server.close());

/** Assert `promise` rejects with an instance of `type`, and return the error for further checks. */
async function rejection<T>(promise: Promise<unknown>, type: abstract new (...args: never[]) => T): Promise<T> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${type.name}, but the call succeeded`);
}

const rating = { target: { type: 'dossier' as const, code: fx.DOSSIER_CODE }, level: 'satisfied' as const };

describe('error statuses', () => {
  test('404 problem → NotFoundError with the parsed problem; nothing secret in the message', async () => {
    server.handle((_hit, res) => problem(res, 404, 'dossier_not_found', 'Không tìm thấy hồ sơ'));
    const error = await rejection(client.dossiers.get(fx.DOSSIER_CODE, { verify: '0912' }), NotFoundError);
    assert.ok(error instanceof HttpError && error instanceof MotcuaError);
    assert.equal(error.name, 'NotFoundError');
    assert.equal(error.status, 404);
    assert.equal(error.code, 'dossier_not_found');
    assert.equal(error.problem?.title, 'Không tìm thấy hồ sơ');
    assert.equal(error.method, 'GET');
    assert.equal(error.url, `${server.baseUrl}/v1/dossiers/${fx.DOSSIER_CODE}`);
    assert.equal(error.message, 'GET /v1/dossiers/{code} failed: 404 Không tìm thấy hồ sơ (dossier_not_found)');
    assert.ok(!error.message.includes('0912') && !error.url.includes('0912'));
    assert.equal(server.hits.length, 1, '404 is not retried');
  });

  test('409 → ConflictError; 401 → HttpError with its code', async () => {
    server.handle((_hit, res) => problem(res, 409, 'rating_exists', 'Hồ sơ đã được đánh giá'));
    const conflict = await rejection(client.ratings.submit(rating), ConflictError);
    assert.equal(conflict.code, 'rating_exists');
    assert.equal(conflict.method, 'POST');

    server.handle((_hit, res) => problem(res, 401, 'verification_required', 'Cần xác minh'));
    const unverified = await rejection(client.dossiers.get(fx.DOSSIER_CODE), HttpError);
    assert.equal(unverified.name, 'HttpError');
    assert.equal(unverified.status, 401);
    assert.equal(unverified.code, 'verification_required');
    assert.ok(!(unverified instanceof NotFoundError) && !(unverified instanceof ConflictError));
  });

  test('403 challenge_required → ChallengeRequiredError, not retried; the solution goes in Altcha-Solution', async () => {
    server.handle((_hit, res) => problem(res, 403, 'challenge_required', 'Cần giải thử thách'));
    const error = await rejection(client.dossiers.get(fx.DOSSIER_CODE, { solution: 'c29sdXRpb24=' }), ChallengeRequiredError);
    assert.ok(ChallengeRequiredError.is(error) && error instanceof HttpError);
    assert.equal(error.status, 403);
    assert.equal(server.hits.length, 1);
    assert.equal(server.hits[0]!.headers['altcha-solution'], 'c29sdXRpb24=');
    // Without a solution, no such header; a gateway's 403 with another code is no challenge.
    server.reset();
    server.handle((_hit, res) => problem(res, 403, 'unauthorized', 'Forbidden'));
    const other = await rejection(client.dossiers.get(fx.DOSSIER_CODE), HttpError);
    assert.ok(!ChallengeRequiredError.is(other));
    assert.equal(server.hits[0]!.headers['altcha-solution'], undefined);
  });

  test('400 validation problem keeps the server’s issues', async () => {
    const errors = [{ path: 'code', message: 'bad_date' }];
    server.handle((_hit, res) => problem(res, 400, 'validation_failed', 'Mã hồ sơ không hợp lệ', { errors }));
    const error = await rejection(client.dossiers.get('000.00.20.H37-201317-0001'), HttpError);
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(error.problem?.errors, errors);
  });

  test('an error body that is not a problem document → HttpError with code unknown', async () => {
    server.handle((_hit, res) => json(res, 403, { message: 'forbidden by proxy' }));
    const error = await rejection(client.meta.get(), HttpError);
    assert.equal(error.status, 403);
    assert.equal(error.code, 'unknown');
    assert.equal(error.problem, undefined);
  });
});

describe('retries', () => {
  test('429 with Retry-After: 1 is retried after waiting about a second', async () => {
    server.handle((hit, res) =>
      hit.index === 0
        ? problem(res, 429, 'rate_limited', 'Quá nhiều yêu cầu', { retryAfter: 1 }, { 'retry-after': '1' })
        : json(res, 200, fx.meta()),
    );
    assert.deepEqual(await client.meta.get(), fx.meta());
    assert.equal(server.hits.length, 2);
    const waited = server.hits[1]!.at - server.hits[0]!.at;
    assert.ok(waited >= 950, `waited ${waited.toFixed(0)} ms between attempts`);
  });

  test('429 with Retry-After: 120 → RateLimitError(retryAfter 120) at once, no retry', async () => {
    server.handle((_hit, res) =>
      problem(res, 429, 'rate_limited', 'Quá nhiều yêu cầu', { retryAfter: 120 }, { 'retry-after': '120' }),
    );
    const error = await rejection(client.dossiers.get(fx.DOSSIER_CODE), RateLimitError);
    assert.equal(error.retryAfter, 120);
    assert.equal(error.status, 429);
    assert.equal(error.code, 'rate_limited');
    assert.equal(server.hits.length, 1);
  });

  test('a Retry-After given as an HTTP date is read too', async () => {
    const later = new Date(Date.now() + 60_000).toUTCString();
    server.handle((_hit, res) => problem(res, 429, 'rate_limited', 'Quá nhiều yêu cầu', {}, { 'retry-after': later }));
    const error = await rejection(client.meta.get(), RateLimitError);
    assert.ok(error.retryAfter !== null && error.retryAfter > 50 && error.retryAfter <= 60, String(error.retryAfter));
    assert.equal(server.hits.length, 1);
  });

  test('without a Retry-After header, retryAfter comes from the problem body, else null', async () => {
    const once = createClient({ baseUrl: server.baseUrl, retry: 0 });
    server.handle((_hit, res) => problem(res, 429, 'rate_limited', 'Quá nhiều yêu cầu', { retryAfter: 7 }));
    assert.equal((await rejection(once.meta.get(), RateLimitError)).retryAfter, 7);
    server.handle((_hit, res) => problem(res, 429, 'rate_limited', 'Quá nhiều yêu cầu'));
    assert.equal((await rejection(once.meta.get(), RateLimitError)).retryAfter, null);
  });

  test('503 then success: a GET is retried', async () => {
    server.handle((hit, res) =>
      hit.index === 0 ? problem(res, 503, 'unavailable', 'Tạm ngưng') : json(res, 200, { items: [fx.field()] }),
    );
    assert.deepEqual(await client.fields.list(), [fx.field()]);
    assert.equal(server.hits.length, 2);
  });

  test('a GET failing every time is tried 1 + limit times, then rejects with the last status', async () => {
    server.handle((_hit, res) => problem(res, 500, 'internal', 'Lỗi máy chủ'));
    const error = await rejection(client.meta.get(), HttpError);
    assert.equal(error.status, 500);
    assert.equal(error.code, 'internal');
    assert.equal(server.hits.length, 3);
  });

  test('500 on the rating POST is retried with the same Idempotency-Key and body', async () => {
    server.handle((hit, res) =>
      hit.index === 0 ? problem(res, 500, 'internal', 'Lỗi máy chủ') : json(res, 201, fx.receipt()),
    );
    assert.deepEqual(await client.ratings.submit(rating), fx.receipt());
    assert.equal(server.hits.length, 2);
    const [first, second] = server.hits as [(typeof server.hits)[0], (typeof server.hits)[0]];
    assert.equal(idempotencyKeyOf(second), idempotencyKeyOf(first));
    assert.equal(second.body, first.body);
  });

  test('4xx other than 408/429 is never retried', async () => {
    server.handle((_hit, res) => problem(res, 422, 'idempotency_conflict', 'Xung đột khóa'));
    await rejection(client.ratings.submit(rating, { idempotencyKey: 'key-0000-0001' }), HttpError);
    assert.equal(server.hits.length, 1);
  });

  test('retry: 0 turns retrying off', async () => {
    server.handle((_hit, res) => problem(res, 503, 'unavailable', 'Tạm ngưng'));
    await rejection(createClient({ baseUrl: server.baseUrl, retry: 0 }).meta.get(), HttpError);
    assert.equal(server.hits.length, 1);
  });
});

describe('timeouts and aborts', () => {
  test('no answer within the timeout → TimeoutError (timeouts are not retried)', async () => {
    server.handle((_hit, res) => {
      setTimeout(() => json(res, 200, fx.meta()), 1_000).unref();
    });
    const error = await rejection(client.meta.get({ timeout: 100 }), TimeoutError);
    assert.equal(error.timeout, 100);
    assert.equal(error.message, 'GET /v1/meta timed out after 100 ms');
    assert.equal(server.hits.length, 1);
  });

  test('the client-wide timeout applies when the call gives none', async () => {
    server.handle((_hit, res) => {
      setTimeout(() => json(res, 200, fx.meta()), 1_000).unref();
    });
    const error = await rejection(createClient({ baseUrl: server.baseUrl, timeout: 80 }).meta.get(), TimeoutError);
    assert.equal(error.timeout, 80);
  });

  test('an abort in flight rejects with the caller’s reason, untouched', async () => {
    const controller = new AbortController();
    const reason = new Error('người dùng đã rời trang');
    server.handle(() => controller.abort(reason)); // never answers
    await assert.rejects(client.meta.get({ signal: controller.signal }), (error) => error === reason);
  });

  test('the default abort reason is a DOMException named AbortError, not a NetworkError', async () => {
    const controller = new AbortController();
    server.handle(() => controller.abort());
    await assert.rejects(client.procedures.search({ q: 'x' }, { signal: controller.signal }), (error: unknown) => {
      assert.ok(error instanceof DOMException);
      assert.equal(error.name, 'AbortError');
      assert.equal(error, controller.signal.reason);
      assert.ok(!MotcuaError.is(error));
      return true;
    });
  });

  test('an already-aborted signal sends nothing', async () => {
    const reason = new Error('cancelled');
    await assert.rejects(client.meta.get({ signal: AbortSignal.abort(reason) }), (error) => error === reason);
    assert.equal(server.hits.length, 0);
  });

  test('an abort while waiting to retry rejects at once with the reason', async () => {
    const controller = new AbortController();
    server.handle((_hit, res) => {
      problem(res, 503, 'unavailable', 'Tạm ngưng', {}, { 'retry-after': '5' });
      setTimeout(() => controller.abort('stop'), 50).unref();
    });
    await assert.rejects(client.meta.get({ signal: controller.signal }), (error) => error === 'stop');
    assert.equal(server.hits.length, 1);
  });

  test('an abort while the body is arriving rejects with the reason', async () => {
    const controller = new AbortController();
    server.handle((_hit, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"apiVersion":');
      setTimeout(() => controller.abort('gone'), 30).unref();
    });
    await assert.rejects(client.meta.get({ signal: controller.signal }), (error) => error === 'gone');
  });
});

describe('network failures', () => {
  test('a socket destroyed before any answer → NetworkError', async () => {
    server.handle((_hit, res) => res.socket?.destroy());
    const error = await rejection(client.meta.get(), NetworkError);
    assert.equal(error.method, 'GET');
    assert.equal(error.url, `${server.baseUrl}/v1/meta`);
    assert.equal(error.message, 'GET /v1/meta failed: no response (network error)');
    assert.equal(server.hits.length, 3, 'a GET is retried after a network failure');
  });

  test('one dropped connection, then success: the GET is retried', async () => {
    server.handle((hit, res) => (hit.index === 0 ? res.socket?.destroy() : json(res, 200, fx.meta())));
    assert.deepEqual(await client.meta.get(), fx.meta());
    assert.equal(server.hits.length, 2);
  });

  test('a connection cut in the middle of the body → NetworkError', async () => {
    server.handle((_hit, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"apiVersion":"v1",');
      setTimeout(() => res.socket?.destroy(), 20).unref();
    });
    await rejection(client.meta.get(), NetworkError);
  });

  test('connection refused on a closed port → NetworkError', async () => {
    const port = await closedPort();
    const offline = createClient({ baseUrl: `http://127.0.0.1:${port}`, retry: 0 });
    const error = await rejection(offline.units.get('05977'), NetworkError);
    assert.ok(MotcuaError.is(error) && NetworkError.is(error));
    assert.equal(error.url, `http://127.0.0.1:${port}/v1/units/05977`);
    assert.ok(error.cause instanceof Error, 'the underlying failure is kept as the cause');
  });
});

describe('bodies that are not JSON', () => {
  const html = '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>';

  test('200 with malformed JSON → ValidationError(response, path "")', async () => {
    server.handle((_hit, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"apiVersion": "v1",'));
    const error = await rejection(client.meta.get(), ValidationError);
    assert.equal(error.where, 'response');
    assert.deepEqual(error.issues, [{ path: '', message: 'Malformed JSON body' }]);
    assert.equal(error.message, 'response: Malformed JSON body');
  });

  test('200 with an HTML page → ValidationError naming the content type', async () => {
    server.handle((_hit, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
    const error = await rejection(client.offices.list(), ValidationError);
    assert.equal(error.where, 'response');
    assert.deepEqual(error.issues, [{ path: '', message: 'Expected a JSON body, got text/html' }]);
  });

  test('200 with an empty body → ValidationError', async () => {
    server.handle((_hit, res) => res.writeHead(200, { 'content-type': 'application/json' }).end());
    const error = await rejection(client.stats.get(), ValidationError);
    assert.equal(error.issues[0]?.path, '');
  });

  test('502 with an HTML page → HttpError(502, code unknown), retried first', async () => {
    server.handle((_hit, res) => res.writeHead(502, { 'content-type': 'text/html' }).end(html));
    const error = await rejection(client.meta.get(), HttpError);
    assert.equal(error.status, 502);
    assert.equal(error.code, 'unknown');
    assert.equal(error.problem, undefined);
    assert.equal(error.message, 'GET /v1/meta failed: 502');
    assert.equal(server.hits.length, 3);
  });

  test('an error status with malformed JSON → HttpError(code unknown)', async () => {
    server.handle((_hit, res) => res.writeHead(404, { 'content-type': 'application/problem+json' }).end('{"type":'));
    const error = await rejection(client.units.get('05977'), NotFoundError);
    assert.equal(error.code, 'unknown');
  });
});

describe('error classes', () => {
  test('each class has its name and is recognised by MotcuaError.is and its own is()', () => {
    const init = { status: 404, code: 'not_found' as const, method: 'GET', url: 'http://x/v1/procedures/1.000001' };
    const notFound = new NotFoundError('m', init);
    assert.equal(notFound.name, 'NotFoundError');
    assert.ok(MotcuaError.is(notFound) && HttpError.is(notFound) && NotFoundError.is(notFound));
    assert.ok(!ConflictError.is(notFound) && !RateLimitError.is(notFound) && !ValidationError.is(notFound));
    const invalid = new ValidationError('response', [{ path: 'items[0].code', message: 'bad' }, { path: 'total', message: 'bad' }]);
    assert.equal(invalid.name, 'ValidationError');
    assert.equal(invalid.message, 'response.items[0].code: bad (and 1 more)');
    assert.ok(MotcuaError.is(invalid) && !HttpError.is(invalid));
    for (const value of [null, undefined, 'NotFoundError', new Error('x'), { name: 'NotFoundError' }]) {
      assert.equal(MotcuaError.is(value), false);
    }
  });

  test('MotcuaError.is recognises errors from another realm (a vm context with its own copy of the classes)', async () => {
    const bundled = await build({
      entryPoints: [new URL('../src/client/errors.ts', import.meta.url).pathname],
      bundle: true,
      format: 'iife',
      globalName: 'errors',
      platform: 'neutral',
      write: false,
      logLevel: 'error',
    });
    const code = `${bundled.outputFiles[0]!.text}
      ;({ notFound: new errors.NotFoundError('m', { status: 404, code: 'not_found', method: 'GET', url: 'u' }),
          limited: new errors.RateLimitError('m', { status: 429, code: 'rate_limited', method: 'GET', url: 'u', retryAfter: 3 }),
          plain: new Error('x') })`;
    const foreign = runInNewContext(code) as { notFound: unknown; limited: { retryAfter: unknown }; plain: unknown };
    assert.ok(!(foreign.notFound instanceof MotcuaError), 'instanceof fails across realms');
    assert.ok(!(foreign.notFound instanceof Error), 'even for Error');
    assert.ok(MotcuaError.is(foreign.notFound) && HttpError.is(foreign.notFound) && NotFoundError.is(foreign.notFound));
    assert.ok(!RateLimitError.is(foreign.notFound));
    assert.ok(RateLimitError.is(foreign.limited));
    assert.equal(foreign.limited.retryAfter, 3);
    assert.ok(!MotcuaError.is(foreign.plain));
  });

  test('the brand is a registered symbol, so any object carrying it is recognised', () => {
    const branded = runInNewContext(
      `const e = new Error('x'); Object.defineProperty(e, Symbol.for('motcua.error'), { value: ['MotcuaError', 'HttpError', 'ConflictError'] }); e`,
    ) as unknown;
    assert.ok(MotcuaError.is(branded) && ConflictError.is(branded) && !NotFoundError.is(branded));
  });
});

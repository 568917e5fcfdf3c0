/**
 * HTTP behaviour shared by every route: problem+json for every error (Fastify's own included), 405 with
 * Allow, CORS, security headers, static pages under their own CSP, no 5xx for bad input, a 500 that hides
 * internals, and logs without secrets.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../src/index.js';
import { TEST_NOW, closeDatabase, expectProblem, seededDatabase, testServer } from './helpers.js';

const PROCESSED = '000.00.20.H37-261116-0001';

describe('errors are problems', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testServer({ rateLimits: { global: { max: 100_000, windowMs: 60_000 }, dossierLookup: { max: 100_000, windowMs: 60_000 }, ratings: { max: 100_000, windowMs: 60_000 } } });
  });
  after(() => app.close());

  test('an unknown route is a 404 problem', async () => {
    const problem = expectProblem(await app.inject('/v1/nothing-here'), 404, 'not_found');
    assert.match(problem.detail ?? '', /\/v1\/nothing-here/);
    expectProblem(await app.inject('/v2/procedures'), 404, 'not_found');
  });

  test('a known path with another method is a 405 with Allow', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/v1/procedures' });
    expectProblem(res, 405, 'method_not_allowed');
    assert.equal(res.headers.allow, 'GET, HEAD');
    const post = await app.inject({ method: 'PUT', url: '/v1/ratings', payload: {} });
    expectProblem(post, 405, 'method_not_allowed');
    assert.equal(post.headers.allow, 'POST');
    expectProblem(await app.inject({ method: 'POST', url: `/v1/dossiers/${PROCESSED}`, payload: {} }), 405, 'method_not_allowed');
  });

  test('a badly encoded URL is a 400 problem', async () => {
    expectProblem(await app.inject('/v1/procedures/%E0%A4%A'), 400, 'bad_request');
  });

  test('HEAD answers like GET without a body', async () => {
    const res = await app.inject({ method: 'HEAD', url: '/v1/meta' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, '');
    assert.ok(res.headers.etag);
  });

  test('no input, however odd, produces a 5xx', async () => {
    const odd = ['', '%00', '%27%22%3C', 'ｘ', '💥', '../../etc/passwd', 'a'.repeat(300), '-1', '1e9', 'null', '[]', '{}', '%20%20'];
    const urls = odd.flatMap((v) => [
      `/v1/procedures?q=${v}`, `/v1/procedures?limit=${v}`, `/v1/procedures?cursor=${v}`, `/v1/procedures/${v}`,
      `/v1/units?level=${v}`, `/v1/units/resolve?q=${v}`, `/v1/units/${v}`, `/v1/offices?q=${v}`, `/v1/offices/${v}`,
      `/v1/dossiers/${v}`, `/v1/dossiers/${PROCESSED}?verify=${v}`, `/v1/stats?from=${v}`, `/v1/ratings/summary?unit=${v}`,
    ]);
    for (const url of urls) {
      const res = await app.inject(url);
      assert.ok(res.statusCode < 500, `${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (res.statusCode >= 400) assert.match(String(res.headers['content-type']), /^application\/problem\+json/, url);
    }
    const bodies = ['', 'null', '"x"', '[]', '{"target":null}', '{"__proto__":{"level":"satisfied"}}', '{"target":{"type":"dossier","code":"x".repeat(5)}}', '\u0000'];
    for (const payload of bodies) {
      for (const url of ['/v1/ratings', '/v1/ingest/dossiers']) {
        const res = await app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', 'idempotency-key': 'odd-body-key-1' } });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url} ${payload} → ${res.statusCode}`);
      }
    }
  });
});

describe('CORS and security headers', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testServer({ dossiers: null });
  });
  after(() => app.close());

  test('any origin may read the API by default', async () => {
    const res = await app.inject({ url: '/v1/meta', headers: { origin: 'https://xacongson.langson.gov.vn' } });
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.match(String(res.headers['access-control-expose-headers']), /ETag/i);
  });

  test('a rating POST may be preflighted; an Authorization header may not', async () => {
    const ok = await app.inject({
      method: 'OPTIONS',
      url: '/v1/ratings',
      headers: { origin: 'https://portal.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    assert.equal(ok.statusCode, 204);
    assert.match(String(ok.headers['access-control-allow-headers']), /Idempotency-Key/i);
    assert.doesNotMatch(String(ok.headers['access-control-allow-headers']), /Authorization/i);
  });

  test('API answers carry strict security headers', async () => {
    const res = await app.inject('/v1/meta');
    assert.match(String(res.headers['content-security-policy']), /default-src 'none'/);
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin');
    const problem = await app.inject('/v1/nothing');
    assert.match(String(problem.headers['content-security-policy']), /default-src 'none'/);
  });

  test('a configured list of origins is enforced', async () => {
    const strict = await testServer({ dossiers: null, allowedOrigins: ['https://dichvucong.langson.gov.vn'] });
    try {
      const allowed = await strict.inject({ url: '/v1/meta', headers: { origin: 'https://dichvucong.langson.gov.vn' } });
      assert.equal(allowed.headers['access-control-allow-origin'], 'https://dichvucong.langson.gov.vn');
      const other = await strict.inject({ url: '/v1/meta', headers: { origin: 'https://evil.example' } });
      assert.equal(other.headers['access-control-allow-origin'], undefined);
    } finally {
      await strict.close();
    }
  });
});

/** Above @fastify/compress's 1 kB threshold, so that a file sent as it is could have been compressed. */
const LARGE_CHUNK = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `từ ${i}`))};\n`;

describe('static files', () => {
  let app: FastifyInstance;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-static-'));
    mkdirSync(join(dir, 'site'));
    mkdirSync(join(dir, 'cdn'));
    writeFileSync(join(dir, 'site', 'index.html'), '<!doctype html><title>Cổng xã</title><motcua-procedure-search></motcua-procedure-search>');
    writeFileSync(join(dir, 'cdn', 'motcua.js'), 'export const v = 1;');
    mkdirSync(join(dir, 'cdn', 'chunks'));
    writeFileSync(join(dir, 'cdn', 'chunks', 'motcua-element-CrgtnI7O.js'), 'export const w = 2;');
    // A chunk as the build writes it: with its brotli and gzip forms beside it (rollup.config.mjs `precompress`).
    writeFileSync(join(dir, 'cdn', 'chunks', 'theme-Ab12Cd34.js'), LARGE_CHUNK);
    writeFileSync(join(dir, 'cdn', 'chunks', 'theme-Ab12Cd34.js.br'), brotliCompressSync(LARGE_CHUNK));
    writeFileSync(join(dir, 'cdn', 'chunks', 'theme-Ab12Cd34.js.gz'), gzipSync(LARGE_CHUNK));
    // One without them (a build copied without its compressed files): compressed when sent.
    writeFileSync(join(dir, 'cdn', 'motcua-stats.js'), LARGE_CHUNK);
    app = await testServer({ dossiers: null, staticRoot: join(dir, 'site'), cdnRoot: join(dir, 'cdn') });
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('pages are served at / under a page CSP, bundles at /cdn/', async () => {
    const page = await app.inject('/');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Cổng xã/);
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const bundle = await app.inject('/cdn/motcua.js');
    assert.equal(bundle.statusCode, 200);
    assert.match(String(bundle.headers['content-type']), /javascript/);
    assert.equal(bundle.headers['cross-origin-resource-policy'], 'cross-origin');
    expectProblem(await app.inject('/cdn/missing.js'), 404, 'not_found');
    // Entries change name-for-name with each release; hashed chunks never do.
    assert.equal(bundle.headers['cache-control'], 'public, max-age=300');
    const chunk = await app.inject('/cdn/chunks/motcua-element-CrgtnI7O.js');
    assert.equal(chunk.statusCode, 200);
    assert.equal(chunk.headers['cache-control'], 'public, max-age=31536000, immutable');
    // The API keeps its own CSP next to the pages.
    assert.match(String((await app.inject('/v1/meta')).headers['content-security-policy']), /default-src 'none'/);
  });

  test('a bundle compressed at build is sent as it is, in the encoding the browser accepts', async () => {
    const url = '/cdn/chunks/theme-Ab12Cd34.js';
    const brotli = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    assert.equal(brotli.statusCode, 200);
    assert.equal(brotli.headers['content-encoding'], 'br');
    assert.match(String(brotli.headers.vary), /accept-encoding/i);
    assert.match(String(brotli.headers['content-type']), /javascript/);
    assert.equal(brotli.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(brotliDecompressSync(brotli.rawPayload).toString(), LARGE_CHUNK);
    const gzip = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gzip.rawPayload).toString(), LARGE_CHUNK);
    const plain = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, LARGE_CHUNK);
    assert.match(String(plain.headers.vary), /accept-encoding/i, 'the uncompressed body was chosen by Accept-Encoding too');
    // Without files compressed at build, the bundle is compressed as it is sent.
    const onTheFly = await app.inject({ url: '/cdn/motcua-stats.js', headers: { 'accept-encoding': 'br' } });
    assert.equal(onTheFly.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(onTheFly.rawPayload).toString(), LARGE_CHUNK);
  });
});

describe('unexpected failures and logs', () => {
  test('an internal error is a 500 problem that reveals nothing, and health says unavailable', async () => {
    const db = await seededDatabase(null);
    const app = await createServer({ database: db, logLevel: 'silent', now: () => TEST_NOW, staticRoot: null, cdnRoot: null });
    try {
      await closeDatabase(db);
      const res = await app.inject('/v1/procedures?q=khai%20sinh');
      const problem = expectProblem(res, 500, 'internal');
      assert.doesNotMatch(res.body, /database|sqlite|stack|at \//i);
      assert.equal(problem.detail, 'An unexpected error occurred. It has been logged.');
      expectProblem(await app.inject('/healthz'), 503, 'unavailable');
    } finally {
      await app.close();
    }
  });

  test('logs never contain the verification digits or the ingest key', async () => {
    const lines: string[] = [];
    const key = 'log-test-key-0123456789abcdef';
    const app = await testServer({ logLevel: 'info', logDestination: { write: (line) => void lines.push(line) }, ingestKeys: [key] });
    try {
      await app.inject(`/v1/dossiers/${PROCESSED}?verify=1009`);
      await app.inject({ method: 'POST', url: '/v1/ingest/dossiers', headers: { authorization: `Bearer ${key}` }, payload: {} });
      const log = lines.join('');
      assert.match(log, /verify=\[REDACTED\]/);
      assert.doesNotMatch(log, /1009/);
      assert.doesNotMatch(log, new RegExp(key));
      assert.match(log, /request completed/);
    } finally {
      await app.close();
    }
  });
});

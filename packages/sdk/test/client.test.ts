/**
 * The client's methods against a real HTTP server: the parsed value each returns, the request each sends,
 * conditional requests (ETag), pagination, and inputs refused before anything is sent.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createClient, MotcuaError, ValidationError, type Client } from '../src/index.js';
import * as fx from './client-fixtures.js';
import { idempotencyKeyOf, json, startServer, type TestServer } from './client-server.js';

let server: TestServer;
let client: Client;

before(async () => {
  server = await startServer();
  client = createClient({ baseUrl: `${server.baseUrl}/`, headers: { 'x-app': 'motcua-test' } });
});
beforeEach(() => server.reset());
after(() => server.close());

/** Script a single JSON answer for the coming requests. */
function answer(body: unknown, status = 200, headers: Record<string, string> = {}) {
  server.handle((_hit, res) => json(res, status, body, headers));
}

function only() {
  assert.equal(server.hits.length, 1, 'exactly one request');
  return server.hits[0]!;
}

describe('every method returns the parsed body and sends the agreed request', () => {
  test('meta.get → GET /v1/meta', async () => {
    answer(fx.meta());
    assert.deepEqual(await client.meta.get({ headers: { 'x-trace': 't1' } }), fx.meta());
    const hit = only();
    assert.equal(hit.method, 'GET');
    assert.equal(hit.path, '/v1/meta');
    assert.equal([...hit.query].length, 0);
    assert.match(String(hit.headers.accept), /application\/json/);
    assert.equal(hit.headers['x-app'], 'motcua-test', 'client-wide header');
    assert.equal(hit.headers['x-trace'], 't1', 'per-request header');
  });

  test('procedures.search → GET /v1/procedures with the query', async () => {
    const page = { items: [fx.summary(), fx.summary('1.001194')], nextCursor: 'bmV4dA', total: 7 };
    answer(page);
    const result = await client.procedures.search({ q: 'khai sinh', level: 'commune', online: 'full', unit: '06220', limit: 2, cursor: 'c1' });
    assert.deepEqual(result, page);
    const hit = only();
    assert.equal(hit.path, '/v1/procedures');
    assert.deepEqual(Object.fromEntries(hit.query), { q: 'khai sinh', level: 'commune', online: 'full', unit: '06220', limit: '2', cursor: 'c1' });
  });

  test('procedures.search without a query sends no parameters', async () => {
    answer({ items: [], nextCursor: null, total: 0 });
    assert.deepEqual(await client.procedures.search(), { items: [], nextCursor: null, total: 0 });
    assert.equal(only().query.toString(), '');
  });

  test('procedures.iterate follows nextCursor across 3 pages', async () => {
    const pages: Record<string, { items: ReturnType<typeof fx.summary>[]; nextCursor: string | null }> = {
      '': { items: [fx.summary('1.000001'), fx.summary('1.000002')], nextCursor: 'p2' },
      p2: { items: [fx.summary('1.000003'), fx.summary('1.000004')], nextCursor: 'p3' },
      p3: { items: [fx.summary('1.000005')], nextCursor: null },
    };
    server.handle((hit, res) => json(res, 200, { ...pages[hit.query.get('cursor') ?? ''], total: 5 }));
    const codes: string[] = [];
    for await (const item of client.procedures.iterate({ q: 'hộ tịch', limit: 2 })) codes.push(item.code);
    assert.deepEqual(codes, ['1.000001', '1.000002', '1.000003', '1.000004', '1.000005']);
    assert.deepEqual(
      server.hits.map((h) => Object.fromEntries(h.query)),
      [
        { q: 'hộ tịch', limit: '2' },
        { q: 'hộ tịch', limit: '2', cursor: 'p2' },
        { q: 'hộ tịch', limit: '2', cursor: 'p3' },
      ],
    );
  });

  test('procedures.iterate stops with a ValidationError when the server repeats a cursor', async () => {
    server.handle((_hit, res) => json(res, 200, { items: [fx.summary()], nextCursor: 'same', total: 9 }));
    const seen: string[] = [];
    await assert.rejects(
      (async () => {
        for await (const item of client.procedures.iterate()) seen.push(item.code);
      })(),
      (error: unknown) => error instanceof ValidationError && error.issues[0]?.path === 'nextCursor',
    );
    assert.equal(server.hits.length, 2);
    assert.equal(seen.length, 2);
  });

  test('procedures.get → GET /v1/procedures/:code, code trimmed and upper-cased', async () => {
    answer(fx.procedure());
    assert.deepEqual(await client.procedures.get(' 1.012753.h19 '), fx.procedure());
    assert.equal(only().path, '/v1/procedures/1.012753.H19');
  });

  test('fields.list → GET /v1/fields, unwrapped', async () => {
    answer({ items: [fx.field()] });
    assert.deepEqual(await client.fields.list(), [fx.field()]);
    assert.equal(only().path, '/v1/fields');
  });

  test('fields.list({ level }) → GET /v1/fields?level=, with the request options beside it or after it', async () => {
    answer({ items: [fx.field()] });
    assert.deepEqual(await client.fields.list({ level: 'commune', headers: { 'x-trace': 't2' } }), [fx.field()]);
    const hit = only();
    assert.equal(hit.path, '/v1/fields');
    assert.deepEqual(Object.fromEntries(hit.query), { level: 'commune' });
    assert.equal(hit.headers['x-trace'], 't2');
    server.reset();
    answer({ items: [fx.field()] });
    await client.fields.list({ level: 'province' }, { headers: { 'x-trace': 't3' } });
    assert.deepEqual(Object.fromEntries(only().query), { level: 'province' });
    assert.equal(only().headers['x-trace'], 't3');
    await assert.rejects(client.fields.list({ level: 'district' as 'commune' }), ValidationError);
  });

  test('agencies.list → GET /v1/agencies, unwrapped', async () => {
    answer({ items: [fx.agency()] });
    assert.deepEqual(await client.agencies.list(), [fx.agency()]);
    assert.equal(only().path, '/v1/agencies');
  });

  test('units.list → GET /v1/units with the query', async () => {
    answer({ items: [fx.unit()] });
    assert.deepEqual(await client.units.list({ level: 'commune', status: 'all', parent: '20', q: 'Đông' }), [fx.unit()]);
    const hit = only();
    assert.equal(hit.path, '/v1/units');
    assert.deepEqual(Object.fromEntries(hit.query), { level: 'commune', status: 'all', parent: '20', q: 'Đông' });
  });

  test('units.resolve → GET /v1/units/resolve?q=', async () => {
    answer(fx.resolution());
    assert.deepEqual(await client.units.resolve('  Mai Pha '), fx.resolution());
    const hit = only();
    assert.equal(hit.path, '/v1/units/resolve');
    assert.equal(hit.query.get('q'), 'Mai Pha');
  });

  test('units.get → GET /v1/units/:code', async () => {
    answer(fx.unit());
    assert.deepEqual(await client.units.get('05977'), fx.unit());
    assert.equal(only().path, '/v1/units/05977');
  });

  test('offices.list → GET /v1/offices with the query', async () => {
    answer({ items: [fx.office()] });
    assert.deepEqual(await client.offices.list({ q: 'Mai Pha', kind: 'commune_centre', unit: '05977', field: 'ho-tich' }), [
      fx.office(),
    ]);
    const hit = only();
    assert.equal(hit.path, '/v1/offices');
    assert.deepEqual(Object.fromEntries(hit.query), { q: 'Mai Pha', kind: 'commune_centre', unit: '05977', field: 'ho-tich' });
  });

  test('offices.get → GET /v1/offices/:id', async () => {
    answer(fx.office());
    assert.deepEqual(await client.offices.get('tthcc-phuong-dong-kinh'), fx.office());
    assert.equal(only().path, '/v1/offices/tthcc-phuong-dong-kinh');
  });

  test('dossiers.get → GET /v1/dossiers/:code?verify=, code normalised', async () => {
    answer(fx.dossier(), 200, { 'cache-control': 'no-store' });
    assert.deepEqual(await client.dossiers.get(' 000.00.20.h37 – 200217 – 0001. ', { verify: '0912' }), fx.dossier());
    const hit = only();
    assert.equal(hit.path, `/v1/dossiers/${fx.DOSSIER_CODE}`);
    assert.deepEqual(Object.fromEntries(hit.query), { verify: '0912' });
  });

  test('dossiers.get URL-encodes the code, so it cannot reach another path', async () => {
    answer(fx.dossier());
    await client.dossiers.get('../meta?x=1#y');
    const hit = only();
    assert.equal(hit.path, '/v1/dossiers/..%2FMETA%3FX%3D1%23Y');
    assert.equal(hit.query.toString(), '');
  });

  test('ratings.submit → POST /v1/ratings with JSON and a generated Idempotency-Key', async () => {
    answer(fx.receipt(), 201);
    const submission = { target: { type: 'dossier' as const, code: '000.00.20.h37-200217-0001' }, level: 'satisfied' as const };
    assert.deepEqual(await client.ratings.submit(submission), fx.receipt());
    const hit = only();
    assert.equal(hit.method, 'POST');
    assert.equal(hit.path, '/v1/ratings');
    assert.match(String(hit.headers['content-type']), /^application\/json/);
    idempotencyKeyOf(hit);
    assert.deepEqual(JSON.parse(hit.body), { target: { type: 'dossier', code: fx.DOSSIER_CODE }, level: 'satisfied' });
  });

  test('ratings.submit sends the caller’s Idempotency-Key, and a new one per call otherwise', async () => {
    answer(fx.receipt(), 201);
    const submission = { target: { type: 'office' as const, id: 'tthcc-phuong-dong-kinh' }, level: 'very_satisfied' as const };
    await client.ratings.submit(submission, { idempotencyKey: 'rating-key-0001' });
    await client.ratings.submit(submission);
    await client.ratings.submit(submission);
    const keys = server.hits.map(idempotencyKeyOf);
    assert.equal(keys[0], 'rating-key-0001');
    assert.notEqual(keys[1], keys[2]);
    assert.deepEqual(JSON.parse(server.hits[0]!.body), submission);
  });

  test('ratings.summary → GET /v1/ratings/summary with the scope', async () => {
    answer(fx.ratingSummary());
    assert.deepEqual(await client.ratings.summary({ unit: '05977', from: '2026-01-01', to: '2026-03-31' }), fx.ratingSummary());
    const hit = only();
    assert.equal(hit.path, '/v1/ratings/summary');
    assert.deepEqual(Object.fromEntries(hit.query), { unit: '05977', from: '2026-01-01', to: '2026-03-31' });
  });

  test('stats.get → GET /v1/stats with the scope', async () => {
    answer(fx.stats());
    assert.deepEqual(await client.stats.get({ office: 'tthcc-phuong-dong-kinh' }), fx.stats());
    const hit = only();
    assert.equal(hit.path, '/v1/stats');
    assert.deepEqual(Object.fromEntries(hit.query), { office: 'tthcc-phuong-dong-kinh' });
  });

  test('fields the contract does not know are dropped, not refused (additive server changes)', async () => {
    answer({ ...fx.meta(), newFeature: { enabled: true } });
    assert.deepEqual(await client.meta.get(), fx.meta());
  });
});

describe('base URL and custom fetch', () => {
  test('a baseUrl with or without a trailing slash (or a path) reaches /v1/', async () => {
    answer(fx.meta());
    await createClient({ baseUrl: server.baseUrl }).meta.get();
    await createClient({ baseUrl: `${server.baseUrl}///` }).meta.get();
    await createClient({ baseUrl: new URL(`${server.baseUrl}/api`) }).meta.get();
    assert.deepEqual(
      server.hits.map((h) => h.path),
      ['/v1/meta', '/v1/meta', '/api/v1/meta'],
    );
  });

  test('an unusable baseUrl or option is refused when the client is created', () => {
    assert.throws(() => createClient({ baseUrl: 'not a url' }), TypeError);
    assert.throws(() => createClient({ baseUrl: server.baseUrl, timeout: 0 }), RangeError);
    assert.throws(() => createClient({ baseUrl: server.baseUrl, retry: -1 }), RangeError);
    assert.throws(() => createClient({ baseUrl: server.baseUrl, cache: { maxEntries: 0 } }), RangeError);
  });

  test('the custom fetch is used for every request, retries included', async () => {
    server.handle((hit, res) => (hit.index === 0 ? json(res, 503, {}) : json(res, 200, fx.meta())));
    const seen: string[] = [];
    const custom: typeof fetch = async (input, init) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    };
    const viaCustom = createClient({ baseUrl: server.baseUrl, fetch: custom, retry: { limit: 1, backoffLimit: 10 } });
    assert.deepEqual(await viaCustom.meta.get(), fx.meta());
    assert.deepEqual(seen, [`${server.baseUrl}/v1/meta`, `${server.baseUrl}/v1/meta`]);
    assert.equal(server.hits.length, 2);
  });
});

describe('conditional requests (ETag cache)', () => {
  /** Serve `body` with ETag `"v1"`, and 304 to a request that presents it. */
  function withEtag(body: unknown) {
    server.handle((hit, res) => {
      if (hit.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
      else json(res, 200, body, { etag: '"v1"', 'cache-control': 'public, max-age=300' });
    });
  }

  test('the first GET stores, the second sends If-None-Match and a 304 returns the same value', async () => {
    const cached = createClient({ baseUrl: server.baseUrl });
    withEtag(fx.meta());
    const first = await cached.meta.get();
    const second = await cached.meta.get();
    assert.deepEqual(second, fx.meta());
    assert.deepEqual(second, first);
    assert.equal(server.hits[0]!.headers['if-none-match'], undefined);
    assert.equal(server.hits[1]!.headers['if-none-match'], '"v1"');
  });

  test('a cached value is a copy: mutating one result does not change the next', async () => {
    const cached = createClient({ baseUrl: server.baseUrl });
    withEtag({ items: [fx.office()] });
    const first = await cached.offices.list({ q: 'Mai Pha' });
    first[0]!.name = 'changed';
    first.pop();
    const second = await cached.offices.list({ q: 'Mai Pha' });
    assert.deepEqual(second, [fx.office()]);
    assert.equal(server.hits[1]!.headers['if-none-match'], '"v1"');
    second[0]!.hours.week.mon = [];
    assert.deepEqual(await cached.offices.list({ q: 'Mai Pha' }), [fx.office()], 'a 304 answer is a copy too');
  });

  test('entries are keyed by URL, query included', async () => {
    const cached = createClient({ baseUrl: server.baseUrl });
    withEtag({ items: [fx.unit()] });
    await cached.units.list({ parent: '20' });
    await cached.units.list({ parent: '21' });
    await cached.units.list({ parent: '20' });
    assert.deepEqual(
      server.hits.map((h) => h.headers['if-none-match']),
      [undefined, undefined, '"v1"'],
    );
  });

  test('the least recently used entry is evicted beyond maxEntries', async () => {
    const small = createClient({ baseUrl: server.baseUrl, cache: { maxEntries: 1 } });
    const bodies: Record<string, unknown> = { '/v1/fields': { items: [fx.field()] }, '/v1/agencies': { items: [fx.agency()] } };
    server.handle((hit, res) => {
      if (hit.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
      else json(res, 200, bodies[hit.path], { etag: '"v1"' });
    });
    await small.fields.list();
    await small.fields.list(); // revalidated: still the only entry
    await small.agencies.list(); // evicts /fields
    await small.fields.list();
    assert.deepEqual(
      server.hits.map((h) => `${h.path} ${h.headers['if-none-match'] ?? '-'}`),
      ['/v1/fields -', '/v1/fields "v1"', '/v1/agencies -', '/v1/fields -'],
    );
  });

  test('cache: false never sends If-None-Match; dossier lookups are never cached', async () => {
    const uncached = createClient({ baseUrl: server.baseUrl, cache: false });
    withEtag(fx.meta());
    await uncached.meta.get();
    await uncached.meta.get();
    const cached = createClient({ baseUrl: server.baseUrl });
    withEtag(fx.dossier());
    await cached.dossiers.get(fx.DOSSIER_CODE);
    await cached.dossiers.get(fx.DOSSIER_CODE);
    assert.deepEqual(
      server.hits.map((h) => h.headers['if-none-match']),
      [undefined, undefined, undefined, undefined],
    );
  });
});

describe('inputs are checked before anything is sent', () => {
  async function refused(call: () => Promise<unknown>, path: string, secret?: string) {
    await assert.rejects(call, (error: unknown) => {
      assert.ok(error instanceof ValidationError, String(error));
      assert.ok(MotcuaError.is(error));
      assert.equal(error.where, 'request');
      assert.equal(error.issues[0]?.path, path);
      assert.ok(error.message.startsWith(`request.${path}: `), error.message);
      if (secret) assert.ok(!error.message.includes(secret) && !JSON.stringify(error.issues).includes(secret));
      return true;
    });
    assert.equal(server.hits.length, 0, 'nothing was sent');
  }

  test('a dissatisfied rating needs a comment', async () => {
    await refused(() => client.ratings.submit({ target: { type: 'dossier', code: fx.DOSSIER_CODE }, level: 'dissatisfied' }), 'comment');
    await refused(
      () => client.ratings.submit({ target: { type: 'dossier', code: fx.DOSSIER_CODE }, level: 'dissatisfied', comment: '   ' }),
      'comment',
    );
  });

  test('a too-long comment is refused without quoting it', async () => {
    const comment = `Cán bộ Trần Văn B thu thêm tiền ${'x'.repeat(1000)}`;
    await refused(
      () => client.ratings.submit({ target: { type: 'office', id: 'tthcc-phuong-dong-kinh' }, level: 'dissatisfied', comment }),
      'comment',
      'Trần Văn B',
    );
  });

  test('a verification factor must be 4 digits and is never echoed', async () => {
    await refused(() => client.dossiers.get(fx.DOSSIER_CODE, { verify: '09a2' }), 'verify', '09a2');
    await refused(() => client.dossiers.get(fx.DOSSIER_CODE, { verify: '091234' }), 'verify', '091234');
  });

  test('malformed codes, ids, queries and keys', async () => {
    await refused(() => client.dossiers.get(' \u200b '), 'code');
    await refused(() => client.procedures.get('khai sinh'), 'code');
    await refused(() => client.units.get('1234'), 'code');
    await refused(() => client.offices.get('Bộ phận'), 'id');
    await refused(() => client.units.resolve('  '), 'q');
    await refused(() => client.procedures.search({ limit: 0 }), 'limit');
    await refused(() => client.procedures.search({ limit: 101 }), 'limit');
    await refused(() => client.procedures.search({ level: 'district' as 'commune' }), 'level');
    await refused(() => client.procedures.search({ unit: '2' }), 'unit');
    await refused(() => client.units.list({ parent: '2' }), 'parent');
    await refused(() => client.stats.get({ from: '2026-02-30' }), 'from');
    await refused(
      () => client.ratings.submit({ target: { type: 'office', id: 'x' }, level: 'satisfied' }, { idempotencyKey: 'short' }),
      'idempotencyKey',
    );
    await refused(
      () => client.ratings.submit({ target: { type: 'office', id: 'x' }, level: 'satisfied', indicators: { online_service: 3 as 2 } }),
      'indicators.online_service',
    );
  });

  test('procedures.iterate refuses a bad query on the first step', async () => {
    await refused(() => client.procedures.iterate({ limit: 500 }).next(), 'limit');
  });
});

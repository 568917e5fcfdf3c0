/**
 * Two server instances behind one load balancer: one database file and one real redis-server. A client's
 * lookups spread over both hit one limit; the lookup challenge starts after misses spread over both, and a
 * solution used on one is refused on the other; a rating sent to both with one Idempotency-Key is stored once, and
 * a dossier ingested through both at once is stored once;
 * an office changed through one is served fresh (body and ETag) by the other; dossiers ingested through one
 * re-rank the other's search, and a search cursor from one pages on the other, even one restarted since.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { FastifyInstance } from 'fastify';
import { DossierView, LookupChallenge, Office, RatingReceipt, RatingSummary, encodeSolution } from '@motcua/sdk';
import { createServer } from '../src/index.js';
import { ProcedurePage } from '../src/http/schemas.js';
import type { CreateServerOptions } from '../src/index.js';
import { TEST_NOW, expectBody, expectProblem, seededDatabaseAt } from './helpers.js';
import { batch, filings, kept, keptBecomes } from './prior-filings.js';
import { sharedTestRedis } from './redis-server.js';

// Fixed demo dossiers of the seed (src/demo/fixed-dossiers.ts).
const PROCESSED = '000.00.20.H37-261116-0001';
const UNKNOWN = (n: number) => `000.00.20.H37-261116-${String(9000 + n).padStart(4, '0')}`;
const CENTRE = 'trung-tam-pvhcc-tinh';
const ADMIN = 'test-admin-key-0123456789abcdef';
const INGEST = 'test-ingest-key-0123456789abcdef';
const LOOKUPS = 6;
const MISSES = 3;
// Addresses of this run only: a Redis shared with other runs (MOTCUA_TEST_REDIS) keeps its counters a while.
const run = Math.floor(Math.random() * 250) + 1;
const client = (n: number) => `10.${run}.${n}.1`;

let dir: string;
let redis: { url: string; stop(): Promise<void> };
let a: FastifyInstance;
let b: FastifyInstance;

async function instance(dbPath: string, redisUrl: string): Promise<FastifyInstance> {
  const options: CreateServerOptions = {
    dbPath,
    redisUrl,
    adminKeys: [ADMIN],
    ingestKeys: [INGEST],
    rateLimits: { dossierLookup: { max: LOOKUPS, windowMs: 60_000 } },
    lookupChallenge: { misses: MISSES, work: 2000 },
    logLevel: 'silent',
    now: () => TEST_NOW,
    staticRoot: null,
    cdnRoot: null,
    validateResponses: true,
  };
  return createServer(options);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'motcua-two-'));
  const dbPath = await seededDatabaseAt(dir, 'motcua');
  redis = await sharedTestRedis();
  a = await instance(dbPath, redis.url);
  b = await instance(dbPath, redis.url);
});
after(async () => {
  await a?.close();
  await b?.close();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const lookup = (app: FastifyInstance, code: string, remoteAddress: string, solution?: string) =>
  app.inject({ url: `/v1/dossiers/${code}`, remoteAddress, headers: solution ? { 'altcha-solution': solution } : {} });

describe('two instances on one database and one Redis', () => {
  test("a client's lookups spread over both instances hit one limit", async () => {
    const ip = client(1);
    for (let i = 0; i < LOOKUPS; i++) expectBody(DossierView, await lookup(i % 2 ? b : a, PROCESSED, ip));
    const refused = expectProblem(await lookup(a, PROCESSED, ip), 429, 'rate_limited');
    assert.ok(Number(refused.retryAfter) > 0);
    expectProblem(await lookup(b, PROCESSED, ip), 429, 'rate_limited');
    // Another client still has its own allowance.
    expectBody(DossierView, await lookup(b, PROCESSED, client(2)));
  });

  test('the challenge starts after misses spread over both; a solution is accepted once, whichever instance sees it', async () => {
    const ip = client(3);
    for (let i = 0; i < MISSES; i++) expectProblem(await lookup(i % 2 ? b : a, UNKNOWN(i), ip), 404, 'dossier_not_found');
    expectProblem(await lookup(a, PROCESSED, ip), 403, 'challenge_required');
    // A challenge issued by one instance, solved, and used on the other.
    const challenge = expectBody(LookupChallenge, await a.inject({ url: '/v1/challenge', remoteAddress: client(4) }));
    const solved = await solveChallenge({ challenge, deriveKey, timeout: 30_000 });
    assert.ok(solved);
    const solution = encodeSolution(challenge, solved);
    expectBody(DossierView, await lookup(b, PROCESSED, ip, solution));
    const reused = expectProblem(await lookup(a, PROCESSED, ip, solution), 403, 'challenge_required');
    assert.match(reused.detail ?? '', /already used/);
  });

  test('a rating sent to both instances with the same Idempotency-Key is stored once', async () => {
    const total = async (app: FastifyInstance) =>
      expectBody(RatingSummary, await app.inject({ url: `/v1/ratings/summary?office=${CENTRE}`, remoteAddress: client(5) })).total;
    const before = await total(a);
    const key = `two-instances-${run}-${Date.now()}`;
    const send = (app: FastifyInstance) =>
      app.inject({
        method: 'POST',
        url: '/v1/ratings',
        headers: { 'idempotency-key': key },
        payload: { target: { type: 'office', id: CENTRE }, level: 'satisfied' },
        remoteAddress: client(5),
      });
    const [first, second] = await Promise.all([send(a), send(b)]);
    assert.deepEqual([first.statusCode, second.statusCode].sort(), [200, 201]);
    assert.equal(expectBody(RatingReceipt, first).id, expectBody(RatingReceipt, second).id);
    assert.equal(await total(a), before + 1);
    assert.equal(await total(b), before + 1);
  });

  test('a dossier ingested through both instances at the same moment is stored once, without a 5xx', async () => {
    // The one-stop system's retry reaching the second instance while the first still writes. Several rounds,
    // each with a code of its own, so that the two transactions overlap at least once.
    for (let round = 0; round < 8; round++) {
      const code = `000.00.20.H37-261116-${String(7000 + run * 10 + round).padStart(4, '0')}`;
      const dossier = { ...filings(1)[0], code };
      const send = (app: FastifyInstance) =>
        app.inject({ method: 'POST', url: '/v1/ingest/dossiers', headers: { authorization: `Bearer ${INGEST}` }, payload: dossier });
      const both = await Promise.all([send(a), send(b)]);
      assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 201], both.map((r) => r.body).join('\n'));
      const rows = [{ ...dossier, status: 4 }];
      const batches = await Promise.all([a, b].map((app) =>
        app.inject({ method: 'POST', url: '/v1/ingest/batch', headers: { authorization: `Bearer ${INGEST}` }, payload: rows })));
      assert.deepEqual(batches.map((r) => r.statusCode), [200, 200], batches.map((r) => r.body).join('\n'));
      const found = await a.inject({ url: `/v1/dossiers/${code}`, remoteAddress: client(20 + round) });
      assert.equal(found.statusCode, 200, found.body);
    }
  });

  test('batches sent to both instances at once, touching the same statistics in opposite orders, are all applied', async () => {
    // Each dossier adds to the statistics rows of its days; the two batches take those rows in opposite orders,
    // which deadlocks two PostgreSQL transactions until one of them is tried again.
    const day = (n: number) => `2026-11-${String(2 + (n % 20)).padStart(2, '0')}T08:15:00+07:00`;
    const rows = (first: number) =>
      Array.from({ length: 60 }, (_, i) => ({
        ...filings(1)[0],
        code: `000.00.20.H37-261117-${String(first + i).padStart(4, '0')}`,
        receivedAt: day(i),
        history: [{ at: day(i), action: 'Tiếp nhận hồ sơ', status: 2 }],
      }));
    for (let round = 0; round < 4; round++) {
      const first = 5000 + run * 10 + round * 200;
      const forwards = rows(first);
      const backwards = rows(first + 100).reverse();
      const send = (app: FastifyInstance, payload: unknown[]) =>
        app.inject({ method: 'POST', url: '/v1/ingest/batch', headers: { authorization: `Bearer ${INGEST}` }, payload });
      const both = await Promise.all([send(a, forwards), send(b, backwards)]);
      assert.deepEqual(both.map((r) => r.statusCode), [200, 200], both.map((r) => r.body.slice(0, 300)).join('\n'));
      for (const r of both) assert.equal((r.json() as { counts: { created: number } }).counts.created, 60);
    }
  });

  test('an office changed through one instance is served fresh, body and ETag, by the other', async () => {
    const url = `/v1/offices/${CENTRE}`;
    const old = await b.inject({ url, remoteAddress: client(6) });
    const office = expectBody(Office, old);
    const phone = office.phone === '0205 3999 111' ? '0205 3999 222' : '0205 3999 111';
    const row = { id: CENTRE, name: office.name, kind: office.kind, unit: office.unit.code, address: office.address, phone, hours: 'mon-fri 07:30-11:30 13:30-16:30' };
    const stored = await a.inject({ method: 'POST', url: '/v1/admin/offices', headers: { authorization: `Bearer ${ADMIN}` }, payload: [row] });
    assert.equal(stored.statusCode, 200, stored.body);
    const fresh = await b.inject({ url, remoteAddress: client(6), headers: { 'if-none-match': String(old.headers.etag) } });
    assert.equal(fresh.statusCode, 200, 'the old ETag no longer matches');
    assert.notEqual(fresh.headers.etag, old.headers.etag);
    assert.equal(expectBody(Office, fresh).phone, phone);
  });
});

describe('two instances: the search ranking follows filings ingested through either', () => {
  // A catalogue without demo dossiers, so that 20 filings decide the ranking (prior-filings.ts).
  let path: string;
  let one: FastifyInstance;
  let other: FastifyInstance;
  before(async () => {
    path = await seededDatabaseAt(dir, 'catalogue', null);
    one = await instance(path, redis.url);
    other = await instance(path, redis.url);
  });
  after(async () => {
    await one?.close();
    await other?.close();
  });

  const search = async (app: FastifyInstance, limit: number, cursor?: string) =>
    expectBody(ProcedurePage, await app.inject({ url: '/v1/procedures', query: { q: 'tách thửa', limit: String(limit), ...(cursor ? { cursor } : {}) } }));

  test('dossiers ingested through one instance re-rank the other; a cursor of one pages on the other, restarted or not', async () => {
    assert.equal(await kept(other), '1.012784');
    await batch(one, INGEST, filings(1));
    await keptBecomes(other, '1.115662', 'the instance that did not ingest');
    await keptBecomes(one, '1.115662', 'the instance that ingested');

    const whole = (await search(one, 50)).items.map((p) => p.code);
    const first = await search(one, 3);
    assert.deepEqual((await search(other, 3, first.nextCursor!)).items.map((p) => p.code), whole.slice(3, 6));
    // A rolling restart: an instance started after the ranking changed ranks alike and takes the same cursors.
    await other.close();
    other = await instance(path, redis.url);
    assert.deepEqual((await search(other, 3, first.nextCursor!)).items.map((p) => p.code), whole.slice(3, 6));
  });
});

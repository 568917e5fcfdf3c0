/**
 * Ratings: one per dossier, idempotent retries, honeypot, validation, durability, summaries and the
 * per-client rate limit.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { RatingReceipt, RatingSummary } from '@motcua/sdk';
import { createServer } from '../src/index.js';
import { TEST_NOW, closeDatabase, databaseAt, expectBody, expectProblem, queryRow, seededDatabaseAt, testServer } from './helpers.js';

const RETURNED = '000.00.20.H37-261005-0001'; // status 10
const REFUSED = '000.00.20.H37-261110-0001'; // status 3
const IN_PROGRESS = '000.00.20.H37-261123-0001'; // status 4
const CENTRE = 'trung-tam-pvhcc-tinh';

function rate(app: FastifyInstance, payload: unknown, key: string | null = `key-${Math.random().toString(36).slice(2)}`, remoteAddress?: string) {
  return app.inject({
    method: 'POST',
    url: '/v1/ratings',
    headers: key === null ? {} : { 'idempotency-key': key },
    payload: payload as Record<string, unknown>,
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

describe('POST /v1/ratings', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testServer({ rateLimits: { ratings: { max: 1000, windowMs: 60_000 } } });
  });
  after(() => app.close());

  test('records a rating once; a retry with the same key gets the same receipt', async () => {
    const body = { target: { type: 'dossier', code: RETURNED }, level: 'very_satisfied', indicators: { attitude: 2, online_service: 2 } };
    const first = await rate(app, body, 'retry-key-0001');
    assert.equal(first.statusCode, 201, first.body);
    const receipt = expectBody(RatingReceipt, first);
    assert.deepEqual(receipt.target, { type: 'dossier', code: RETURNED });
    assert.equal(receipt.level, 'very_satisfied');
    assert.match(receipt.createdAt, /^2026-11-28T10:00:00\+07:00$/);

    const replay = await rate(app, body, 'retry-key-0001');
    assert.equal(replay.statusCode, 200);
    assert.deepEqual(expectBody(RatingReceipt, replay), receipt);
  });

  test('the same key with a different body is a 422; a second rating of the dossier is a 409', async () => {
    const conflict = await rate(app, { target: { type: 'dossier', code: RETURNED }, level: 'satisfied' }, 'retry-key-0001');
    expectProblem(conflict, 422, 'idempotency_conflict');
    const second = await rate(app, { target: { type: 'dossier', code: RETURNED }, level: 'satisfied' }, 'another-key-0002');
    expectProblem(second, 409, 'rating_exists');
  });

  test('a code typed loosely still finds the dossier; a refused dossier may be rated, one in progress not yet', async () => {
    const loose = await rate(app, { target: { type: 'dossier', code: ' 000.00.20.h37-261110-0001 ' }, level: 'dissatisfied', comment: 'Không được báo trước.' });
    assert.equal(loose.statusCode, 201, loose.body);
    assert.deepEqual(expectBody(RatingReceipt, loose).target, { type: 'dossier', code: REFUSED });
    expectProblem(await rate(app, { target: { type: 'dossier', code: IN_PROGRESS }, level: 'satisfied' }), 409, 'conflict');
  });

  test('offices may be rated many times', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await rate(app, { target: { type: 'office', id: CENTRE }, level: 'satisfied' });
      assert.equal(res.statusCode, 201, res.body);
    }
  });

  test('unknown targets are 404s', async () => {
    expectProblem(await rate(app, { target: { type: 'dossier', code: '000.00.20.H37-261005-9999' }, level: 'satisfied' }), 404, 'dossier_not_found');
    expectProblem(await rate(app, { target: { type: 'office', id: 'no-such-office' }, level: 'satisfied' }), 404, 'not_found');
  });

  test('the honeypot rejects automated submissions', async () => {
    const problem = expectProblem(
      await rate(app, { target: { type: 'office', id: CENTRE }, level: 'satisfied', website: 'http://spam.example' }),
      400,
      'bad_request',
    );
    assert.doesNotMatch(problem.detail ?? '', /website/);
  });

  test('bad bodies and headers are 400s that name the problem', async () => {
    const missingKey = expectProblem(await rate(app, { target: { type: 'office', id: CENTRE }, level: 'satisfied' }, null), 400, 'validation_failed');
    assert.equal(missingKey.errors?.[0]?.path, 'headers.idempotency-key');
    const badKey = expectProblem(await rate(app, { target: { type: 'office', id: CENTRE }, level: 'satisfied' }, 'short'), 400, 'validation_failed');
    assert.equal(badKey.errors?.[0]?.path, 'headers.idempotency-key');

    const cases: [unknown, string][] = [
      [{ target: { type: 'office', id: CENTRE }, level: 'dissatisfied' }, 'body.comment'],
      [{ target: { type: 'office', id: CENTRE }, level: 'great' }, 'body.level'],
      [{ target: { type: 'person', id: 'x' }, level: 'satisfied' }, 'body.target.type'],
      [{ target: { type: 'office', id: CENTRE }, level: 'satisfied', comment: 'x'.repeat(1001) }, 'body.comment'],
      [{ target: { type: 'office', id: CENTRE }, level: 'satisfied', indicators: { attitude: 3 } }, 'body.indicators.attitude'],
      [[1, 2], 'body'],
    ];
    for (const [payload, path] of cases) {
      const problem = expectProblem(await rate(app, payload), 400, 'validation_failed');
      assert.equal(problem.errors?.[0]?.path, path, JSON.stringify(payload));
    }
  });

  test('wrong media type, broken JSON and oversized bodies are problems too', async () => {
    const text = await app.inject({ method: 'POST', url: '/v1/ratings', headers: { 'content-type': 'text/plain', 'idempotency-key': 'media-type-1' }, payload: 'satisfied' });
    expectProblem(text, 415, 'unsupported_media_type');
    const broken = await app.inject({ method: 'POST', url: '/v1/ratings', headers: { 'content-type': 'application/json', 'idempotency-key': 'broken-json-1' }, payload: '{"level":' });
    expectProblem(broken, 400, 'bad_request');
    const empty = await app.inject({ method: 'POST', url: '/v1/ratings', headers: { 'idempotency-key': 'no-body-0001' } });
    expectProblem(empty, 400, 'bad_request');
    const huge = await rate(app, { target: { type: 'office', id: CENTRE }, level: 'satisfied', comment: 'x'.repeat(20_000) });
    expectProblem(huge, 413, 'payload_too_large');
  });
});

describe('GET /v1/ratings/summary', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testServer();
  });
  after(() => app.close());

  test('counts the seeded ratings per level for the province over the last 12 months', async () => {
    const summary = expectBody(RatingSummary, await app.inject('/v1/ratings/summary'));
    assert.deepEqual(summary.scope, { type: 'province', code: '20', name: 'Tỉnh Lạng Sơn' });
    assert.deepEqual(summary.period, { from: '2025-12-01', to: '2026-11-28' });
    assert.equal(summary.total, summary.counts.very_satisfied + summary.counts.satisfied + summary.counts.dissatisfied);
    assert.ok(summary.total > 100);
    assert.ok(summary.satisfiedRate! > 0.8 && summary.satisfiedRate! < 1);
  });

  test('a new rating is counted in its office, its unit and the province', async () => {
    const before = expectBody(RatingSummary, await app.inject(`/v1/ratings/summary?office=${CENTRE}`));
    const province = expectBody(RatingSummary, await app.inject('/v1/ratings/summary'));
    assert.equal((await rate(app, { target: { type: 'office', id: CENTRE }, level: 'dissatisfied', comment: 'Chờ lâu.' })).statusCode, 201);
    const afterOffice = expectBody(RatingSummary, await app.inject(`/v1/ratings/summary?office=${CENTRE}`));
    assert.equal(afterOffice.counts.dissatisfied, before.counts.dissatisfied + 1);
    assert.equal(afterOffice.scope.type === 'office' && afterOffice.scope.name, 'Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn');
    const afterProvince = expectBody(RatingSummary, await app.inject('/v1/ratings/summary'));
    assert.equal(afterProvince.total, province.total + 1);
  });

  test('scope and period errors', async () => {
    const unit = expectBody(RatingSummary, await app.inject('/v1/ratings/summary?unit=06220&from=2026-01-01&to=2026-06-30'));
    assert.deepEqual(unit.scope, { type: 'unit', code: '06220', name: 'Xã Công Sơn' });
    const empty = expectBody(RatingSummary, await app.inject('/v1/ratings/summary?from=2020-01-01&to=2020-01-31'));
    assert.equal(empty.total, 0);
    assert.equal(empty.satisfiedRate, null);
    expectProblem(await app.inject('/v1/ratings/summary?office=nowhere'), 404, 'not_found');
    expectProblem(await app.inject('/v1/ratings/summary?unit=06223'), 404, 'not_found'); // a former unit
    expectProblem(await app.inject(`/v1/ratings/summary?unit=06220&office=${CENTRE}`), 400, 'validation_failed');
    expectProblem(await app.inject('/v1/ratings/summary?from=2026-06-01&to=2026-01-01'), 400, 'validation_failed');
    expectProblem(await app.inject('/v1/ratings/summary?from=2026-02-30'), 400, 'validation_failed');
    expectProblem(await app.inject('/v1/ratings/summary?from=2000-01-01&to=2026-01-01'), 400, 'validation_failed');
  });
});

describe('rating durability and rate limit', () => {
  test('a rating acknowledged with 201 is on disk: another connection reads it at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-ratings-'));
    try {
      // Start from the seeded template, written where the server opens it (a real file on SQLite).
      const file = await seededDatabaseAt(dir, 'ratings');
      const app = await createServer({ dbPath: file, logLevel: 'silent', now: () => TEST_NOW, staticRoot: null, cdnRoot: null });
      try {
        const res = await rate(app, { target: { type: 'office', id: CENTRE }, level: 'very_satisfied', comment: 'Nhanh gọn.' });
        assert.equal(res.statusCode, 201);
        const { id } = expectBody(RatingReceipt, res);
        const reader = await databaseAt(file);
        try {
          const row = await queryRow(reader, 'SELECT level, comment FROM ratings WHERE id = ?', id);
          assert.deepEqual(row, { level: 'very_satisfied', comment: 'Nhanh gọn.' });
        } finally {
          await closeDatabase(reader);
        }
      } finally {
        await app.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a client submitting too fast gets 429 with Retry-After', async () => {
    const app = await testServer({ rateLimits: { ratings: { max: 2, windowMs: 60_000 } } });
    try {
      for (let i = 0; i < 2; i++) {
        assert.equal((await rate(app, { target: { type: 'office', id: CENTRE }, level: 'satisfied' }, `limit-key-${i}-abcd`)).statusCode, 201);
      }
      const limited = await rate(app, { target: { type: 'office', id: CENTRE }, level: 'satisfied' }, 'limit-key-9-abcd');
      const problem = expectProblem(limited, 429, 'rate_limited');
      assert.ok(Number(limited.headers['retry-after']) > 0);
      assert.equal(problem.retryAfter, Number(limited.headers['retry-after']));
    } finally {
      await app.close();
    }
  });
});

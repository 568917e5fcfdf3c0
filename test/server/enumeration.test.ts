/**
 * Enumeration: one client walking sequential dossier codes over real HTTP is cut off with a 429
 * problem+json and Retry-After once it passes the configured per-client lookup limit (the default rule,
 * 30 a minute); a client at another address still gets answers.
 *
 *   node --conditions=source --import tsx --test test/server/enumeration.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { Problem } from '@motcua/sdk';
import { testServer } from '../../packages/server/test/helpers.js';

/**
 * The documented default (README: `--rate-lookup`, 30 a minute), written out rather than read from the
 * server's constant, so that raising the limit in code fails here instead of moving the test with it.
 */
const LIMIT = 30;
/** Documented demo dossiers are 000.00.20.H37-261005-0001 and neighbours; walk that day's sequence. */
const code = (sequence: number) => `000.00.20.H37-261005-${String(sequence).padStart(4, '0')}`;

describe('dossier code enumeration', () => {
  let app: FastifyInstance;
  let base: string;
  before(async () => {
    // trustProxy: the second client is told apart by X-Forwarded-For, as behind the production proxy.
    app = await testServer({ dossiers: 200, trustProxy: '127.0.0.1' });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => app.close());

  test(`after ${LIMIT} lookups one client gets 429 problem+json with Retry-After; another client does not`, async () => {
    const answered: number[] = [];
    for (let sequence = 1; sequence <= LIMIT; sequence++) {
      const response = await fetch(`${base}/v1/dossiers/${code(sequence)}`);
      answered.push(response.status);
      await response.arrayBuffer();
    }
    assert.ok(answered.every((s) => s === 200 || s === 404), `lookups within the limit: ${answered.join(' ')}`);
    assert.ok(answered.includes(200), 'the walk found at least one real dossier');

    for (let sequence = LIMIT + 1; sequence <= LIMIT + 5; sequence++) {
      const limited = await fetch(`${base}/v1/dossiers/${code(sequence)}`);
      assert.equal(limited.status, 429, `lookup ${sequence}`);
      assert.match(limited.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const problem = z.parse(Problem, await limited.json());
      assert.equal(problem.code, 'rate_limited');
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${retryAfter}`);
      assert.equal(problem.retryAfter, retryAfter);
    }
    // A real dossier is refused too: the limit is per client, not per unknown code.
    assert.equal((await fetch(`${base}/v1/dossiers/${code(1)}`)).status, 429);

    const other = await fetch(`${base}/v1/dossiers/${code(1)}`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    assert.equal(other.status, 200);
    // Other routes still answer the first client.
    assert.equal((await fetch(`${base}/v1/meta`)).status, 200);
  });
});

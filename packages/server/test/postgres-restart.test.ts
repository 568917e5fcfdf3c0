/**
 * PostgreSQL cutting the server's connections under traffic (as a restart or failover does): the requests
 * caught by it get 503 problem+json with Retry-After and no stack, none a 500, and the server answers again
 * by itself, on new connections, without a restart.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../src/index.js';
import { openPool } from '../src/db/postgres/pool.js';
import { TEST_NOW, expectProblem, seededPostgresDatabaseUrl } from './helpers.js';
import { databaseName, testDatabaseServer } from './postgres-support.js';

const CODES = ['000.00.20.H37-261005-0001', '000.00.20.H37-261110-0001', '000.00.20.H37-261123-0001'];

describe('PostgreSQL ending every connection of the server mid-traffic', () => {
  let app: FastifyInstance;
  let name: string;
  before(async () => {
    const url = await seededPostgresDatabaseUrl();
    name = databaseName(url);
    app = await createServer({
      dbPath: url, logLevel: 'silent', now: () => TEST_NOW, staticRoot: null, cdnRoot: null,
      rateLimits: { global: { max: 1_000_000, windowMs: 60_000 }, dossierLookup: { max: 1_000_000, windowMs: 60_000 } },
    });
  });
  after(() => app?.close());

  test('answers 503 with Retry-After while it lasts, never 500, then 200 again without a restart', async () => {
    const admin = openPool(testDatabaseServer());
    const statuses = new Map<number, number>();
    let unavailable: Awaited<ReturnType<FastifyInstance['inject']>> | undefined;
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const url = i % 2 ? `/v1/dossiers/${CODES[(n + i) % CODES.length]}` : '/v1/stats';
        const response = await app.inject(url);
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        if (response.statusCode === 503) unavailable ??= response;
      }
    };
    try {
      const clients = [0, 1, 2, 3, 4, 5].map(client);
      for (let round = 0; round < 5; round++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      }
      stop = true;
      await Promise.all(clients);
    } finally {
      await admin.end();
    }
    assert.deepEqual([...statuses.keys()].filter((s) => s !== 200 && s !== 503), [], `statuses: ${JSON.stringify([...statuses])}`);
    assert.ok(unavailable, `some requests were caught by the cut: ${JSON.stringify([...statuses])}`);
    expectProblem(unavailable, 503, 'unavailable');
    assert.equal(unavailable.headers['retry-after'], '5');
    assert.doesNotMatch(unavailable.body, /terminat|postgres|at .*\.(ts|js)/i);
    for (const code of CODES) assert.equal((await app.inject(`/v1/dossiers/${code}`)).statusCode, 200);
  });
});

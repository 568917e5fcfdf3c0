/**
 * PostgreSQL cutting the server's connections under traffic (as a restart or failover does): a read outside a
 * transaction that meets an ended connection runs again once on a new one, outside the pool; a write caught by
 * the cut gets 503 problem+json with Retry-After and no stack; none a 500; and right after the cuts every read
 * answers 200, without a restart (before the reads were sent again, one could still meet a dead idle connection).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../src/index.js';
import { openPool } from '../src/db/postgres/pool.js';
import { TEST_NOW, expectProblem, seededPostgresDatabaseUrl } from './helpers.js';
import { databaseName, testDatabaseServer } from './postgres-support.js';

const CODES = ['000.00.20.H37-261005-0001', '000.00.20.H37-261110-0001', '000.00.20.H37-261123-0001'];
const INGEST_KEY = 'restart-test-ingest-key-0123456789';

describe('PostgreSQL ending every connection of the server mid-traffic', () => {
  let app: FastifyInstance;
  let name: string;
  before(async () => {
    const url = await seededPostgresDatabaseUrl();
    name = databaseName(url);
    app = await createServer({
      dbPath: url, logLevel: 'silent', now: () => TEST_NOW, staticRoot: null, cdnRoot: null,
      rateLimits: {
        global: { max: 1_000_000, windowMs: 60_000 },
        dossierLookup: { max: 1_000_000, windowMs: 60_000 },
        ingest: { max: 1_000_000, windowMs: 60_000 },
      },
      ingestKeys: [INGEST_KEY],
    });
  });
  after(() => app?.close());

  test('reads are sent again on a new connection, writes caught by a cut answer 503 with Retry-After, never 500, then 200 again without a restart', async () => {
    const admin = openPool(testDatabaseServer());
    const reads = new Map<number, number>();
    const writes = new Map<number, number>();
    const count = (map: Map<number, number>, status: number) => map.set(status, (map.get(status) ?? 0) + 1);
    let unavailable: Awaited<ReturnType<FastifyInstance['inject']>> | undefined;
    let stop = false;
    const reader = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const url = i % 2 ? `/v1/dossiers/${CODES[(n + i) % CODES.length]}` : '/v1/stats';
        count(reads, (await app.inject(url)).statusCode);
      }
    };
    // A history event appended to a dossier: a transaction of a few statements, which a cut ends midway.
    const writer = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const response = await app.inject({
          method: 'POST',
          url: '/v1/ingest/batch',
          headers: { authorization: `Bearer ${INGEST_KEY}` },
          payload: [{ op: 'event', code: CODES[n]!, event: { at: new Date(Date.UTC(2026, 9, 6, 1, n, i % 60, i)).toISOString(), action: `Cập nhật ${n}.${i}`, status: 4 } }],
        });
        count(writes, response.statusCode);
        if (response.statusCode === 503) unavailable ??= response;
      }
    };
    try {
      // More readers than the pool's ten connections: a read sent again must not wait for one of them.
      const clients = [...Array.from({ length: 12 }, (_, n) => reader(n)), ...[0, 1].map(writer)];
      for (let round = 0; round < 5; round++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      }
      stop = true;
      await Promise.all(clients);
    } finally {
      await admin.end();
    }
    // A read sent again on a new connection can meet the next cut too: then it is a 503 like a write.
    for (const [kind, statuses] of [['reads', reads], ['writes', writes]] as const) {
      assert.deepEqual([...statuses.keys()].filter((s) => s !== 200 && s !== 503), [], `${kind}: ${JSON.stringify([...statuses])}`);
    }
    assert.ok(unavailable, `some writes were caught by a cut: ${JSON.stringify([...writes])}`);
    expectProblem(unavailable, 503, 'unavailable');
    assert.equal(unavailable.headers['retry-after'], '5');
    assert.doesNotMatch(unavailable.body, /terminat|postgres|at .*\.(ts|js)/i);
    for (const code of CODES) assert.equal((await app.inject(`/v1/dossiers/${code}`)).statusCode, 200);
  });
});

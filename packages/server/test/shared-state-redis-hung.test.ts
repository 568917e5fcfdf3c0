/**
 * A hung Redis (SIGSTOP: its connections open, nothing answered) under a running server. After the first
 * command that times out, catalogue reads stop waiting for it (they fail open at once), lookups and challenges
 * are refused at once (503 with Retry-After), and the health check says `degraded` with a 200; once Redis goes
 * on (SIGCONT) the same server serves everything again by itself. A real redis-server, paused and resumed.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DossierView } from '@motcua/sdk';
import { expectBody, expectSharedStateUnavailable, testServer } from './helpers.js';
import { startTestRedis, type TestRedis } from './redis-server.js';

const PROCESSED = '000.00.20.H37-261116-0001';
/** ioredis's command timeout in src/shared-state/redis.ts: what each request waited before the breaker. */
const COMMAND_TIMEOUT_MS = 500;

let redis: TestRedis;
let app: FastifyInstance;
before(async () => {
  redis = await startTestRedis();
  app = await testServer({ redisUrl: redis.url, lookupChallenge: { misses: 3, work: 2000 } });
});
after(async () => {
  await app?.close();
  await redis?.stop();
});

async function timed(url: string): Promise<{ res: LightMyRequestResponse; ms: number }> {
  const start = performance.now();
  const res = await app.inject(url);
  return { res, ms: performance.now() - start };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Ask `url` until `done` says so of its answer (10 s at most); the last answer. */
async function until(url: string, done: (res: LightMyRequestResponse) => boolean): Promise<LightMyRequestResponse> {
  const deadline = Date.now() + 10_000;
  let res = await app.inject(url);
  while (!done(res) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    res = await app.inject(url);
  }
  return res;
}

test('Redis hung: after the first timeout catalogue reads do not wait for it, lookups are refused at once; resumed: served again', async () => {
  assert.deepEqual((await app.inject('/healthz')).json(), { status: 'ok', database: 'ok', sharedState: 'ok' });
  expectBody(DossierView, await app.inject(`/v1/dossiers/${PROCESSED}`));

  redis.pause();
  try {
    // The first read waits the command timeout of its rate-limit counter, then goes on without it.
    const first = await timed('/v1/offices');
    assert.equal(first.res.statusCode, 200, first.res.body.slice(0, 200));
    assert.ok(first.ms >= COMMAND_TIMEOUT_MS * 0.9, `the first read met the hung Redis (${first.ms.toFixed(0)} ms)`);

    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const { res, ms } = await timed(i % 2 ? '/v1/offices' : '/v1/procedures?q=khai%20sinh');
      assert.equal(res.statusCode, 200, res.body.slice(0, 200));
      times.push(ms);
    }
    assert.ok(median(times) < COMMAND_TIMEOUT_MS / 2, `catalogue reads, median ${median(times).toFixed(0)} ms of ${times.map((t) => t.toFixed(0)).join(', ')}`);

    const lookup = await timed(`/v1/dossiers/${PROCESSED}`);
    expectSharedStateUnavailable(lookup.res);
    assert.ok(lookup.ms < COMMAND_TIMEOUT_MS / 2, `a lookup is refused at once (${lookup.ms.toFixed(0)} ms)`);
    expectSharedStateUnavailable(await app.inject('/v1/challenge'));

    const health = await app.inject('/healthz');
    assert.equal(health.statusCode, 200, 'a degraded instance still serves the catalogue: it stays in the load balancer');
    assert.deepEqual(health.json(), { status: 'degraded', database: 'ok', sharedState: 'unavailable' });
  } finally {
    redis.resume();
  }

  expectBody(DossierView, await until(`/v1/dossiers/${PROCESSED}`, (res) => res.statusCode === 200));
  assert.equal((await app.inject('/v1/challenge')).statusCode, 200);
  assert.deepEqual((await until('/healthz', (res) => res.json().status === 'ok')).json(), { status: 'ok', database: 'ok', sharedState: 'ok' });
});

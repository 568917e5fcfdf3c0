/**
 * Redis stopping under a running server: dossier lookups, challenges and ratings fail closed (503
 * problem+json with Retry-After, nothing of the internals), catalogue reads go on and the health check says
 * `degraded` (200); once Redis is back the same server answers lookups again, without a restart. A real redis-server, stopped and started.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { DossierView } from '@motcua/sdk';
import { ConfigError, loadConfig } from '../src/index.js';
import { expectBody, expectSharedStateUnavailable, testServer } from './helpers.js';
import { startTestRedis, type TestRedis } from './redis-server.js';

const PROCESSED = '000.00.20.H37-261116-0001';

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

test('Redis down: lookups, challenges and ratings are refused with 503, catalogue reads are served; back up: served again', async () => {
  expectBody(DossierView, await app.inject(`/v1/dossiers/${PROCESSED}`));
  assert.deepEqual((await app.inject('/healthz')).json(), { status: 'ok', database: 'ok', sharedState: 'ok' });
  await redis.stop();

  const health = await app.inject('/healthz');
  assert.equal(health.statusCode, 200, 'the catalogue is still served: the instance stays in the load balancer');
  assert.deepEqual(health.json(), { status: 'degraded', database: 'ok', sharedState: 'unavailable' });
  assert.doesNotMatch(health.body, /redis:|127\.0\.0\.1/);

  expectSharedStateUnavailable(await app.inject(`/v1/dossiers/${PROCESSED}`));
  expectSharedStateUnavailable(await app.inject('/v1/challenge'));
  expectSharedStateUnavailable(
    await app.inject({
      method: 'POST',
      url: '/v1/ratings',
      headers: { 'idempotency-key': 'redis-down-0001' },
      payload: { target: { type: 'office', id: 'trung-tam-pvhcc-tinh' }, level: 'satisfied' },
    }),
  );
  for (const url of ['/v1/procedures?q=khai%20sinh', '/v1/offices', '/v1/units/20', '/v1/meta']) {
    const res = await app.inject(url);
    assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 200)}`);
  }
  const missing = await app.inject('/v1/no-such-thing');
  assert.equal(missing.statusCode, 404, 'unknown paths are answered as before');

  await redis.start();
  const deadline = Date.now() + 10_000;
  let res = await app.inject(`/v1/dossiers/${PROCESSED}`);
  while (res.statusCode === 503 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    res = await app.inject(`/v1/dossiers/${PROCESSED}`);
  }
  expectBody(DossierView, res);
  assert.deepEqual((await app.inject('/healthz')).json(), { status: 'ok', database: 'ok', sharedState: 'ok' });
});

test('--redis and MOTCUA_REDIS take a redis:// or rediss:// URL; anything else is refused without echoing a password', () => {
  assert.equal(loadConfig({}, ['--redis', 'redis://10.0.0.5:6379']).redisUrl, 'redis://10.0.0.5:6379');
  assert.equal(loadConfig({ MOTCUA_REDIS: 'rediss://:pw@cache.example:6380/2' }, []).redisUrl, 'rediss://:pw@cache.example:6380/2');
  assert.equal(loadConfig({}, []).redisUrl, undefined);
  assert.throws(() => loadConfig({ MOTCUA_REDIS: 'http://user:secret@10.0.0.5' }, []), (error: Error) => {
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, /redis: expected a URL like redis:\/\/host:6379/);
    assert.doesNotMatch(error.message, /secret/);
    return true;
  });
});

test('a server whose Redis cannot be reached does not start, and says which one (password hidden)', async () => {
  await assert.rejects(testServer({ redisUrl: 'redis://:hunter2@127.0.0.1:1' }), (error: Error) => {
    assert.match(error.message, /Cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1/);
    assert.doesNotMatch(error.message, /hunter2/);
    return true;
  });
});

/**
 * Test support: the Redis of a test. The run's shared one (`MOTCUA_TEST_REDIS`, which `npm run test:node` sets
 * through test/support/test-services.mjs), or, for a test that stops Redis and starts it again on the same port
 * to see the server fail and recover, a redis-server of its own.
 */
import { startRedis, type TestService } from '../../../test/support/test-services.mjs';

export interface TestRedis extends TestService {
  /** Start it again on the same port, empty. */
  start(): Promise<void>;
}

/** The run's Redis (one of its own when the run has none). Keys are per client address: use addresses of your own. */
export function sharedTestRedis(): Promise<TestService> {
  return startRedis();
}

/** A redis-server of this test's own, which it may stop and start again. */
export async function startTestRedis(): Promise<TestRedis> {
  let server = await startRedis({ own: true });
  const port = server.port;
  return {
    url: server.url,
    stop: () => server.stop(),
    start: async () => {
      server = await startRedis({ own: true, ...(port !== undefined ? { port } : {}) });
    },
  };
}

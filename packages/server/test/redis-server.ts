/**
 * Test support: the Redis of a test. The run's shared one (`MOTCUA_TEST_REDIS`, which `npm run test:node` sets
 * through test/support/test-services.mjs), or, for a test that stops Redis and starts it again on the same port
 * to see the server fail and recover, a redis-server of its own.
 */
import { startRedis, type TestService } from '../../../test/support/test-services.mjs';

export interface TestRedis extends TestService {
  /** Start it again on the same port, empty. */
  start(): Promise<void>;
  /** Hang it (SIGSTOP): connections stay open and nothing is answered. */
  pause(): void;
  /** Let a paused server go on (SIGCONT). */
  resume(): void;
}

/** The run's Redis (one of its own when the run has none). Keys are per client address: use addresses of your own. */
export function sharedTestRedis(): Promise<TestService> {
  return startRedis();
}

/** A redis-server of this test's own, which it may stop and start again. */
export async function startTestRedis(): Promise<TestRedis> {
  let server = await startRedis({ own: true });
  const port = server.port;
  const signal = (name: NodeJS.Signals) => {
    if (server.pid === undefined) throw new Error('this Redis is not a process of the test');
    process.kill(server.pid, name);
  };
  return {
    url: server.url,
    stop: () => server.stop(),
    start: async () => {
      server = await startRedis({ own: true, ...(port !== undefined ? { port } : {}) });
    },
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
  };
}

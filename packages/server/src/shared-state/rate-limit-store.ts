/**
 * @fastify/rate-limit's own Redis store (its Lua script: INCR, PEXPIRE on the first hit), with its errors
 * turned into the 503 problem a request gets when its limit cannot be checked, at once while the breaker says
 * Redis is down. Routes whose limit fails open (`skipOnError`) never see that error.
 */
import { createRequire } from 'node:module';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sharedStateUnavailable, type Redis } from './redis.js';
import type { RedisBreaker } from './redis-breaker.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

interface PluginRedisStore {
  incr(key: string, callback: Callback, timeWindow: number, max: number): void;
  child(routeOptions: unknown): PluginRedisStore;
}

type PluginRedisStoreCtor = new (continueExceeding: boolean, exponentialBackoff: boolean, redis: Redis, key: string) => PluginRedisStore;

// Not in the package's typed entry, but shipped and documented as the store its `redis` option uses.
const RedisStore = createRequire(import.meta.url)('@fastify/rate-limit/store/RedisStore.js') as PluginRedisStoreCtor;

class ProblemOnErrorStore {
  readonly #inner: PluginRedisStore;
  readonly #breaker: RedisBreaker;

  constructor(inner: PluginRedisStore, breaker: RedisBreaker) {
    this.#inner = inner;
    this.#breaker = breaker;
  }

  incr(key: string, callback: Callback, timeWindow: number, max: number): void {
    const counted = () =>
      new Promise<{ current: number; ttl: number }>((resolve, reject) =>
        this.#inner.incr(key, (error, result) => (error ? reject(error) : resolve(result!)), timeWindow, max),
      );
    this.#breaker.run(counted).then(
      (result) => callback(null, result),
      () => callback(sharedStateUnavailable()),
    );
  }

  child(routeOptions: unknown): ProblemOnErrorStore {
    return new ProblemOnErrorStore(this.#inner.child(routeOptions), this.#breaker);
  }
}

/** The `store` option of @fastify/rate-limit: counters in `redis` under `prefix`. */
export function redisRateLimitStore(redis: Redis, breaker: RedisBreaker, prefix: string): FastifyRateLimitStoreCtor {
  return class extends ProblemOnErrorStore {
    constructor(options: { continueExceeding?: boolean; exponentialBackoff?: boolean }) {
      super(new RedisStore(options.continueExceeding ?? false, options.exponentialBackoff ?? false, redis, prefix), breaker);
    }
  } as unknown as FastifyRateLimitStoreCtor;
}

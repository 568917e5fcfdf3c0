/**
 * Small keyed state that expires: counters over a window and keys claimed once. In one process (an LRU
 * with per-entry expiry) or, for several instances, in Redis, where each operation is atomic (INCR with
 * PEXPIRE NX in one MULTI; SET NX PX). Operations on Redis reject while it is unreachable, at once while the
 * breaker says it is down.
 */
import { LRUCache } from 'lru-cache';
import type { Redis } from './redis.js';
import type { RedisBreaker } from './redis-breaker.js';

export interface StateStore {
  /** One more on `key`, whose count lasts `windowMs` from its first hit; the new count. */
  hit(key: string, windowMs: number): Promise<number>;
  /** The count of `key`: 0 when never hit or expired. */
  count(key: string): Promise<number>;
  /** Claim `key` for `ttlMs`: true the first time, false while an earlier claim lasts. */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
}

/** Most keys one process remembers; the least recently used are forgotten first past it. */
const MAX_ENTRIES = 200_000;

export function memoryStateStore(): StateStore {
  // Expiry by the system clock (Date.now), which altcha-lib and the tests' mocked clock also follow.
  const entries = new LRUCache<string, { count: number }>({ max: MAX_ENTRIES, perf: { now: () => Date.now() }, ttlResolution: 0 });
  return {
    hit: async (key, windowMs) => {
      const entry = entries.get(key);
      if (entry) return ++entry.count;
      entries.set(key, { count: 1 }, { ttl: windowMs });
      return 1;
    },
    count: async (key) => entries.get(key)?.count ?? 0,
    claimOnce: async (key, ttlMs) => {
      if (entries.has(key)) return false;
      entries.set(key, { count: 1 }, { ttl: ttlMs });
      return true;
    },
  };
}

/** Keys under `prefix` (e.g. `motcua:20:`: instances of another province on the same Redis keep apart). */
export function redisStateStore(redis: Redis, breaker: RedisBreaker, prefix: string): StateStore {
  return {
    hit: (key, windowMs) =>
      breaker.run(async () => {
        const results = await redis.multi().incr(prefix + key).pexpire(prefix + key, windowMs, 'NX').exec();
        const [error, count] = results?.[0] ?? [new Error('Redis MULTI was aborted'), null];
        if (error) throw error;
        return Number(count);
      }),
    count: (key) => breaker.run(async () => Number((await redis.get(prefix + key)) ?? 0)),
    claimOnce: (key, ttlMs) => breaker.run(async () => (await redis.set(prefix + key, '1', 'PX', ttlMs, 'NX')) === 'OK'),
  };
}

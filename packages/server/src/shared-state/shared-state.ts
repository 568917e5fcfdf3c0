/**
 * The state a server instance keeps besides its database: in this process, or, with a Redis URL, in Redis where
 * every instance of the province sees it. Keys and channels start with the deployment's prefix (by default
 * `motcua:<province>:`, so instances of several provinces can share one Redis).
 */
import type { Database } from '../db/database.js';
import type { FastifyInstance } from 'fastify';
import { shareFilingChanges } from './catalogue-notices.js';
import { connectRedis, type Redis } from './redis.js';
import { memoryStateStore, redisStateStore, type StateStore } from './state-store.js';

/** What the health check says of the shared state: `none` without Redis (it lives in this process). */
export type SharedStateHealth = 'ok' | 'unavailable' | 'none';

export interface SharedState {
  /** The connection (rate-limit counters use it), or null without Redis. */
  redis: Redis | null;
  /** Counters and claims (the lookup challenge's). */
  state: StateStore;
  /** Whether Redis answers a PING now. */
  health(): Promise<SharedStateHealth>;
}

/** Connect (when `redisUrl` is given) and follow the other instances' filings; all closed with `app`. */
export async function openSharedState(app: FastifyInstance, db: Database, redisUrl: string | undefined, prefix: string): Promise<SharedState> {
  if (!redisUrl) return { redis: null, state: memoryStateStore(), health: async () => 'none' };
  const redis = await connectRedis({ url: redisUrl, log: app.log });
  app.addHook('onClose', async () => redis.disconnect());
  const stopNotices = await shareFilingChanges(db, redis, `${prefix}catalogue`, app.log);
  app.addHook('onClose', async () => stopNotices());
  return {
    redis,
    state: redisStateStore(redis, `${prefix}state:`),
    health: () => redis.ping().then(
      (): SharedStateHealth => 'ok',
      (): SharedStateHealth => 'unavailable',
    ),
  };
}

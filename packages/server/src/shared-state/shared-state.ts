/**
 * The state a server instance keeps besides its database: in this process, or, with a Redis URL, in Redis where
 * every instance of the province sees it. Keys and channels start with the deployment's prefix (by default
 * `motcua:<province>:`, so instances of several provinces can share one Redis).
 */
import type { Database } from '../db/database.js';
import type { FastifyInstance } from 'fastify';
import { shareFilingChanges } from './catalogue-notices.js';
import { connectRedis, type Redis } from './redis.js';
import { redisBreaker, type RedisBreaker } from './redis-breaker.js';
import { memoryStateStore, redisStateStore, type StateStore } from './state-store.js';

/** What the health check says of the shared state: `none` without Redis (it lives in this process). */
export type SharedStateHealth = 'ok' | 'unavailable' | 'none';

export interface SharedState {
  /** The connection and whether it is worth asking (rate-limit counters use them), or null without Redis. */
  redis: { client: Redis; breaker: RedisBreaker } | null;
  /** Counters and claims (the lookup challenge's). */
  state: StateStore;
  /** Whether Redis answers a PING now (at once `unavailable` while the breaker says it is down). */
  health(): Promise<SharedStateHealth>;
}

/** Connect (when `redisUrl` is given) and follow the other instances' filings; all closed with `app`. */
export async function openSharedState(app: FastifyInstance, db: Database, redisUrl: string | undefined, prefix: string): Promise<SharedState> {
  if (!redisUrl) return { redis: null, state: memoryStateStore(), health: async () => 'none' };
  const client = await connectRedis({ url: redisUrl, log: app.log });
  const breaker = redisBreaker(client);
  app.addHook('onClose', async () => {
    breaker.close();
    client.disconnect();
  });
  const stopNotices = await shareFilingChanges(db, client, `${prefix}catalogue`, app.log);
  app.addHook('onClose', async () => stopNotices());
  return {
    redis: { client, breaker },
    state: redisStateStore(client, breaker, `${prefix}state:`),
    health: () => breaker.run(() => client.ping()).then(
      (): SharedStateHealth => 'ok',
      (): SharedStateHealth => 'unavailable',
    ),
  };
}

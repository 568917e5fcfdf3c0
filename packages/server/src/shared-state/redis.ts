/**
 * The Redis connection several server instances share (`--redis redis://…`): rate-limit counters, the
 * lookup challenge's misses and used solutions, and catalogue change notices. Commands fail at once while
 * Redis is unreachable (no offline queue, no retries, a short timeout) so that callers can decide, per use,
 * whether to refuse (503) or go on; the client reconnects by itself and the server recovers without a restart.
 */
import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import { ProblemError } from '../http/problem.js';

export type { Redis };

/** How long a command may wait for Redis before it counts as a failure (ms). */
const COMMAND_TIMEOUT_MS = 500;
/** Seconds a client is told to wait when a request needs Redis and Redis is down. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

/** The URL with its password replaced, for messages and logs. */
export function redactedRedisUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

export interface RedisOptions {
  url: string;
  log: FastifyBaseLogger;
  /** What log lines call this connection. */
  name?: string;
}

/**
 * Connect to Redis and wait until it answers: a wrong URL stops the start with a clear message. After
 * that, lost connections are logged once each (not once per retry) and retried for ever.
 */
export async function connectRedis({ url, log, name = 'redis' }: RedisOptions): Promise<Redis> {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  });
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    log.error({ err: { message: error.message } }, `${name}: ${redactedRedisUrl(url)} unreachable, retrying`);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    log.info(`${name}: ${redactedRedisUrl(url)} reachable again`);
  });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new Error(`Cannot reach Redis at ${redactedRedisUrl(url)}: ${(error as Error).message}`);
  }
  return client;
}

/** The 503 of a request refused because the state it must check is in Redis and Redis is down. */
export function sharedStateUnavailable(): ProblemError {
  return new ProblemError(503, 'unavailable', {
    detail: `The shared limits store is not reachable, so this request cannot be checked. Try again in ${UNAVAILABLE_RETRY_AFTER_S} s.`,
    retryAfter: UNAVAILABLE_RETRY_AFTER_S,
  });
}

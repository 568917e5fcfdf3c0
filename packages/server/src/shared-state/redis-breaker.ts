/**
 * Whether Redis is worth asking. A hung Redis (its connection open, nothing answered) would cost every request
 * that touches it the whole command timeout; so a command that gets no answer (timed out, or the connection not
 * ready) marks Redis down for a short period, during which callers are told at once, without sending anything:
 * fail-open callers go on, fail-closed callers answer 503. While down, a PING each period (or the client's
 * reconnection) finds out when Redis answers again. An error Redis answered with (a ReplyError) marks nothing.
 */
import { ReplyError } from 'ioredis';
import type { Redis } from 'ioredis';

/** How long Redis counts as down after a command got no answer (ms): about one probe a second. */
export const DOWN_FOR_MS = 1000;

export interface RedisBreaker {
  /** True unless a recent command got no answer or the connection is not ready. */
  readonly up: boolean;
  /** Note a failed command: one that got no answer marks Redis down. */
  failed(error: unknown): void;
  /** `command`'s answer; rejects at once while Redis is down. */
  run<T>(command: () => Promise<T>): Promise<T>;
  /** Stop probing (the connection is being closed). */
  close(): void;
}

/** The error `run` rejects with while Redis is down. */
export class RedisDown extends Error {
  override name = 'RedisDown';
  constructor() {
    super('Redis is marked down for a moment after a command got no answer');
  }
}

export function redisBreaker(client: Redis, downForMs = DOWN_FOR_MS): RedisBreaker {
  let probe: NodeJS.Timeout | null = null;
  let closed = false;

  const markUp = () => {
    if (probe) clearTimeout(probe);
    probe = null;
  };
  const markDown = () => {
    if (probe || closed) return;
    probe = setTimeout(() => {
      client.ping().then(markUp, () => {
        probe = null;
        markDown();
      });
    }, downForMs);
    probe.unref();
  };
  // After a real outage the reconnection says so before the next probe would.
  client.on('ready', markUp);

  const breaker: RedisBreaker = {
    get up() {
      return probe === null && client.status === 'ready';
    },
    failed(error) {
      if (!(error instanceof ReplyError)) markDown();
    },
    async run(command) {
      if (!breaker.up) throw new RedisDown();
      try {
        return await command();
      } catch (error) {
        breaker.failed(error);
        throw error;
      }
    },
    close() {
      closed = true;
      markUp();
      client.off('ready', markUp);
    },
  };
  return breaker;
}

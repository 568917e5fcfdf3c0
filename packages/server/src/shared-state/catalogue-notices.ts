/**
 * Catalogue change notices between instances on one database. Offices, calendars and procedures are read from
 * the database on each request, so only what an instance derives and keeps in memory needs telling: the search
 * ranking's prior, which follows the dossiers filed. An instance that ingests publishes a notice (one a second
 * at most, for a burst) on its province's channel; the others re-read their prior, as after their own ingests.
 * A notice missed while Redis was down is made up for when the subscription is back.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import type { FastifyBaseLogger } from 'fastify';
import { filingsChanged, onFilingsChanged } from '../db/search-index.js';
import type { Redis } from './redis.js';

/** At most one notice per this many ms: a batch ingest writes many dossiers in a row. */
const NOTICE_INTERVAL_MS = 1000;

/** Publish this instance's filings and follow the others'. Resolves once subscribed; close with the returned function. */
export async function shareFilingChanges(db: Database, redis: Redis, channel: string, log: FastifyBaseLogger): Promise<() => void> {
  const instance = randomUUID();
  const subscriber = redis.duplicate();
  let lost = false;
  subscriber.on('error', () => {
    lost = true;
  });
  subscriber.on('ready', () => {
    if (!lost) return;
    lost = false;
    filingsChanged(db, true);
  });
  subscriber.on('message', (_channel: string, message: string) => {
    if (message !== instance) filingsChanged(db, true);
  });
  await subscriber.connect();
  await subscriber.subscribe(channel);

  let pending: NodeJS.Timeout | null = null;
  onFilingsChanged(db, () => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      redis.publish(channel, instance).catch((error: Error) => log.warn({ err: { message: error.message } }, 'catalogue notice not sent'));
    }, NOTICE_INTERVAL_MS);
    pending.unref();
  });

  return () => {
    if (pending) clearTimeout(pending);
    subscriber.disconnect();
  };
}

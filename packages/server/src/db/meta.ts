/**
 * Key/value facts about the database itself: seeding markers, the province served, server secrets.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from './database.js';
import { one, run, sql } from './query.js';

/** Where first-start seeding records the province served (`{ code, name }` as JSON). */
export const PROVINCE_META_KEY = 'province';
/** Set (to the time) once the demonstration data has been seeded. */
export const DEMO_META_KEY = 'seeded:demo';

/** Read a meta value, or null when it was never set. */
export async function getMeta(db: Database, key: string): Promise<string | null> {
  const row = await one(db, sql<{ value: string }>`SELECT value FROM meta WHERE key = ${key}`);
  return row?.value ?? null;
}

/** Set a meta value (insert or replace). */
export async function setMeta(db: Database, key: string, value: string): Promise<void> {
  await run(db, sql`INSERT INTO meta (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
}

/**
 * A random 32-byte secret stored under `key`, created on first use. Used for cursor MACs and, unless
 * configured explicitly, for the keyed hashes of verification factors.
 */
export async function ensureSecret(db: Database, key: string): Promise<Buffer> {
  const existing = await getMeta(db, key);
  if (existing) return Buffer.from(existing, 'base64');
  const secret = randomBytes(32).toString('base64');
  await run(db, sql`INSERT INTO meta (key, value) VALUES (${key}, ${secret}) ON CONFLICT (key) DO NOTHING`);
  // Another connection may have won the race: read back what is stored.
  return Buffer.from((await getMeta(db, key))!, 'base64');
}

/**
 * Key/value facts about the database itself: seeding markers, the province served, server secrets.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { statement } from './statements.js';

/** Where first-start seeding records the province served (`{ code, name }` as JSON). */
export const PROVINCE_META_KEY = 'province';
/** Set (to the time) once the demonstration data has been seeded. */
export const DEMO_META_KEY = 'seeded:demo';

/** Read a meta value, or null when it was never set. */
export function getMeta(db: Database, key: string): string | null {
  const row = statement(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Set a meta value (insert or replace). */
export function setMeta(db: Database, key: string, value: string): void {
  statement(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
    .run(key, value);
}

/**
 * A random 32-byte secret stored under `key`, created on first use. Used for cursor MACs and, unless
 * configured explicitly, for the keyed hashes of verification factors.
 */
export function ensureSecret(db: Database, key: string): Buffer {
  const existing = getMeta(db, key);
  if (existing) return Buffer.from(existing, 'base64');
  const secret = randomBytes(32);
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(key, secret.toString('base64'));
  // Another connection may have won the race: read back what is stored.
  return Buffer.from(getMeta(db, key)!, 'base64');
}

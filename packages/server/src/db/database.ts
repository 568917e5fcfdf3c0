/**
 * Opening the SQLite database: file (created with its folder on first run) or `:memory:`, WAL journal,
 * `synchronous = FULL` so an acknowledged write (a rating, an ingest) is on disk, then migrations.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { migrate } from './migrations.js';

export type { Database } from 'better-sqlite3';

/** Path that keeps the database in memory (tests, throw-away demos). */
export const MEMORY_DB = ':memory:';

/**
 * A serialized database made usable in memory: an image of a WAL-mode file says "WAL" in its header
 * (bytes 18–19 = 2), which an in-memory database cannot honour, so the copy is marked rollback-journal.
 */
function inMemoryImage(image: Buffer): Buffer {
  if (image[18] !== 2 && image[19] !== 2) return image;
  const copy = Buffer.from(image);
  copy[18] = 1;
  copy[19] = 1;
  return copy;
}

/**
 * Open (creating if needed) and migrate the database at `path`, or an in-memory copy of a serialized
 * database (`db.serialize()`), which lets tests seed once and start many servers from the copy.
 *
 * @example const db = openDatabase('./var/motcua.db');
 * @example const db = openDatabase(':memory:');
 */
export function openDatabase(path: string | Buffer): Database {
  const inMemory = typeof path !== 'string' || path === MEMORY_DB || path === '';
  if (typeof path === 'string' && !inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new BetterSqlite3(typeof path === 'string' ? (inMemory ? MEMORY_DB : path) : inMemoryImage(path));
  try {
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -32000');
    db.pragma('temp_store = MEMORY');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

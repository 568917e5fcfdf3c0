/**
 * SQLite prepared statements, compiled once per connection and reused: every query after the first skips
 * SQLite's parser (the Kysely dialect of database.ts asks here for each query; seeding's bulk paths too).
 */
import type { Database, Statement } from 'better-sqlite3';

const cache = new WeakMap<Database, Map<string, Statement>>();

/** The prepared statement for `sql` on `db`, compiled on first use. */
export function statement(db: Database, sql: string): Statement {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  let stmt = byText.get(sql);
  if (!stmt) byText.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

/** `INSERT INTO table (columns) VALUES (?, …)`, one placeholder per column of the comma-separated `columns`. */
export function insertText(table: string, columns: string): string {
  return `INSERT INTO ${table} (${columns}) VALUES (${columns.split(',').map(() => '?').join(', ')})`;
}

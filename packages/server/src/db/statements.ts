/**
 * Prepared statements, compiled once per database connection and reused: modules stay plain functions
 * over a `Database` while every query after the first skips SQLite's parser.
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

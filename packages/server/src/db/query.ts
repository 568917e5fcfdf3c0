/**
 * Running the storage layer's SQL: `sql` templates (values bound as parameters, never spliced into the text) in
 * SQL that SQLite and PostgreSQL both run. These three helpers read the rows, the first row, or how many rows a
 * statement changed.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Database } from './database.js';

export { sql };

/** Every row `query` answers. */
export async function all<T>(db: Database, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

/** The first row `query` answers, or undefined. */
export async function one<T>(db: Database, query: RawBuilder<T>): Promise<T | undefined> {
  return (await query.execute(db)).rows[0];
}

/** Run a statement; returns how many rows it inserted, changed or deleted. */
export async function run(db: Database, query: RawBuilder<unknown>): Promise<number> {
  return Number((await query.execute(db)).numAffectedRows ?? 0n);
}

/**
 * Bulk insertion through the query builder, inside any transaction (the statistics rebuild, which also runs
 * outside a seed, and the statistics deltas of dossier writes): rows gathered into multi-row INSERTs, one round
 * trip per batch instead of one per row, written in order as the batches fill. A seed loads its tables through
 * db/bulk-load.ts instead (COPY on PostgreSQL).
 */
import type { RawBuilder } from 'kysely';
import type { Database } from './database.js';
import { run, sql } from './query.js';

/** Rows per statement: at 30 columns or fewer, under both engines' limits (PostgreSQL 65,535 parameters, SQLite 32,766). */
const ROWS_PER_STATEMENT = 1000;
/** What is left at a flush is written in statements of these sizes only, largest first (see {@link statementSizes}). */
const REST_SIZES = [256, 64, 16, 4, 1];

/**
 * The rows per statement that write `rows` rows: full statements, then the rest in a few fixed sizes. Each
 * statement text is prepared and kept per connection (statements.ts; on PostgreSQL also one of a limited number
 * of names, named-statements.ts), so a table gets six texts at most instead of one for every count from 1 to 999.
 */
export function statementSizes(rows: number): number[] {
  const sizes: number[] = [];
  let left = rows;
  for (const size of [ROWS_PER_STATEMENT, ...REST_SIZES]) {
    for (; left >= size; left -= size) sizes.push(size);
  }
  return sizes;
}

export interface BatchInserter {
  /** Queue one row (values in the order of the columns); written when its batch is full. */
  add: (values: readonly unknown[]) => void;
  /** Write what is queued and wait for every batch; rejects with the first failure. */
  flush: () => Promise<void>;
}

/**
 * A batch inserter into `table (columns)`, on `db` (the caller's transaction); `onConflict` (an `ON CONFLICT …`
 * clause) ends each statement, for upserts. Rows of one statement must not share a conflict key.
 */
export function batchInserter(db: Database, table: string, columns: string, onConflict?: RawBuilder<unknown>): BatchInserter {
  const pending: (readonly unknown[])[] = [];
  let written: Promise<void> = Promise.resolve();
  const write = (rows: (readonly unknown[])[]) => {
    const statement = sql`INSERT INTO ${sql.raw(table)} (${sql.raw(columns)}) VALUES ${sql.join(rows.map((r) => sql`(${sql.join(r)})`))} ${onConflict ?? sql.raw('')}`;
    written = written.then(() => run(db, statement).then(() => undefined));
    // Failures surface in flush(); until then, keep them from counting as unhandled.
    written.catch(() => {});
  };
  return {
    add: (values) => {
      pending.push(values);
      if (pending.length >= ROWS_PER_STATEMENT) write(pending.splice(0));
    },
    flush: async () => {
      for (const size of statementSizes(pending.length)) write(pending.splice(0, size));
      await written;
    },
  };
}

/**
 * Bulk loading (the demonstration seed, the national-size benchmark): one transaction in which tables are
 * filled the engine's fastest way. SQLite: a prepared INSERT per row on its one connection, no query builder.
 * PostgreSQL: `COPY … FROM STDIN` on the transaction's own connection, streamed with backpressure, so ten million
 * dossiers load in constant memory.
 */
import { postgresTransaction, sqliteHandle, transaction, type Database } from './database.js';
import { copyWriter, type CopyValue } from './postgres/copy.js';
import { insertText, statement } from './statements.js';

export interface BulkTable {
  /** Store one row (values in the order of the columns); await it: it waits while the engine is behind. */
  add: (values: readonly unknown[]) => void | Promise<void>;
  /** Store what is queued; the table is done. Until then, on PostgreSQL, no other query may run. */
  end: () => Promise<void>;
}

/** Opens a bulk table: `columns` comma-separated, as in an INSERT. One open at a time. */
export type OpenBulkTable = (table: string, columns: string) => BulkTable;

/**
 * Run `work` in one transaction with a way to bulk-load tables in it: committed when it resolves, rolled back
 * (with every bulk-loaded row) when it throws.
 *
 * @example await bulkTransaction(db, async (trx, open) => { const t = open('meta', 'key, value'); await t.add(['k', 'v']); await t.end(); });
 */
export async function bulkTransaction<T>(db: Database, work: (trx: Database, open: OpenBulkTable) => Promise<T>): Promise<T> {
  const sqlite = sqliteHandle(db);
  if (sqlite) {
    const tables = oneAtATime((table, columns) => {
      const insert = statement(sqlite, insertText(table, columns));
      return { add: (values) => void insert.run(values), end: async () => {}, abort: async () => {} };
    });
    return transaction(db, (trx) => work(trx, tables.open));
  }
  return postgresTransaction(db, async (trx, client) => {
    const tables = oneAtATime((table, columns) => {
      const copy = copyWriter(client, table, columns.split(',').map((c) => c.trim()));
      return { add: (values) => copy.add(values as readonly CopyValue[]), end: async () => void (await copy.end()), abort: copy.abort };
    });
    try {
      return await work(trx, tables.open);
    } catch (error) {
      // The rollback is a query on the same connection: it would wait for ever behind an open COPY.
      await tables.abortOpen(error as Error);
      throw error;
    }
  });
}

type EngineTable = BulkTable & { abort: (reason: Error) => Promise<void> };

/**
 * The rule of a COPY, kept on both engines so that code which loads on SQLite loads on PostgreSQL too: a table
 * is ended before the next one opens. `abortOpen` cancels the table still open, if any.
 */
function oneAtATime(openOnEngine: (table: string, columns: string) => EngineTable) {
  let current: { name: string; table: EngineTable } | null = null;
  const open: OpenBulkTable = (name, columns) => {
    if (current) throw new Error(`The bulk table ${current.name} is still open: end it before opening ${name}.`);
    const table = openOnEngine(name, columns);
    current = { name, table };
    return {
      add: table.add,
      end: async () => {
        current = null;
        await table.end();
      },
    };
  };
  const abortOpen = async (reason: Error) => {
    const open = current;
    current = null;
    await open?.table.abort(reason);
  };
  return { open, abortOpen };
}

/**
 * The storage handle and its opener. Every module of `db/` is plain async functions over a `Database`: a Kysely
 * instance, so the same functions run on any engine Kysely speaks. The engine is chosen by the location:
 * SQLite (the embedded default) for a file path or `:memory:`, opened here with its pragmas and migrations.
 * A second engine adds a branch to `openDatabase` and its own migrations; the rest of `db/` does not change.
 *
 * SQLite: file (created with its folder on first run) or `:memory:`, WAL journal, `synchronous = FULL` so an
 * acknowledged write (a rating, an ingest) is on disk. Kysely's SQLite driver runs one query at a time on the
 * one connection and holds it for a transaction, which keeps transactions atomic under concurrent requests.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { migrate } from './migrations.js';
import { namedStatementPool } from './postgres/named-statements.js';
import { openPostgres as openPostgresPool, postgresDatabaseExists } from './postgres/open.js';
import { isPostgresUrl, type Pool } from './postgres/pool.js';
import type { PoolClient } from 'pg';
import { statement } from './statements.js';

/**
 * The tables as Kysely sees them. Queries are written as `sql` templates (db/query.ts) in SQL that both
 * engines run, so no table types are declared here.
 */
export type Tables = Record<string, never>;

/** A database, or a transaction on it: what every storage function takes. */
export type Database = Kysely<Tables>;

/** Path that keeps the database in memory (tests, throw-away demos). */
export const MEMORY_DB = ':memory:';

/** Which engine a database runs on. */
export type Engine = 'sqlite' | 'postgres';

const sqliteHandles = new WeakMap<Database, BetterSqlite3.Database>();
const postgresPools = new WeakMap<Database, Pool>();
const closed = new WeakSet<Database>();
/** The database each open transaction runs on (caches and engine handles are kept per database). */
const roots = new WeakMap<Database, Database>();

/** The database `db` is, or runs its transaction on. */
export function rootOf(db: Database): Database {
  return roots.get(db) ?? db;
}

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

function openSqlite(path: string | Buffer): BetterSqlite3.Database {
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

/**
 * Open (creating if needed) and migrate the database at `location`: a SQLite file path, `:memory:`, or an
 * in-memory copy of a serialized SQLite database (`serializeDatabase`), which lets tests seed once and start
 * many servers from the copy.
 *
 * @example const db = await openDatabase('./var/motcua.db');
 * @example const db = await openDatabase(':memory:');
 */
export async function openDatabase(location: string | Buffer): Promise<Database> {
  if (typeof location === 'string' && isPostgresUrl(location)) return openPostgres(location);
  const sqlite = openSqlite(location);
  // Statements are compiled once per connection and reused (db/statements.ts): the driver asks for one per query.
  const database = { prepare: (text: string) => statement(sqlite, text), close: () => sqlite.close() };
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
  sqliteHandles.set(db, sqlite);
  return db;
}

/** PostgreSQL at `url`: a pool, the database created if missing and migrated before the first query is served. */
async function openPostgres(url: string): Promise<Database> {
  const pool = await openPostgresPool(url);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: namedStatementPool(pool) }) });
  postgresPools.set(db, pool);
  return db;
}

/** Whether a database exists at `location` (a SQLite file, a PostgreSQL database), without creating it. */
export async function databaseExists(location: string): Promise<boolean> {
  if (isPostgresUrl(location)) return postgresDatabaseExists(location);
  return location !== MEMORY_DB && location !== '' && existsSync(location);
}

/** Close a database (idempotent). Queries on it fail afterwards. */
export async function closeDatabase(db: Database): Promise<void> {
  if (closed.has(db)) return;
  closed.add(db);
  await db.destroy();
}

/** Resolves when the database answers a query (the health check), rejects otherwise. */
export async function isReachable(db: Database): Promise<void> {
  await sql`SELECT 1`.execute(db);
}

/** Whether `db` was closed. */
export function isClosed(db: Database): boolean {
  return closed.has(rootOf(db));
}

/** The engine `db` (or the database of a transaction on it) runs on. */
export function engineOf(db: Database): Engine {
  if (sqliteHandles.has(rootOf(db))) return 'sqlite';
  if (postgresPools.has(rootOf(db))) return 'postgres';
  throw new Error('Not a database opened by openDatabase.');
}

/**
 * Run `work` in a transaction: committed when it resolves, rolled back when it throws. Inside a transaction
 * already, `work` runs in it (the outer transaction decides), so storage functions that are atomic on their
 * own compose into a larger atomic step. A transaction that met a concurrent one (see {@link retryOnConflict})
 * runs again, so `work` must not count anything outside the database before it resolves.
 */
export async function transaction<T>(db: Database, work: (trx: Database) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return retryOnConflict(() =>
    db.transaction().execute(async (trx) => {
      roots.set(trx, rootOf(db));
      return work(trx);
    }),
  );
}

/**
 * PostgreSQL's answers for two transactions that got in each other's way, where doing it again succeeds: a
 * unique key a concurrent transaction took first (23505), a deadlock (40P01), a serialization failure (40001).
 * SQLite serialises writers and never gives them.
 */
const CONFLICTS = new Set(['23505', '40P01', '40001']);

function isConflict(error: unknown): boolean {
  return CONFLICTS.has((error as { code?: unknown } | null)?.code as string);
}

/**
 * Run `attempt`, a whole transaction, again (three tries in all, a few milliseconds apart) when it failed on a
 * conflict with a concurrent transaction: two instances given the same rating or dossier at the same moment both
 * read "not there yet" and the second insert meets the first's key; two batches touching the same statistics
 * rows in another order deadlock. The next try reads what the other committed and answers as an update or a
 * replay.
 */
async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (tries === 3 || !isConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8 * tries));
    }
  }
}

let savepoints = 0;

/**
 * Run `work` inside the caller's transaction so that, when it throws, only its own writes are undone (the
 * transaction goes on). Resolves with what `work` returned, rejects with what it threw. Around dossier writes,
 * use db/stats.ts `savepointWithStats`, which undoes their held statistics too.
 */
export async function savepoint<T>(trx: Database, work: () => Promise<T>): Promise<T> {
  const name = sql.raw(`step_${++savepoints}`);
  await sql`SAVEPOINT ${name}`.execute(trx);
  try {
    const result = await work();
    await sql`RELEASE SAVEPOINT ${name}`.execute(trx);
    return result;
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(trx);
    await sql`RELEASE SAVEPOINT ${name}`.execute(trx);
    throw error;
  }
}

/**
 * The better-sqlite3 connection under a SQLite database, for the few paths that have a faster engine-specific
 * form (bulk seeding, copying a database); null on another engine.
 */
export function sqliteHandle(db: Database): BetterSqlite3.Database | null {
  return sqliteHandles.get(rootOf(db)) ?? null;
}

/** The pool under a PostgreSQL database (bulk loading through COPY); null on another engine. */
export function postgresPool(db: Database): Pool | null {
  return postgresPools.get(rootOf(db)) ?? null;
}

/**
 * Run `work` in a transaction on PostgreSQL with the transaction's own connection at hand, for what the query
 * builder cannot send (COPY). Queries through `trx` and through `client` run in the same transaction, one after
 * the other: `work` must not start a query while a COPY on `client` is open.
 */
export async function postgresTransaction<T>(db: Database, work: (trx: Database, client: PoolClient) => Promise<T>): Promise<T> {
  const pool = postgresPool(db);
  if (!pool || db.isTransaction) throw new Error('postgresTransaction takes a PostgreSQL database, not a transaction on one.');
  const client = await pool.connect();
  // A Kysely whose only connection is `client`: its transaction is the one `client` runs.
  const single = new Kysely<Tables>({
    dialect: new PostgresDialect({ pool: { connect: async () => ({ query: client.query.bind(client), release: () => {} }), end: async () => {} } as never }),
  });
  try {
    return await single.transaction().execute(async (trx) => {
      roots.set(trx, rootOf(db));
      return work(trx, client);
    });
  } finally {
    await single.destroy();
    client.release();
  }
}

/** The bytes of a SQLite database (a copy that `openDatabase` opens in memory). */
export function serializeDatabase(db: Database): Buffer {
  const sqlite = sqliteHandle(db);
  if (!sqlite) throw new Error('Only a SQLite database can be serialized.');
  return sqlite.serialize();
}

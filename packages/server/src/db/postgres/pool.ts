/**
 * Connecting to PostgreSQL (node-postgres): a pool per server instance, configured by URL
 * (`postgres://user:password@host:port/database`), whose counts come back as JavaScript numbers like SQLite's.
 */
import pg from 'pg';
import type { CustomTypesConfig } from 'pg';

export type { Pool } from 'pg';

/** Whether a `--db` / `MOTCUA_DB` value names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text);
}

/** A database location fit for messages and logs: a PostgreSQL URL's password replaced by ***. */
export function withoutPassword(location: string): string {
  return isPostgresUrl(location) ? location.replace(/^([a-z]+:\/\/[^:/@]*:)[^/]*@/i, '$1***@') : location;
}

const INT8 = 20;
const NUMERIC = 1700;

/**
 * bigint (ids, `count(*)`) and numeric (`sum` of bigint) arrive as numbers, not strings: every figure they hold
 * (ids, counts of a national year) is far below 2^53.
 */
const numbers: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? Number : pg.types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};

export interface PoolOptions {
  /** Connections kept at most (default 10). */
  max?: number;
  /** Told about a connection that failed between queries (the server restarted, a backend was ended). */
  onIdleError?: (error: Error) => void;
}

/**
 * A pool over the database at `url`. Nothing connects until the first query.
 *
 * @example const pool = openPool('postgres://motcua@127.0.0.1/motcua');
 */
export function openPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types: numbers,
    application_name: 'motcua-server',
  });
  // A connection the database closes (restart, pg_terminate_backend) emits an error: in the pool (idle) or on the
  // client checked out between two queries. Unheard, either would end the process; heard, the next query on that
  // client fails (a 503) and the pool replaces it.
  pool.on('error', (error) => options.onIdleError?.(error));
  pool.on('connect', (client) => client.on('error', (error) => options.onIdleError?.(error)));
  return pool;
}

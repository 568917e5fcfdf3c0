/**
 * Test support for PostgreSQL, on the server at `MOTCUA_TEST_DB` (which `test/support/test-services.mjs`
 * starts for `npm run test:node`): databases of the test's own, made empty, from a seeded template (a file
 * copy on the server, the PostgreSQL counterpart of SQLite's serialized image) or as a dump of another.
 * With `MOTCUA_TEST_ENGINE=postgres` the test helpers hand these out instead of SQLite databases.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { openPool, type Pool } from '../src/db/postgres/pool.js';

/** The engine the suite runs on. */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.MOTCUA_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** The server the PostgreSQL tests use; missing, the test fails and says how to get one. */
export function testDatabaseServer(): string {
  const url = process.env.MOTCUA_TEST_DB;
  if (!url) {
    throw new Error(
      'MOTCUA_TEST_DB is not set: run through `node test/support/test-services.mjs <command>` (as `npm run test:node` ' +
        'does; it needs Debian\'s postgresql package) or set MOTCUA_TEST_DB=postgres://… (a role that may create databases)',
    );
  }
  return url;
}

/** The URL of database `name` on the test server. */
export function databaseUrl(name: string): string {
  const url = new URL(testDatabaseServer());
  url.pathname = `/${name}`;
  return url.href;
}

/** The database name in a URL of {@link databaseUrl}. */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

let counter = 0;

/** A database name of this process, unused so far (PostgreSQL names: at most 63 bytes, here [a-z0-9_]). */
export function newDatabaseName(label = 'db'): string {
  return `t${process.pid}_${++counter}_${label.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`.slice(0, 63);
}

/** The database name a (folder, name) pair always maps to, for tests that name a location twice. */
export function stableDatabaseName(dir: string, name: string): string {
  const hash = createHash('sha256').update(dir).digest('hex').slice(0, 10);
  return `t${process.pid}_${hash}_${name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`.slice(0, 63);
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseServer() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Create database `name`, empty or as a copy of `template` (which nothing may be connected to). */
export async function createDatabase(name: string, template?: string): Promise<string> {
  await onServer((c) => c.query(`CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ''}`));
  return databaseUrl(name);
}

/** Whether database `name` exists on the test server. */
export async function databaseExistsNamed(name: string): Promise<boolean> {
  return onServer(async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
}

/** Drop database `name`, closing what is still connected to it. */
export async function dropDatabase(name: string): Promise<void> {
  await onServer((c) => c.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`));
}

const run = promisify(execFile);

/** A new database holding what database `source` holds now (pg_dump into it; `source` may stay open). */
export async function copyDatabaseNamed(source: string): Promise<string> {
  const name = newDatabaseName('copy');
  const url = await createDatabase(name);
  const bin = process.env.MOTCUA_PG_BIN ?? '/usr/lib/postgresql/15/bin';
  const dump = `${bin}/pg_dump --no-owner --no-privileges '${databaseUrl(source)}'`;
  await run('bash', ['-o', 'pipefail', '-c', `${dump} | ${bin}/psql -q -v ON_ERROR_STOP=1 '${url}' >/dev/null`]);
  return url;
}

export interface TestDatabase {
  url: string;
  pool: Pool;
  /** Close the pool and drop the database. */
  drop: () => Promise<void>;
}

/** A new, empty database on the test server, with a pool over it. */
export async function freshPostgresDatabase(): Promise<TestDatabase> {
  const name = `motcua_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(name);
  const pool = openPool(url);
  return {
    url,
    pool,
    drop: async () => {
      await pool.end();
      await dropDatabase(name);
    },
  };
}

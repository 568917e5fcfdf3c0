/**
 * Test support for PostgreSQL: a fresh, empty database per call on the server at `MOTCUA_TEST_DB` (which
 * `test/support/test-services.mjs` starts for `npm run test:node`), dropped when the test is done.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPool, type Pool } from '../src/db/postgres/pool.js';

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

export interface TestDatabase {
  url: string;
  pool: Pool;
  /** Close the pool and drop the database. */
  drop: () => Promise<void>;
}

/** A new, empty database on the test server, with a pool over it. */
export async function freshPostgresDatabase(): Promise<TestDatabase> {
  const server = testDatabaseServer();
  const name = `motcua_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  const pool = openPool(url.href);
  return {
    url: url.href,
    pool,
    drop: async () => {
      await pool.end();
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

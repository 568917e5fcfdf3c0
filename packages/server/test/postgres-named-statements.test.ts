/**
 * On PostgreSQL a query the server repeats is parsed and planned once per connection, not at every request:
 * a lookup runs as a named statement (pg_prepared_statements counts its executions), while parameterless
 * statements and texts past the cap of named ones stay unnamed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Kysely, PostgresDialect } from 'kysely';
import { openDatabase, type Database } from '../src/db/database.js';
import { lookupDossier } from '../src/db/dossiers.js';
import { namedStatementPool } from '../src/db/postgres/named-statements.js';
import { openPool, type Pool } from '../src/db/postgres/pool.js';
import { sql } from '../src/db/query.js';
import { closeDatabase, seededPostgresDatabaseUrl } from './helpers.js';
import { databaseName, dropDatabase, testDatabaseServer } from './postgres-support.js';

interface Prepared {
  statement: string;
  executions: number;
}

describe('named statements on PostgreSQL', () => {
  let url: string;
  let db: Database;
  before(async () => {
    url = await seededPostgresDatabaseUrl();
    db = await openDatabase(url);
  });
  after(async () => {
    await closeDatabase(db);
    await dropDatabase(databaseName(url));
  });

  test('a lookup is prepared once on its connection and executed again from there', async () => {
    const codes = (await sql<{ code: string }>`SELECT code FROM dossiers ORDER BY code LIMIT 3`.execute(db)).rows.map((r) => r.code);
    assert.equal(codes.length, 3);
    // One transaction: one connection, whose prepared statements pg_prepared_statements lists.
    const prepared = await db.transaction().execute(async (trx) => {
      for (const code of codes) assert.equal((await lookupDossier(trx, code))?.view.code, code);
      const { rows } = await sql<Prepared>`SELECT statement, (generic_plans + custom_plans)::int AS executions
        FROM pg_prepared_statements WHERE statement LIKE '%FROM dossiers d LEFT JOIN offices o%'`.execute(trx);
      return rows;
    });
    assert.equal(prepared.length, 1, JSON.stringify(prepared));
    assert.equal(prepared[0]!.executions, 3);
  });

  test('a read that meets an ended connection is sent again outside a transaction, never inside one', async () => {
    // One connection, so that the read after the cut gets the very connection that was ended.
    const pool: Pool = openPool(url, { max: 1 });
    const kysely = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool: namedStatementPool(pool) }) });
    const admin = openPool(testDatabaseServer(), { max: 1 });
    const pid = async (on: Kysely<Record<string, never>>) => (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(on)).rows[0]!.pid;
    const cut = async (backend: number) => {
      await admin.query('SELECT pg_terminate_backend($1)', [backend]);
      while ((await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [backend])).rowCount) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const read = (on: Kysely<Record<string, never>>) => sql<{ n: number }>`SELECT ${7}::int AS n`.execute(on);
    try {
      await cut(await pid(kysely));
      assert.equal((await read(kysely)).rows[0]!.n, 7, 'sent again on a connection of its own');
      // Inside a transaction the same read fails with it: sent elsewhere, it would run outside the transaction
      // (this is also what keeps the wrapper's reading of how Kysely begins and ends transactions honest).
      let inside: string | undefined;
      await assert.rejects(
        kysely.transaction().execute(async (trx) => {
          await cut(await pid(trx));
          inside = await read(trx).then(() => 'answered', (error: Error) => error.message);
        }),
      );
      assert.match(String(inside), /terminat|Connection terminated|not queryable/i);
      assert.equal((await read(kysely)).rows[0]!.n, 7, 'and the pool works again after');
    } finally {
      await kysely.destroy();
      await admin.end();
    }
  });

  test('parameterless statements and texts past the cap are not named', async () => {
    const pool: Pool = openPool(url, { max: 1 });
    const named = namedStatementPool(pool, 1);
    const client = await named.connect();
    try {
      await client.query('SELECT $1::int AS n', [1]);
      await client.query('SELECT $1::int + 1 AS n', [1]);
      await client.query('SELECT 2 AS n', []);
      const { rows } = await client.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements', []);
      assert.deepEqual(rows.map((r) => r.statement), ['SELECT $1::int AS n']);
    } finally {
      client.release();
      await pool.end();
    }
  });
});

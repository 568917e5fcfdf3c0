/**
 * The database out of reach is a 503 with Retry-After, never a 500 or a stack: PostgreSQL restarting or
 * cutting a connection, no PostgreSQL listening, SQLite locked by another process. Other database errors stay
 * 500s. On SQLite the server answers again as soon as the lock is released, without a restart.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as listen } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { createServer } from '../src/index.js';
import { toProblemError } from '../src/http/errors.js';
import { openPool } from '../src/db/postgres/pool.js';
import { TEST_NOW, expectProblem, seededTemplate } from './helpers.js';
import { testDatabaseServer } from './postgres-support.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the query to fail');
}

function sqliteError(work: () => void): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  assert.fail('expected the statement to fail');
}

async function unusedPort(): Promise<number> {
  const server = listen();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('database errors as problems', () => {
  test('PostgreSQL ending the connection (restart, pg_terminate_backend) is a 503 with Retry-After', async () => {
    const pool = openPool(testDatabaseServer());
    try {
      const error = await rejection(pool.query('SELECT pg_terminate_backend(pg_backend_pid())'));
      assert.equal((error as { code?: string }).code, '57P01');
      const problem = toProblemError(error);
      assert.equal(problem.statusCode, 503);
      assert.equal(problem.code, 'unavailable');
      assert.equal(problem.retryAfter, 5);
      // The pool replaced the connection it lost: the next query is answered.
      assert.deepEqual((await pool.query('SELECT 1 AS one')).rows, [{ one: 1 }]);
    } finally {
      await pool.end();
    }
  });

  test('a connection ended while checked out between two queries fails its next query (503), not the process', async () => {
    const pool = openPool(testDatabaseServer());
    const admin = openPool(testDatabaseServer());
    try {
      const client = await pool.connect();
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the termination notice reaches the idle client
      assert.equal(toProblemError(await rejection(client.query('SELECT 1'))).statusCode, 503);
      client.release();
      assert.deepEqual((await pool.query('SELECT 1 AS one')).rows, [{ one: 1 }]);
    } finally {
      await pool.end();
      await admin.end();
    }
  });

  test('no PostgreSQL listening is a 503', async () => {
    const pool = openPool(`postgres://motcua@127.0.0.1:${await unusedPort()}/motcua`);
    try {
      assert.equal(toProblemError(await rejection(pool.query('SELECT 1'))).statusCode, 503);
    } finally {
      await pool.end();
    }
  });

  test('SQLite locked by another process is a 503; a statement PostgreSQL or SQLite refuses stays a 500', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-busy-'));
    const file = join(dir, 'busy.db');
    const holder = new BetterSqlite3(file);
    const waiter = new BetterSqlite3(file, { timeout: 0 });
    const pool = openPool(testDatabaseServer());
    try {
      holder.exec('CREATE TABLE t (x INTEGER NOT NULL); BEGIN IMMEDIATE; INSERT INTO t VALUES (1)');
      const busy = sqliteError(() => waiter.exec('INSERT INTO t VALUES (2)'));
      assert.equal((busy as { code?: string }).code, 'SQLITE_BUSY');
      assert.equal(toProblemError(busy).statusCode, 503);
      holder.exec('ROLLBACK');
      assert.equal(toProblemError(sqliteError(() => waiter.exec('INSERT INTO t VALUES (NULL)'))).statusCode, 500);
      assert.equal(toProblemError(await rejection(pool.query('SELEC 1'))).statusCode, 500);
    } finally {
      holder.close();
      waiter.close();
      await pool.end();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a server whose SQLite file another process holds locked', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-locked-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('answers a write 503 with Retry-After and no stack, then serves it once the lock is released', async () => {
    // A SQLite file whichever engine the rest of the suite runs on: this is SQLite's own failure.
    const dbPath = join(dir, 'locked.db');
    writeFileSync(dbPath, await seededTemplate());
    const app = await createServer({ dbPath, logLevel: 'silent', now: () => TEST_NOW, staticRoot: null, cdnRoot: null });
    const other = new BetterSqlite3(dbPath);
    try {
      const rating = (key: string) =>
        app.inject({
          method: 'POST',
          url: '/v1/ratings',
          headers: { 'idempotency-key': key },
          payload: { target: { type: 'dossier', code: '000.00.20.H37-261005-0001' }, level: 'satisfied' },
        });
      other.exec('BEGIN IMMEDIATE; DELETE FROM idempotency_keys');
      const refused = await rating('locked-key-0001'); // waits out the server's busy timeout (5 s)
      const problem = expectProblem(refused, 503, 'unavailable');
      assert.equal(refused.headers['retry-after'], '5');
      assert.equal(problem.retryAfter, 5);
      assert.doesNotMatch(refused.body, /SQLITE|at .*\.ts|stack/i);
      other.exec('ROLLBACK');
      const served = await rating('locked-key-0001');
      assert.equal(served.statusCode, 201, served.body);
    } finally {
      other.close();
      await app.close();
    }
  });
});

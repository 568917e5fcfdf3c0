/**
 * Bulk loading (db/bulk-load.ts), on the engine under test: rows and queries of one transaction commit together;
 * a failure in the middle of a table (PostgreSQL: inside an open COPY) rolls everything back, and the database
 * answers the next query instead of waiting behind the unfinished COPY.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bulkTransaction } from '../src/db/bulk-load.js';
import type { Database } from '../src/db/database.js';
import { closeDatabase, execute, freshDatabase, queryRows } from './helpers.js';

let db: Database;
before(async () => (db = await freshDatabase()));
after(() => closeDatabase(db));

const count = async () => Number((await queryRows<{ n: number }>(db, 'SELECT count(*) AS n FROM meta'))[0]!.n);

test('rows and queries of the transaction commit together, over many chunks', async () => {
  await bulkTransaction(db, async (trx, open) => {
    const table = open('meta', 'key, value');
    for (let i = 0; i < 5000; i++) await table.add([`bulk-${String(i).padStart(4, '0')}`, `Đăng ký "khai sinh", lần ${i}`]);
    await table.end();
    await execute(trx, 'INSERT INTO meta (key, value) VALUES (?, ?)', 'after-bulk', 'x');
  });
  assert.equal(await count(), 5001);
  const [row] = await queryRows<{ value: string }>(db, "SELECT value FROM meta WHERE key = 'bulk-4999'");
  assert.equal(row!.value, 'Đăng ký "khai sinh", lần 4999');
  await execute(db, 'DELETE FROM meta');
});

test('a failure while a table is open rolls back every row and leaves the database usable', async () => {
  await assert.rejects(
    bulkTransaction(db, async (trx, open) => {
      await execute(trx, 'INSERT INTO meta (key, value) VALUES (?, ?)', 'before-bulk', 'x');
      const table = open('meta', 'key, value');
      for (let i = 0; i < 2000; i++) await table.add([`bulk-${i}`, 'v']);
      throw new Error('generator failed');
    }),
    /generator failed/,
  );
  assert.equal(await count(), 0);
});

test('a row the schema refuses fails the load and stores nothing', async () => {
  await assert.rejects(
    bulkTransaction(db, async (_trx, open) => {
      const table = open('meta', 'key, value');
      await table.add(['same', 'a']);
      await table.add(['same', 'b']);
      await table.end();
    }),
    /unique|duplicate/i,
  );
  assert.equal(await count(), 0);
});

test('one table at a time', async () => {
  await assert.rejects(
    bulkTransaction(db, async (_trx, open) => {
      open('meta', 'key, value');
      open('meta', 'key, value');
    }),
    /still open/,
  );
  assert.equal(await count(), 0);
});

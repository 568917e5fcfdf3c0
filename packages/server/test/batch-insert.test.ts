/**
 * Multi-row inserts through the query builder (db/batch-insert.ts), on the engine under test: every row written
 * once, upserts adding to what is stored, and statements of a few fixed sizes only (each text is prepared and kept
 * per connection, so the sizes must not follow every batch's row count).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { batchInserter, statementSizes } from '../src/db/batch-insert.js';
import { transaction, type Database } from '../src/db/database.js';
import { closeDatabase, execute, freshDatabase, queryRows } from './helpers.js';

let db: Database;
before(async () => (db = await freshDatabase()));
after(() => closeDatabase(db));

test('the rows of any count are written in statements of six sizes at most', () => {
  const used = new Set<number>();
  for (let rows = 0; rows <= 3000; rows++) {
    const sizes = statementSizes(rows);
    assert.equal(sizes.reduce((a, b) => a + b, 0), rows);
    for (const size of sizes) used.add(size);
  }
  assert.deepEqual([...used].sort((a, b) => b - a), [1000, 256, 64, 16, 4, 1]);
  assert.deepEqual(statementSizes(999), [256, 256, 256, 64, 64, 64, 16, 16, 4, 1, 1, 1]);
});

test('every row is stored once, whatever the count; an upsert adds to the stored row', async () => {
  for (const rows of [1, 5, 999, 1000, 1337]) {
    await transaction(db, async (trx) => {
      const insert = batchInserter(trx, 'procedure_filings', 'procedure_code, filings');
      for (let i = 0; i < rows; i++) insert.add([`p.${String(i).padStart(5, '0')}`, i]);
      await insert.flush();
    });
    const stored = await queryRows<{ n: number; total: number }>(db, 'SELECT count(*) AS n, sum(filings) AS total FROM procedure_filings');
    assert.deepEqual(stored.map((r) => [Number(r.n), Number(r.total)]), [[rows, (rows * (rows - 1)) / 2]], `${rows} rows`);
    await execute(db, 'DELETE FROM procedure_filings');
  }
  const upsert = sql.raw('ON CONFLICT (procedure_code) DO UPDATE SET filings = procedure_filings.filings + excluded.filings');
  for (let round = 0; round < 2; round++) {
    await transaction(db, async (trx) => {
      const insert = batchInserter(trx, 'procedure_filings', 'procedure_code, filings', upsert);
      for (let i = 0; i < 300; i++) insert.add([`p.${i}`, 1]);
      await insert.flush();
    });
  }
  const [row] = await queryRows<{ n: number; min: number; max: number }>(db, 'SELECT count(*) AS n, min(filings) AS min, max(filings) AS max FROM procedure_filings');
  assert.deepEqual([Number(row!.n), Number(row!.min), Number(row!.max)], [300, 2, 2]);
});

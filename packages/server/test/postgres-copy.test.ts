/**
 * Bulk loading through COPY: every value comes back as it went in (quotes, commas, line breaks, backslashes,
 * Vietnamese text, empty text apart from null, bytes), across many chunks, and a bad row stores nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { copyRows } from '../src/db/postgres/copy.js';
import { migratePostgres } from '../src/db/postgres/migrate.js';
import { freshPostgresDatabase, type TestDatabase } from './postgres-support.js';

describe('COPY into PostgreSQL', () => {
  let database: TestDatabase;
  before(async () => {
    database = await freshPostgresDatabase();
    await migratePostgres(database.pool);
  });
  after(() => database?.drop());

  test('awkward values come back as they went in', async () => {
    const values = ['', '"quoted", with a comma', 'line\nbreak\r\nand tab\t', 'back\\slash \\. \\N', 'Đăng ký khai sinh – ủy quyền', 'NULL'];
    const client = await database.pool.connect();
    try {
      const stored = await copyRows(client, 'meta', ['key', 'value'], values.map((v, i) => [`k${i}`, v]));
      assert.equal(stored, values.length);
    } finally {
      client.release();
    }
    const { rows } = await database.pool.query('SELECT value FROM meta ORDER BY key');
    assert.deepEqual(rows.map((r) => r.value), values);
  });

  test('numbers, nulls and bytes, over many chunks', async () => {
    const columns = ['code', 'procedure_code', 'procedure_name', 'status', 'received_at', 'appointment_at', 'applicant_masked',
      'phone_hash', 'id_hash', 'history', 'received_day', 'settled', 'on_time', 'updated_at'];
    const count = 20_000;
    const row = (i: number) => [`D-${String(i).padStart(6, '0')}`, '1.001193', 'Đăng ký "khai" sinh', i % 11, '2026-11-28T08:00:00+07:00',
      i % 2 ? null : '2026-11-30T16:00:00+07:00', 'Ng*** V** A', Buffer.from([i % 256, 0, 255]), null, `[{"at":"x","n":${i}}]`,
      '2026-11-28', i % 2, 0, 'now'];
    const client = await database.pool.connect();
    try {
      const rows = (function* () {
        for (let i = 0; i < count; i++) yield row(i);
      })();
      assert.equal(await copyRows(client, 'dossiers', columns, rows), count);
    } finally {
      client.release();
    }
    const { rows } = await database.pool.query(`SELECT ${columns.join(', ')} FROM dossiers ORDER BY code`);
    assert.equal(rows.length, count);
    for (const i of [0, 1, 255, 256, 12_345, count - 1]) assert.deepEqual(Object.values(rows[i]!), row(i));
  });

  test('a row the schema refuses stores nothing of the batch', async () => {
    const client = await database.pool.connect();
    try {
      const rows = [['a1', 'x', 'dossier', '', '', 'satisfied', 't', 'd'], ['a2', 'x', 'commune', '', '', 'satisfied', 't', 'd']];
      await assert.rejects(
        copyRows(client, 'ratings', ['id', 'dossier_code', 'target_type', 'unit_key', 'office_key', 'level', 'created_at', 'created_day'], rows),
        /check constraint/,
      );
    } finally {
      client.release();
    }
    assert.deepEqual((await database.pool.query('SELECT count(*) AS n FROM ratings')).rows, [{ n: 0 }]);
  });
});

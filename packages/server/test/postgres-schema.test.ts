/**
 * PostgreSQL's schema is SQLite's: the same tables, views, columns, keys and indexes from the one list of
 * migrations, the same rows read back, and migrations that several instances may run at once; a database not
 * there yet is created on first start.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { MIGRATIONS, migrate } from '../src/db/migrations.js';
import { migratePostgres } from '../src/db/postgres/migrate.js';
import { openPostgres } from '../src/db/postgres/open.js';
import { openPool, type Pool } from '../src/db/postgres/pool.js';
import { freshPostgresDatabase, testDatabaseServer, type TestDatabase } from './postgres-support.js';

interface Column {
  name: string;
  type: string;
  notNull: boolean;
}

interface Schema {
  tables: Record<string, { columns: Column[]; primaryKey: string[] }>;
  views: Record<string, string[]>;
  /** `table(columns)`, with `unique`, `partial` and the name of an index made by CREATE INDEX. */
  indexes: string[];
}

/** The full-text index differs by engine: FTS5's virtual table (hidden rowid) against a table with its id and lexemes. */
const FTS_TABLE = 'procedure_search';
const FTS_SHADOWS = /^procedure_search_(data|idx|content|docsize|config)$/;

const TYPES: Record<string, string> = { TEXT: 'text', INTEGER: 'integer', BLOB: 'bytes', text: 'text', integer: 'integer', bigint: 'integer', bytea: 'bytes' };

function sqliteSchema(db: Database): Schema {
  const schema: Schema = { tables: {}, views: {}, indexes: [] };
  const objects = db.prepare("SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string;
    type: string;
  }[];
  for (const { name, type } of objects) {
    if (FTS_SHADOWS.test(name)) continue;
    const info = db.prepare(`PRAGMA table_info(${name})`).all() as { name: string; type: string; notnull: number; pk: number }[];
    if (type === 'view') {
      schema.views[name] = info.map((c) => c.name);
      continue;
    }
    schema.tables[name] = {
      columns: info.map((c) => ({ name: c.name, type: TYPES[c.type] ?? c.type, notNull: c.notnull === 1 || c.pk > 0 })),
      primaryKey: info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
    };
    const indexes = db.prepare(`PRAGMA index_list(${name})`).all() as { name: string; unique: number; origin: string; partial: number }[];
    for (const index of indexes) {
      if (index.origin === 'pk') continue;
      const columns = (db.prepare(`PRAGMA index_info(${index.name})`).all() as { name: string }[]).map((c) => c.name);
      schema.indexes.push(indexText(name, columns, index.unique === 1, index.partial === 1, index.origin === 'c' ? index.name : null));
    }
  }
  schema.indexes.sort();
  return schema;
}

function indexText(table: string, columns: string[], unique: boolean, partial: boolean, name: string | null): string {
  return `${table}(${columns.join(', ')})${unique ? ' unique' : ''}${partial ? ' partial' : ''}${name ? ` ${name}` : ''}`;
}

async function postgresSchema(pool: Pool): Promise<Schema> {
  const schema: Schema = { tables: {}, views: {}, indexes: [] };
  const objects = await pool.query<{ name: string; type: string }>(
    `SELECT table_name AS name, table_type AS type FROM information_schema.tables
      WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY table_name`,
  );
  const columns = await pool.query<{ table: string; name: string; type: string; nullable: string }>(
    `SELECT table_name AS table, column_name AS name, data_type AS type, is_nullable AS nullable
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const keys = await pool.query<{ table: string; columns: string[] }>(
    `SELECT t.relname AS table, array_agg(a.attname ORDER BY k.ord)::text[] AS columns
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
       CROSS JOIN unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE c.contype = 'p' AND t.relnamespace = 'public'::regnamespace GROUP BY t.relname`,
  );
  for (const { name, type } of objects.rows) {
    const own = columns.rows.filter((c) => c.table === name);
    if (type === 'VIEW') {
      schema.views[name] = own.map((c) => c.name);
      continue;
    }
    schema.tables[name] = {
      columns: own.map((c) => ({ name: c.name, type: TYPES[c.type] ?? c.type, notNull: c.nullable === 'NO' })),
      primaryKey: keys.rows.find((k) => k.table === name)?.columns ?? [],
    };
  }
  const indexes = await pool.query<{ table: string; name: string; columns: string[]; unique: boolean; partial: boolean; constraint: boolean }>(
    `SELECT t.relname AS table, ic.relname AS name, i.indisunique AS unique, i.indpred IS NOT NULL AS partial,
            EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype = 'u') AS constraint,
            array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE t.relnamespace = 'public'::regnamespace AND NOT i.indisprimary AND t.relname <> 'schema_migrations'`,
  );
  for (const i of indexes.rows) schema.indexes.push(indexText(i.table, i.columns, i.unique, i.partial, i.constraint ? null : i.name));
  schema.indexes.sort();
  return schema;
}

describe('PostgreSQL schema', () => {
  let database: TestDatabase;
  let sqlite: Database;
  before(async () => {
    database = await freshPostgresDatabase();
    // The SQLite side straight from its migrations, without the storage layer over it.
    sqlite = new BetterSqlite3(':memory:');
    migrate(sqlite);
  });
  after(async () => {
    sqlite?.close();
    await database?.drop();
  });

  test('migrating a new database reaches the latest version; migrating again changes nothing', async () => {
    const latest = MIGRATIONS.at(-1)!.version;
    assert.equal(await migratePostgres(database.pool), latest);
    assert.equal(await migratePostgres(database.pool), latest);
    const { rows } = await database.pool.query('SELECT version, name FROM schema_migrations ORDER BY version');
    assert.deepEqual(rows, MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });

  test('the same tables, columns, types, keys, views and indexes as SQLite', async () => {
    const mine = await postgresSchema(database.pool);
    const theirs = sqliteSchema(sqlite);
    // The one declared difference, the full-text index: its id column (SQLite's hidden rowid), its lexemes and their index.
    const fts = mine.tables[FTS_TABLE]!;
    assert.deepEqual(fts.columns.map((c) => c.name), ['id', ...theirs.tables[FTS_TABLE]!.columns.map((c) => c.name), 'words']);
    assert.deepEqual(fts.primaryKey, ['id']);
    delete mine.tables[FTS_TABLE];
    delete theirs.tables[FTS_TABLE];
    mine.indexes = mine.indexes.filter((i) => i !== 'procedure_search(words) procedure_search_words');

    assert.deepEqual(Object.keys(mine.tables).sort(), Object.keys(theirs.tables).sort());
    for (const [name, table] of Object.entries(theirs.tables)) assert.deepEqual(mine.tables[name], table, name);
    assert.deepEqual(mine.views, theirs.views);
    assert.deepEqual(mine.indexes, theirs.indexes);
  });

  test('the same rows read back, and the same statistics events, month and year ends included', async () => {
    const columns = ['code', 'procedure_code', 'procedure_name', 'status', 'received_at', 'appointment_at', 'applicant_masked',
      'phone_hash', 'history', 'received_day', 'appointment_day', 'closed_day', 'settled', 'on_time', 'updated_at', 'unit_code'];
    const row = (code: string, status: number, received: string, appointment: string | null, closed: string | null, onTime: number) => [
      code, '1.001193', 'Đăng ký khai sinh', status, `${received}T08:00:00+07:00`, appointment && `${appointment}T16:00:00+07:00`,
      'Ng*** V** A', Buffer.from([0, 255, 7]), '[]', received, appointment, closed, closed ? 1 : 0, onTime, '2026-11-28T03:00:00.000Z',
      code.endsWith('1') ? null : '06052',
    ];
    const rows = [
      row('A-1', 4, '2026-12-30', '2026-12-31', null, 0), // overdue from 2027-01-01
      row('A-2', 10, '2024-02-27', '2024-02-28', '2024-03-01', 0), // leap day
      row('A-3', 10, '2026-11-27', '2026-11-30', '2026-11-28', 1),
      row('A-4', 2, '2026-11-28', null, null, 0),
    ];
    const insertSqlite = sqlite.prepare(`INSERT INTO dossiers (${columns}) VALUES (${columns.map(() => '?')})`);
    for (const r of rows) insertSqlite.run(r);
    for (const r of rows) {
      await database.pool.query(`INSERT INTO dossiers (${columns}) VALUES (${columns.map((_, i) => `$${i + 1}`)})`, r);
    }
    const read = 'SELECT * FROM dossiers ORDER BY code';
    const events = 'SELECT * FROM dossier_stat_events ORDER BY dossier_id, day, open_delta, overdue_delta';
    assert.deepEqual((await database.pool.query(read)).rows, sqlite.prepare(read).all());
    const expected = sqlite.prepare(events).all() as { day: string }[];
    assert.ok(expected.some((e) => e.day === '2027-01-01') && expected.some((e) => e.day === '2024-02-29'));
    assert.deepEqual((await database.pool.query(events)).rows, expected);
  });

  test('the same checks refuse the same rows', async () => {
    const bad = "INSERT INTO ratings (id, target_type, unit_key, office_key, level, created_at, created_day) VALUES ('r1', 'commune', '', '', 'satisfied', 'x', 'x')";
    assert.throws(() => sqlite.exec(bad), /CHECK constraint failed/);
    await assert.rejects(database.pool.query(bad), /violates check constraint/);
  });
});

describe('PostgreSQL migrations', () => {
  test('several instances starting at once on a new database: one migrates, the others find it done', async () => {
    const database = await freshPostgresDatabase();
    try {
      const versions = await Promise.all([1, 2, 3].map(() => migratePostgres(database.pool)));
      assert.deepEqual(versions, [3, 3, 3].map(() => MIGRATIONS.at(-1)!.version));
      const { rows } = await database.pool.query('SELECT count(*) AS n FROM schema_migrations');
      assert.deepEqual(rows, [{ n: MIGRATIONS.length }]);
    } finally {
      await database.drop();
    }
  });

  test('a database from a newer server is refused rather than misread', async () => {
    const database = await freshPostgresDatabase();
    try {
      await migratePostgres(database.pool);
      await database.pool.query("INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')");
      await assert.rejects(migratePostgres(database.pool), /newer than this server/);
    } finally {
      await database.drop();
    }
  });

  test('a failed migration leaves the database at the version before it', async () => {
    const database = await freshPostgresDatabase();
    try {
      const broken = [...MIGRATIONS, { version: 99, name: 'broken', sql: '', postgres: 'CREATE TABLE extra (x integer); SELECT nonsense' }];
      await assert.rejects(migratePostgres(database.pool, broken), /migration 99 \(broken\) failed/);
      const { rows } = await database.pool.query("SELECT max(version) AS version, to_regclass('extra') AS extra FROM schema_migrations");
      assert.deepEqual(rows, [{ version: MIGRATIONS.at(-1)!.version, extra: null }]);
    } finally {
      await database.drop();
    }
  });
});

describe('opening a PostgreSQL database', () => {
  test('a database that does not exist yet is created and migrated, as SQLite creates its file', async () => {
    const url = new URL(testDatabaseServer());
    const name = `motcua_test_${process.pid}_created`;
    url.pathname = `/${name}`;
    const pool = await openPostgres(url.href);
    try {
      const { rows } = await pool.query('SELECT current_database() AS name, max(version) AS version FROM schema_migrations');
      assert.deepEqual(rows, [{ name, version: MIGRATIONS.at(-1)!.version }]);
    } finally {
      await pool.end();
      const admin = openPool(testDatabaseServer());
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  test('a role that may not create it is told to create the database first', async () => {
    const admin = openPool(testDatabaseServer());
    const role = `motcua_reader_${process.pid}`;
    await admin.query(`CREATE ROLE ${role} LOGIN NOCREATEDB`);
    try {
      const url = new URL(testDatabaseServer());
      url.username = role;
      url.pathname = `/motcua_test_${process.pid}_missing`;
      await assert.rejects(openPostgres(url.href), /database "motcua_test_\d+_missing" does not exist and could not be created .*CREATE DATABASE/);
    } finally {
      await admin.query(`DROP ROLE ${role}`);
      await admin.end();
    }
  });
});

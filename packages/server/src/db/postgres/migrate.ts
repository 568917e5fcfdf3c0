/**
 * Migrations on PostgreSQL: the same list as SQLite's (`db/migrations.ts`), their `postgres` text, each in its
 * own transaction, the version kept in `schema_migrations`. An advisory lock lets several server instances
 * start at once on one database: one migrates, the others wait and find nothing left to do.
 */
import type { Pool } from 'pg';
import { MIGRATIONS, pendingMigrations, type Migration } from '../migrations.js';

const LOCK = "hashtext('motcua.migrations')";

/** Apply every migration newer than the database's, each atomically. Returns the new version. */
export async function migratePostgres(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(`SELECT pg_advisory_lock(${LOCK})`);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
      let version = rows[0]?.version ?? 0;
      for (const migration of pendingMigrations(version, migrations)) {
        try {
          await client.query('BEGIN');
          await client.query(migration.postgres);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`PostgreSQL migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, {
            cause: error,
          });
        }
        version = migration.version;
      }
      return version;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${LOCK})`);
    }
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    client.release(broken);
  }
}

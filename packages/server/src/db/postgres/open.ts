/**
 * Opening a PostgreSQL database for the server: the pool, the database created on first start when it does
 * not exist yet (as SQLite creates its file), then the migrations.
 */
import pg from 'pg';
import { migratePostgres } from './migrate.js';
import { openPool, type Pool, type PoolOptions } from './pool.js';

const INVALID_CATALOG_NAME = '3D000';

/** Create the database `url` names, connected to the server's `postgres` database with the same role. */
async function createDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.href });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (error) {
    // Another instance may have created it meanwhile.
    if ((error as { code?: string }).code === '42P04') return;
    throw new Error(
      `PostgreSQL database "${name}" does not exist and could not be created (${(error as Error).message}); ` +
        `create it first: CREATE DATABASE "${name}" OWNER <the server's role>`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A migrated pool over the database at `url`, created first when it does not exist.
 *
 * @example const pool = await openPostgres('postgres://motcua@127.0.0.1/motcua');
 */
export async function openPostgres(url: string, options: PoolOptions = {}): Promise<Pool> {
  try {
    return await migrated(openPool(url, options));
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_CATALOG_NAME) throw error;
  }
  await createDatabase(url);
  return migrated(openPool(url, options));
}

/** `pool` once migrated; ended when migrating fails. */
async function migrated(pool: Pool): Promise<Pool> {
  try {
    await migratePostgres(pool);
    return pool;
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** Whether the database `url` names exists (it may be empty). */
export async function postgresDatabaseExists(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === INVALID_CATALOG_NAME) return false;
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

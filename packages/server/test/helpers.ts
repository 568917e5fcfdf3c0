/**
 * Test support: real servers over real databases seeded with the real data. Seeding (importing
 * 2,006 procedures, generating dossiers) takes seconds, so each test process seeds a template once per
 * configuration and every server starts from a copy of it.
 *
 * The seam between the tests and the storage engine: a test gets its database from `freshDatabase()`,
 * `seededDatabase()` or (for the command-line tools, which open a database themselves) `seededDatabaseAt()` /
 * `databaseLocation()`, reads it back with `queryRows()` / `queryRow()` / `tableNames()` and changes it
 * with `execute()`, in SQL that runs on SQLite and PostgreSQL alike (`?` placeholders). Only these functions
 * know the engine, so the suite can run on another one by changing them alone.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import * as z from 'zod/mini';
import { Problem } from '@motcua/sdk';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, openDatabase } from '../src/index.js';
import type { CreateServerOptions, Database } from '../src/index.js';
import { closeDatabase as close, serializeDatabase } from '../src/db/database.js';
import { all, one, run, sql } from '../src/db/query.js';
import { ensureSecret } from '../src/db/meta.js';
import { seedDatabase } from '../src/seed-database.js';
import { createFactorHasher } from '../src/privacy/verification.js';
import {
  TEST_ENGINE, copyDatabaseNamed, createDatabase, databaseExistsNamed, databaseName, databaseUrl, newDatabaseName, stableDatabaseName,
} from './postgres-support.js';

/** The fixed "now" of the tests: dossiers are generated up to it, the default statistics period ends on it. */
export const TEST_NOW = new Date('2026-11-28T10:00:00+07:00');

/** Dossiers generated for most tests (the full default seed is exercised in its own test). */
export const TEST_DOSSIERS = 3000;

const templates = new Map<string, Promise<Buffer>>();

/** A serialized, seeded database (cached per process and configuration). */
export function seededTemplate(demoDossiers: number | null = TEST_DOSSIERS): Promise<Buffer> {
  const key = String(demoDossiers);
  let template = templates.get(key);
  if (!template) {
    template = (async () => {
      const db = await openDatabase(':memory:');
      await seedDatabase(db, createFactorHasher(await ensureSecret(db, 'verification_secret')), {
        demo: demoDossiers !== null,
        ...(demoDossiers !== null ? { dossierCount: demoDossiers } : {}),
        now: TEST_NOW,
      });
      const bytes = serializeDatabase(db);
      await close(db);
      return bytes;
    })();
    templates.set(key, template);
  }
  return template;
}

const postgresTemplates = new Map<string, Promise<string>>();

/** On PostgreSQL: the name of a seeded template database (made once per process and configuration). */
function postgresTemplate(demoDossiers: number | null): Promise<string> {
  const key = String(demoDossiers);
  let template = postgresTemplates.get(key);
  if (!template) {
    template = (async () => {
      const name = newDatabaseName(`template_${key}`);
      const db = await openDatabase(await createDatabase(name));
      await seedDatabase(db, createFactorHasher(await ensureSecret(db, 'verification_secret')), {
        demo: demoDossiers !== null,
        ...(demoDossiers !== null ? { dossierCount: demoDossiers } : {}),
        now: TEST_NOW,
      });
      await close(db);
      return name;
    })();
    postgresTemplates.set(key, template);
  }
  return template;
}

/** On PostgreSQL whatever engine the suite runs on: the URL of a new database holding the seeded template. */
export async function seededPostgresDatabaseUrl(dossiers: number | null = TEST_DOSSIERS): Promise<string> {
  return createDatabase(newDatabaseName('seeded'), await postgresTemplate(dossiers));
}

/** The database name behind each PostgreSQL database the helpers opened (for copies). */
const postgresNames = new WeakMap<Database, string>();

async function openPostgres(url: string): Promise<Database> {
  const db = await openDatabase(url);
  postgresNames.set(db, databaseName(url));
  return db;
}

export interface TestServerOptions extends Omit<CreateServerOptions, 'database'> {
  /** Demo dossiers in the template (null: catalogue only). */
  dossiers?: number | null;
}

/** An empty, migrated database of the test's own; close it when done (a server given it closes it). */
export async function freshDatabase(): Promise<Database> {
  if (TEST_ENGINE === 'postgres') return openPostgres(await createDatabase(newDatabaseName('fresh')));
  return openDatabase(':memory:');
}

/** A private copy of the seeded template (`dossiers` demo dossiers, null: catalogue only). */
export async function seededDatabase(dossiers: number | null = TEST_DOSSIERS): Promise<Database> {
  if (TEST_ENGINE === 'postgres') return openPostgres(await createDatabase(newDatabaseName('seeded'), await postgresTemplate(dossiers)));
  return openDatabase(await seededTemplate(dossiers));
}

/**
 * Where a command-line tool or `createServer({ dbPath })` may create a database named `name`, under the
 * test's temporary folder `dir` (nothing is created yet).
 */
export function databaseLocation(dir: string, name: string): string {
  if (TEST_ENGINE === 'postgres') return databaseUrl(stableDatabaseName(dir, name));
  return join(dir, `${name}.db`);
}

/** Like {@link databaseLocation}, already holding a copy of the seeded template. */
export async function seededDatabaseAt(dir: string, name: string, dossiers: number | null = TEST_DOSSIERS): Promise<string> {
  const location = databaseLocation(dir, name);
  if (TEST_ENGINE === 'postgres') return createDatabase(databaseName(location), await postgresTemplate(dossiers));
  writeFileSync(location, await seededTemplate(dossiers));
  return location;
}

/** Like {@link databaseLocation}, already holding an empty, migrated database. */
export async function freshDatabaseAt(dir: string, name: string): Promise<string> {
  const location = databaseLocation(dir, name);
  await close(await openDatabase(location));
  return location;
}

/** Whether a database was created at `location`. */
export async function databaseExists(location: string): Promise<boolean> {
  if (TEST_ENGINE === 'postgres') return databaseExistsNamed(databaseName(location));
  return existsSync(location);
}

/** Open the database at a location from {@link databaseLocation} (close it when done). */
export async function databaseAt(location: string): Promise<Database> {
  if (TEST_ENGINE === 'postgres') return openPostgres(location);
  return openDatabase(location);
}

/** `text` with each `?` bound to the next of `params`. */
function bound<T>(text: string, params: readonly unknown[]) {
  const parts = text.split('?');
  if (parts.length !== params.length + 1) throw new Error(`${parts.length - 1} placeholders for ${params.length} values: ${text}`);
  return sql<T>`${sql.join(parts.map((part, i) => (i === 0 ? sql.raw(part) : sql`${params[i - 1]}${sql.raw(part)}`)), sql``)}`;
}

/** Every row `text` answers (`?` placeholders bound to `params`). */
export async function queryRows<T = Record<string, unknown>>(db: Database, text: string, ...params: unknown[]): Promise<T[]> {
  return all(db, bound<T>(text, params));
}

/** The first row `text` answers, or undefined. */
export async function queryRow<T = Record<string, unknown>>(db: Database, text: string, ...params: unknown[]): Promise<T | undefined> {
  return one(db, bound<T>(text, params));
}

/** Run a statement that answers no rows. */
export async function execute(db: Database, text: string, ...params: unknown[]): Promise<void> {
  await run(db, bound(text, params));
}

/** The names of the database's tables, sorted. */
export async function tableNames(db: Database): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    TEST_ENGINE === 'postgres'
      ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
      : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  );
  return rows.map((r) => r.name);
}

/** A private copy of `db` as it is now. */
export async function copyDatabase(db: Database): Promise<Database> {
  const name = postgresNames.get(db);
  if (name) return openPostgres(await copyDatabaseNamed(name));
  return openDatabase(serializeDatabase(db));
}

/** Close a database a test opened itself. */
export async function closeDatabase(db: Database): Promise<void> {
  await close(db);
}

/**
 * With `MOTCUA_TEST_SHARED_STATE=redis`, every test server keeps its limits and challenge state in the run's Redis
 * (`MOTCUA_TEST_REDIS`), under keys of its own, so the API suite runs on both kinds of shared state.
 */
function sharedStateOptions(): Pick<CreateServerOptions, 'redisUrl' | 'redisKeyPrefix'> {
  if (process.env.MOTCUA_TEST_SHARED_STATE !== 'redis') return {};
  const redisUrl = process.env.MOTCUA_TEST_REDIS;
  if (!redisUrl) throw new Error('MOTCUA_TEST_SHARED_STATE=redis needs MOTCUA_TEST_REDIS: run through node test/support/test-services.mjs');
  return { redisUrl, redisKeyPrefix: `motcua-test:${randomUUID()}:` };
}

/** A server over a fresh copy of the seeded template; close it with `app.close()`. */
export async function testServer(options: TestServerOptions = {}): Promise<FastifyInstance> {
  const { dossiers = TEST_DOSSIERS, ...rest } = options;
  return createServer({
    database: await seededDatabase(dossiers),
    ...sharedStateOptions(),
    logLevel: 'silent',
    now: () => TEST_NOW,
    staticRoot: null,
    cdnRoot: null,
    validateResponses: true,
    ...rest,
  });
}

/** Parse a response body with a contract schema, failing the test with the first issue otherwise. */
export function expectBody<S extends z.ZodMiniType>(schema: S, response: LightMyRequestResponse): z.infer<S> {
  const body = response.json() as unknown;
  const result = z.safeParse(schema, body);
  if (!result.success) {
    const issue = result.error.issues[0];
    assert.fail(`response does not match the contract at ${issue?.path.join('.')}: ${issue?.message}\n${response.body.slice(0, 500)}`);
  }
  return result.data;
}

/** Assert a problem+json answer with `status` and `code`; returns the problem. */
/** A 503 `unavailable` (shared state out of reach) with Retry-After 5 and nothing of the internals in the body. */
export function expectSharedStateUnavailable(res: LightMyRequestResponse): void {
  const problem = expectProblem(res, 503, 'unavailable');
  assert.equal(res.headers['retry-after'], '5');
  assert.equal(problem.retryAfter, 5);
  assert.doesNotMatch(res.body, /redis|ioredis|ECONNREFUSED|stack|at \//i);
}

export function expectProblem(response: LightMyRequestResponse, status: number, code: string): Problem {
  assert.equal(response.statusCode, status, `expected ${status} ${code}, got ${response.statusCode}: ${response.body.slice(0, 300)}`);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  const problem = expectBody(Problem, response);
  assert.equal(problem.code, code);
  assert.equal(problem.type, `urn:motcua:problem:${code}`);
  assert.equal(problem.status, status);
  return problem;
}

/**
 * `createServer()`: the Fastify application over an opened, migrated and (on first start) seeded database.
 */
import { createHash } from 'node:crypto';
import type { AdministrativeUnit, ServiceInfo } from '@motcua/sdk';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { createClock } from './clock.js';
import { DEFAULT_RATE_LIMITS, defaultStaticDirs } from './config.js';
import type { ServerOptions } from './config.js';
import type { AppContext } from './context.js';
import { hashApiKey, syncConfiguredKeys } from './db/api-keys.js';
import { closeDatabase, openDatabase } from './db/database.js';
import type { Database } from './db/database.js';
import { DEMO_META_KEY, ensureSecret, getMeta, PROVINCE_META_KEY } from './db/meta.js';
import { warmUpSearch } from './db/procedure-search.js';
import { pruneIdempotencyKeys } from './db/ratings.js';
import { allUnits } from './db/units.js';
import { createCursorCodec } from './http/cursor.js';
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './http/errors.js';
import { loggableQueryNames, loggerOptions } from './http/logging.js';
import type { LogDestination } from './http/logging.js';
import { registerRoutes } from './http/register-routes.js';
import { createLookupGuard, DEFAULT_CHALLENGE } from './http/challenge.js';
import { registerSecurity } from './http/security.js';
import { registerStaticFiles } from './http/static-files.js';
import { createFactorHasher } from './privacy/verification.js';
import { API_ROUTES } from './routes/index.js';
import { seedDatabase } from './seed-database.js';
import { registerNdjson } from './http/ndjson.js';
import { openSharedState } from './shared-state/shared-state.js';

/** Default database file, relative to the working directory. */
export const DEFAULT_DB_PATH = './var/motcua.db';

/** Largest request body accepted (ingest with a full 500-event history); ratings accept far less. */
const BODY_LIMIT = 1024 * 1024;

export interface CreateServerOptions extends ServerOptions {
  /**
   * An already open database to serve instead of `dbPath` (e.g. a copy of a seeded template in tests). It is
   * seeded if needed, and closed with the server.
   */
  database?: Database;
  /** Where log lines go (default stdout). */
  logDestination?: LogDestination;
}

async function serviceInfo(db: Database, verification: 'off' | 'required'): Promise<ServiceInfo> {
  const province = JSON.parse((await getMeta(db, PROVINCE_META_KEY)) ?? 'null') as ServiceInfo['province'] | null;
  if (!province) throw new Error('The database has no province: seeding did not complete.');
  return { apiVersion: 'v1', province, dossierVerification: verification, demo: (await getMeta(db, DEMO_META_KEY)) !== null };
}

/**
 * Create the API server. The database is opened (created on first run), migrated and seeded once
 * (catalogue always; demo dossiers and ratings with `demo: true`). Call `listen()` to serve, or use
 * `inject()` in tests; `close()` also closes the database.
 *
 * @example
 * const app = await createServer({ dbPath: ':memory:', demo: true, demoDossiers: 2000 });
 * const res = await app.inject('/v1/procedures?q=khai%20sinh');
 */
export async function createServer(options: CreateServerOptions = {}): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const verification = options.verification ?? 'off';
  const rateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const db = options.database ?? (await openDatabase(options.dbPath ?? DEFAULT_DB_PATH));

  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? 'info', options.logDestination, options.logFormat, loggableQueryNames(API_ROUTES)),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: 500 },
    frameworkErrors,
    clientErrorHandler,
    return503OnClosing: true,
  });
  // JSON only: a text/plain body is an unsupported media type, not a string to validate.
  app.removeContentTypeParser('text/plain');
  registerNdjson(app, API_ROUTES);
  app.addHook('onClose', () => closeDatabase(db));

  try {
    const secret = options.verificationSecret
      ? createHash('sha256').update(options.verificationSecret).digest()
      : await ensureSecret(db, 'verification_secret');
    const hasher = createFactorHasher(secret);
    await seedDatabase(db, hasher, {
      demo: options.demo ?? false,
      ...(options.demoDossiers !== undefined ? { dossierCount: options.demoDossiers } : {}),
      ...(options.province !== undefined ? { province: options.province } : {}),
      ...(options.procedureList ? { procedureList: options.procedureList } : {}),
      now: now(),
      log: (message) => app.log.info(message),
    });
    await syncConfiguredKeys(db, {
      ingest: [...(options.ingestKeyHashes ?? []), ...(options.ingestKeys ?? []).map(hashApiKey)],
      admin: [...(options.adminKeyHashes ?? []), ...(options.adminKeys ?? []).map(hashApiKey)],
    }, now());
    await pruneIdempotencyKeys(db, now());
    await warmUpSearch(db);

    const info = await serviceInfo(db, verification);
    const redisPrefix = options.redisKeyPrefix ?? `motcua:${info.province.code}:`;
    const { redis, state, health: sharedStateHealth } = await openSharedState(app, db, options.redisUrl, redisPrefix);
    const challenge = options.lookupChallenge ? { ...DEFAULT_CHALLENGE, ...options.lookupChallenge } : null;
    // Solutions used are remembered in Redis across restarts, so a secret kept in the database (shared by the
    // instances) is safe; in one process they are forgotten at a restart, and so is the random secret.
    if (challenge && redis && !challenge.secret) challenge.secret = (await ensureSecret(db, 'challenge_secret')).toString('hex');

    const units: readonly AdministrativeUnit[] = await allUnits(db);
    const ctx: AppContext = {
      db,
      verification,
      rateLimits,
      hasher,
      lookupGuard: challenge ? createLookupGuard(challenge, state) : null,
      cursors: createCursorCodec(await ensureSecret(db, 'cursor_secret')),
      validateResponses: options.validateResponses ?? process.env.NODE_ENV !== 'production',
      clock: createClock(now),
      serviceInfo: info,
      units: () => units,
      sharedStateHealth,
    };

    await registerSecurity(app, { allowedOrigins: options.allowedOrigins ?? '*', rateLimits, redis, redisPrefix });
    installErrorHandling(app, app.rateLimit());
    registerRoutes(app, ctx, API_ROUTES);
    const dirs = defaultStaticDirs();
    const mounts = await registerStaticFiles(app, {
      staticRoot: options.staticRoot !== undefined ? options.staticRoot : dirs.staticRoot,
      cdnRoot: options.cdnRoot !== undefined ? options.cdnRoot : dirs.cdnRoot,
    });
    if (mounts.length) app.log.info(`serving static files at ${mounts.join(', ')}`);
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}

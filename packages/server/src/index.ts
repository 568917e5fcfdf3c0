/**
 * @motcua/server: the reference public API of the one-stop administrative service.
 *
 * @example
 * import { createServer } from '@motcua/server';
 * const app = await createServer({ dbPath: './var/motcua.db', demo: true });
 * await app.listen({ port: 8080 });
 */
export { createServer, DEFAULT_DB_PATH } from './server.js';
export type { CreateServerOptions } from './server.js';
export { closeDatabase, openDatabase, MEMORY_DB } from './db/database.js';
export type { Database } from './db/database.js';
export { upsertProcedures } from './db/procedures.js';
export type { UpsertProceduresResult } from './db/procedures.js';
export { seedDatabase } from './seed-database.js';
export type { SeedOptions, SeedReport } from './seed-database.js';
export { loadConfig, parseRateRule, ConfigError, DEFAULT_RATE_LIMITS, USAGE } from './config.js';
export type { ServerOptions, RateLimits, RateLimitRule, LogLevel, CliConfig } from './config.js';
export { hashApiKey } from './db/api-keys.js';
export { openApiDocument } from './routes/index.js';

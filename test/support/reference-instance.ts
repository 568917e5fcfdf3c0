/**
 * The reference server in process, with the settings every test and benchmark shares: the real catalogue and
 * demo data, warnings only in the log, no static folders, generous rate limits, on 127.0.0.1 and a free port,
 * on a fresh SQLite file in a temporary folder (removed on close) unless `dbPath` is given.
 * `runLauncher` turns a script that starts instances into a launcher for reference-server.mjs `startLauncher`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, openDatabase, type CreateServerOptions, type Database, type RateLimits } from '@motcua/server';
import { READY_PREFIX } from './reference-server.mjs';

export interface InstanceOptions extends Omit<CreateServerOptions, 'database' | 'host' | 'logDestination' | 'now'> {
  /** Requests per client per minute for every route, lookups and ratings (default 100,000): `rateLimits` wins. */
  requestsPerMinute?: number;
  /** Port on 127.0.0.1; default 0, any free port. */
  port?: number;
}

export interface Instance {
  url: string;
  database: Database;
  close(): Promise<void>;
}

function generousLimits(max: number): Partial<RateLimits> {
  const rule = { max, windowMs: 60_000 };
  return { global: rule, dossierLookup: rule, ratings: rule };
}

/**
 * Create, seed and start one instance. `prepare` runs after seeding and before it listens: where a caller
 * stores data of its own with the server's functions.
 */
export async function startInstance(
  options: InstanceOptions = {},
  prepare?: (database: Database) => void | Promise<void>,
): Promise<Instance> {
  const { dbPath, port = 0, requestsPerMinute = 100_000, rateLimits, ...serverOptions } = options;
  const dir = dbPath ? null : mkdtempSync(join(tmpdir(), 'motcua-test-'));
  const removeDir = () => dir && rmSync(dir, { recursive: true, force: true });
  try {
    const database = await openDatabase(dbPath ?? join(dir!, 'motcua.db'));
    const app = await createServer({
      demo: true,
      logLevel: 'warn',
      staticRoot: null,
      cdnRoot: null,
      ...serverOptions,
      rateLimits: { ...generousLimits(requestsPerMinute), ...rateLimits },
      database,
    });
    try {
      await prepare?.(database);
      const url = await app.listen({ port, host: '127.0.0.1' });
      return {
        url,
        database,
        close: async () => {
          await app.close();
          removeDir();
        },
      };
    } catch (error) {
      await app.close();
      throw error;
    }
  } catch (error) {
    removeDir();
    throw error;
  }
}

/**
 * The body of a launcher: `main` starts instances with `start` (same options as `startInstance`) and returns
 * what the parent needs (URLs, test data), printed as one JSON line once everything serves. The instances are
 * closed on SIGTERM or SIGINT, when the parent is gone, or when `main` fails.
 */
export function runLauncher(main: (start: typeof startInstance) => Promise<unknown>): void {
  const instances: Instance[] = [];
  const stop = async (code: number) => {
    await Promise.allSettled(instances.map((instance) => instance.close()));
    process.exit(code);
  };
  process.once('SIGTERM', () => void stop(0));
  process.once('SIGINT', () => void stop(0));
  // The parent is gone (reference-server.mjs gives its launchers an IPC channel), however it ended.
  process.once('disconnect', () => void stop(0));
  const start: typeof startInstance = async (options, prepare) => {
    const instance = await startInstance(options, prepare);
    instances.push(instance);
    return instance;
  };
  main(start).then(
    (info) => process.stdout.write(`${READY_PREFIX}${JSON.stringify(info)}\n`),
    (error: unknown) => {
      console.error(error);
      void stop(1);
    },
  );
}

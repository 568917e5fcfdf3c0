/**
 * The reference server for the stories: the real API (Fastify + SQLite) in a child process, on a fresh demo
 * database (test/support/reference-server.mjs). Its demo dossiers cover every status
 * (packages/server/src/demo/fixed-dossiers.ts). Generous rate limits: stories and their tests look up often.
 */
import { startReferenceServer, type ReferenceServer } from '../test/support/reference-server.mjs';

/** Environment variable carrying the API's URL from the Vitest config to its global setup (same process). */
export const API_ENV = 'MOTCUA_STORYBOOK_API';

/** Start the API on `port` (0: any free port) and resolve once it listens. */
export function startStoriesApi(port = 0): Promise<ReferenceServer> {
  return startReferenceServer({ port, demoDossiers: 1500 });
}

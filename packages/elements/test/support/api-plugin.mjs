/**
 * A @web/test-runner plugin that starts the REAL reference server (Fastify + SQLite, seeded with demo data)
 * in a child process before the browser tests and stops it after. Four instances, each with its own
 * database file, so one behaviour never disturbs another:
 * - `main`: verification off, generous rate limits; reached through a network switch (see network-switch.mjs);
 * - `strict`: verification required (lookups need the last 4 digits of the applicant's phone or ID);
 * - `limited`: 2 dossier lookups per minute, to meet the real rate limiter;
 * - `guarded`: a proof-of-work challenge after 2 missed lookups from one client.
 * Their URLs and the demo dossiers reach the tests as `window.__MOTCUA_TEST__`, and the page carries
 * `<meta name="motcua:api">` pointing at `main` (through the switch), like a portal page would.
 */
import { fileURLToPath } from 'node:url';
import { startLauncher } from '../../../../test/support/reference-server.mjs';
import { startNetworkSwitch } from './network-switch.mjs';

const LAUNCHER = fileURLToPath(new URL('./start-api.ts', import.meta.url));

/**
 * Start the reference API (three instances and their test dossiers) in a child process.
 * @returns {Promise<{ info: { urls: Record<string, string>, dossiers: Record<string, { code: string, verify: string, status: number, office: string }> }, stop(): Promise<void> }>}
 */
export function startReferenceApi() {
  return startLauncher(LAUNCHER);
}

/** The plugin, plus `html(testFramework)` for `testRunnerHtml`. */
export function referenceApi() {
  /** @type {{ urls: Record<string, string>, dossiers: unknown }} */
  const state = { urls: {}, dossiers: [] };
  let api;
  let network;

  const plugin = {
    name: 'motcua-reference-api',
    async serverStart() {
      api = await startReferenceApi();
      network = await startNetworkSwitch(api.info.urls.main);
      state.urls = { ...api.info.urls, direct: api.info.urls.main, main: network.url };
      state.dossiers = api.info.dossiers;
    },
    async serverStop() {
      await network?.close();
      await api?.stop();
    },
    /** `executeServerCommand('motcua-network', { mode })` from a test switches the network in front of `main`. */
    /** `executeServerCommand('motcua-ingest', { rows })` posts a batch to `main`'s ingest API (the key stays here). */
    async executeCommand({ command, payload }) {
      if (command === 'motcua-ingest') {
        const res = await fetch(`${api.info.urls.main}/v1/ingest/batch`, {
          method: 'POST',
          headers: { authorization: `Bearer ${api.info.ingestKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(payload.rows),
        });
        return { status: res.status, body: await res.json() };
      }
      if (command !== 'motcua-network') return undefined;
      network.setMode(payload?.mode);
      return true;
    },
  };

  const html = (testFramework) => `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="motcua:api" content="${state.urls.main}" />
  </head>
  <body>
    <script>window.__MOTCUA_TEST__ = ${JSON.stringify(state).replace(/</g, '\\u003c')};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;

  return { plugin, html };
}

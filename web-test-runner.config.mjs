/**
 * Browser tests of @motcua/elements in real Chromium, against the real reference server.
 *   npx wtr --config web-test-runner.config.mjs
 * Chromium: $CHROME_PATH, else /usr/bin/chromium (Debian: apt-get install -y chromium).
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { referenceApi } from './packages/elements/test/support/api-plugin.mjs';

const api = referenceApi();

export default {
  files: ['packages/elements/test/**/*.test.ts'],
  // '@motcua/sdk' resolves to its TypeScript source, like everywhere else in the repository.
  nodeResolve: { exportConditions: ['source', 'browser'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' }), api.plugin],
  testRunnerHtml: api.html,
  // Test files share the reference server and its network switch: one at a time.
  concurrency: 1,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
};

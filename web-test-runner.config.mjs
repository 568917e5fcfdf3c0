/**
 * Browser tests of @motcua/elements in real Chromium, against the real reference server.
 *   npx wtr --config web-test-runner.config.mjs
 * Chromium: test/support/chromium.mjs ($CHROME_PATH, else /usr/bin/chromium).
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumLaunchOptions } from './test/support/chromium.mjs';
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
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: chromiumLaunchOptions() })],
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
};

/**
 * Browser tests of @motcua/elements in real Chromium, against the real reference server.
 *   npx wtr --config web-test-runner.config.mjs
 * Chromium: test/support/chromium.mjs ($CHROME_PATH, else /usr/bin/chromium).
 */
import { referenceApi } from './packages/elements/test/support/api-plugin.mjs';
import { browserTestConfig } from './test/support/web-test-runner.mjs';

const api = referenceApi();

export default browserTestConfig({
  files: ['packages/elements/test/**/*.test.ts'],
  plugins: [api.plugin],
  testRunnerHtml: api.html,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
});

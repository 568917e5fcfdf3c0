/**
 * Hardening suites of the widgets (issue 7), in real Chromium against the real reference server:
 * hostile host page, polluted built-in prototypes, strict CSP, malformed API, flaky network, XSS. See test/browser/.
 *   npx wtr --config web-test-runner.hardening.config.mjs
 * Chromium: test/support/chromium.mjs ($CHROME_PATH, else /usr/bin/chromium).
 */
import { hardening } from './test/browser/support/hardening-plugin.mjs';
import { browserTestConfig } from './test/support/web-test-runner.mjs';

const suite = hardening();

export default browserTestConfig({
  files: ['test/browser/**/*.test.ts'],
  middleware: [suite.middleware],
  plugins: [suite.plugin],
  testRunnerHtml: suite.html,
  testFramework: { config: { timeout: 60000 } },
  testsFinishTimeout: 600000,
});

/**
 * Hardening suites of the widgets (issue 7), in real Chromium against the real reference server:
 * hostile host page, strict CSP, malformed API, flaky network, XSS. See test/browser/.
 *   npx wtr --config web-test-runner.hardening.config.mjs
 * Chromium: test/support/chromium.mjs ($CHROME_PATH, else /usr/bin/chromium).
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumLaunchOptions } from './test/support/chromium.mjs';
import { hardening } from './test/browser/support/hardening-plugin.mjs';

const suite = hardening();

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser'] },
  middleware: [suite.middleware],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' }), suite.plugin],
  testRunnerHtml: suite.html,
  // The suites share the servers and the fault proxy: one file at a time.
  concurrency: 1,
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: chromiumLaunchOptions() })],
  testFramework: { config: { timeout: 60000 } },
  testsFinishTimeout: 600000,
};

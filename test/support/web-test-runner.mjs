/**
 * What both web-test-runner configs share: the sources in TypeScript (through esbuild, '@motcua/sdk' resolving
 * to its source, like everywhere else in the repository), the one Chromium, and one test file at a time (the
 * files of a suite share its servers and the network switch in front of them).
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumLaunchOptions } from './chromium.mjs';

/**
 * A wtr config: `config` plus the shared settings; its `plugins` come after the TypeScript one.
 * @param {Record<string, unknown> & { plugins?: unknown[] }} config
 */
export function browserTestConfig({ plugins = [], ...config }) {
  return {
    nodeResolve: { exportConditions: ['source', 'browser'] },
    plugins: [esbuildPlugin({ ts: true, target: 'es2022' }), ...plugins],
    concurrency: 1,
    browsers: [playwrightLauncher({ product: 'chromium', launchOptions: chromiumLaunchOptions() })],
    ...config,
  };
}

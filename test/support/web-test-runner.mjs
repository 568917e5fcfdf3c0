/**
 * What both web-test-runner configs share: the sources in TypeScript (through esbuild, '@motcua/sdk' resolving
 * to its source, like everywhere else in the repository), the one Chromium, and one test file at a time (the
 * files of a suite share its servers and the network switch in front of them).
 */
import { execFileSync } from 'node:child_process';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumLaunchOptions } from './chromium.mjs';

/**
 * The tests measure layouts (a loading state as tall as the loaded one, a list two screens tall on a phone), so
 * they need one font: Noto Sans, which the widgets' font stack names and fontconfig gives `system-ui` when it is
 * installed (Android's Roboto is of the same family of metrics). DejaVu Sans, Debian's fallback, is wider, and
 * office names wrap to one more line there.
 */
function requireLayoutFont() {
  let family = '';
  try {
    family = execFileSync('fc-match', ['-f', '%{family}', 'system-ui'], { encoding: 'utf8' });
  } catch {
    // No fontconfig: reported below.
  }
  if (!/\bNoto Sans\b/.test(family)) {
    throw new Error(`The browser tests measure layouts in Noto Sans, but system-ui is "${family || 'unknown'}" here: apt-get install fonts-noto-core`);
  }
}

/**
 * A wtr config: `config` plus the shared settings; its `plugins` come after the TypeScript one.
 * @param {Record<string, unknown> & { plugins?: unknown[] }} config
 */
export function browserTestConfig({ plugins = [], ...config }) {
  requireLayoutFont();
  return {
    nodeResolve: { exportConditions: ['source', 'browser'] },
    plugins: [esbuildPlugin({ ts: true, target: 'es2022' }), ...plugins],
    concurrency: 1,
    browsers: [playwrightLauncher({ product: 'chromium', launchOptions: chromiumLaunchOptions() })],
    ...config,
  };
}

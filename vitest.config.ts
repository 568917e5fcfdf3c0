/**
 * Story tests: every story of stories/ becomes a test (its play function, then an axe check) run in Chromium
 * by Vitest's browser mode, against the real reference server, reached through Storybook's Vite proxy.
 *
 *   npx vitest run --project storybook
 * Chromium: test/support/chromium.mjs ($CHROME_PATH, else /usr/bin/chromium).
 *
 * The API's port is chosen here, before Storybook's Vite config (its proxy) is built, and handed to the
 * global setup, which starts the server on it. The global setup sits in the project, not at the root, so it
 * runs once.
 */
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { API_ENV } from './.storybook/reference-api.ts';
import { chromiumLaunchOptions } from './test/support/chromium.mjs';
import { freePort } from './test/support/reference-server.mjs';

process.env[API_ENV] ??= `http://127.0.0.1:${await freePort()}`;

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('.storybook', import.meta.url)) })],
        test: {
          name: 'storybook',
          globalSetup: ['./.storybook/vitest.global-setup.ts'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunchOptions() }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});

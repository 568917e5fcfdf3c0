/**
 * The one Chromium of every browser run in the repository: the widget and hardening tests (wtr), the story
 * tests (Vitest), the end-to-end tests, the screenshots and the benchmarks.
 * Its executable is `$CHROME_PATH`, else /usr/bin/chromium (Debian: apt-get install -y chromium).
 */
import { chromium } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Headless in a container (no sandbox, no GPU, a small /dev/shm), and quiet: no update, sync or first-run work. */
export const CHROMIUM_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);

/** Playwright launch options: for wtr's `playwrightLauncher`, Vitest's `playwright()` provider and `chromium.launch`. */
export function chromiumLaunchOptions() {
  return { executablePath: CHROME_PATH, headless: true, args: [...CHROMIUM_FLAGS] };
}

/** Launch it with Playwright. */
export function launchChromium() {
  return chromium.launch(chromiumLaunchOptions());
}

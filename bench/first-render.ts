/**
 * Time to first render of each widget with its data, in headless Chromium, beside a floor page in the same run
 * (a benchmark: it prints figures, it does not pass or fail).
 *
 * The floor (bench/pages/floor/<widget>.html) is what DESIGN.md "Budgets" compares against: ten lines of inline
 * script that fetch the same API resource and print one field. Widget and floor runs alternate, so both see
 * the same machine load; the ratio widget ÷ floor (medians) is the figure to judge (goal ≤ 1.5×, unthrottled and
 * throttled).
 *
 * For each widget, a page holding only that widget (bench/pages/<widget>.html) is opened N times. Its
 * `<script>` for the CDN entry `/cdn/motcua-<widget>.js` is replaced, when the run starts, by the snippet a
 * webmaster pastes (scripts/sri.mjs `widgetSnippet`: the entry with its integrity, a `modulepreload` per chunk
 * it imports, a `preload` of each request it sends on connecting). A deep link (`?ma_ho_so=`, `?thu_tuc=`) is
 * known only to the page's server: those widgets are timed twice, with the pasted snippet alone and with the
 * `preload` of the deep link's request that a server-generated page adds (README "Data beside the scripts").
 * Each page is opened each time in a fresh browser context with the HTTP cache
 * disabled, and the time from navigation start (`performance.timeOrigin`) to the first animation frame in
 * which the widget's shadow root holds a data-bearing element is recorded. The pages are served, with the
 * CDN build and the API, by the reference server (test/support/reference-server.mjs, production mode) over a
 * temporary database with demonstration data. A second, labelled table repeats the measurement with the CPU
 * slowed ×4 and a slow-3G network profile (Chrome DevTools' preset) through the DevTools protocol; one run per
 * widget by default (each takes 10–25 s), so that the whole benchmark stays under 3 minutes.
 *
 * Builds the CDN files afresh (bench/cdn-build.ts) and needs Chromium
 * (test/support/chromium.mjs: $CHROME_PATH, else /usr/bin/chromium).
 *
 * Run: node --conditions=source --import tsx bench/first-render.ts [--runs 7] [--throttled-runs 1] [--no-throttle]
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/support/chromium.mjs';
import { startReferenceServer } from '../test/support/reference-server.mjs';
import { integrities, widgetSnippet } from '../scripts/sri.mjs';
import { cdnFiles } from '../scripts/size.mjs';
import { buildCdn, CDN_DIR, ROOT } from './cdn-build.js';

const PAGES_DIR = join(ROOT, 'bench/pages');
/** A demonstration dossier (packages/server/src/demo/fixed-dossiers.ts) and a catalogue procedure. */
const DEMO_DOSSIER = '000.00.20.H37-261005-0001';
const PROCEDURE = '1.001193';
/** Chrome DevTools' "Slow 3G" preset: 2 s round trip, 400 kbit/s each way. */
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const CPU_SLOWDOWN = 4;
/** Give up on one run after this long (then the run counts as a failure, not a figure). */
const RUN_TIMEOUT_MS = 30_000;

interface Widget {
  name: string;
  /** Path and query of the page. */
  path: string;
  /** The request a deep link makes (path under the API): a page's server can preload it. */
  deepLink?: string;
  tag: string;
  /** What "showing its data" means: an element inside the shadow root, with text. */
  selector: string;
  shows: string;
}

/** A page to time: the widget's, or its floor. */
interface Target {
  path: string;
  /** A JavaScript expression, evaluated in the page, for the element whose text means the data is shown. */
  element: string;
}

const widgetTarget = (w: Widget): Target => ({
  path: w.path,
  element: `document.querySelector(${JSON.stringify(w.tag)})?.shadowRoot?.querySelector(${JSON.stringify(w.selector)})`,
});
/** The floor page takes the same query string as the widget's page. */
const floorTarget = (w: Widget): Target => ({
  path: `/floor/${w.name}.html${w.path.includes('?') ? w.path.slice(w.path.indexOf('?')) : ''}`,
  element: `document.getElementById('out')`,
});

const WIDGETS: Widget[] = [
  {
    name: 'dossier-lookup',
    path: `/dossier-lookup.html?ma_ho_so=${encodeURIComponent(DEMO_DOSSIER)}`,
    deepLink: `/v1/dossiers/${encodeURIComponent(DEMO_DOSSIER)}`,
    tag: 'motcua-dossier-lookup',
    selector: '.result .facts',
    shows: `the dossier ${DEMO_DOSSIER} (deep link)`,
  },
  {
    name: 'procedure-finder',
    path: `/procedure-finder.html?thu_tuc=${PROCEDURE}`,
    deepLink: `/v1/procedures/${PROCEDURE}`,
    tag: 'motcua-procedure-finder',
    // The procedure's view (its name first, as the floor prints).
    selector: '.detail .procedure',
    shows: `the procedure ${PROCEDURE} (deep link)`,
  },
  {
    name: 'counter-directory',
    path: '/counter-directory.html',
    tag: 'motcua-counter-directory',
    selector: '.offices > li',
    shows: 'the first office card',
  },
  {
    name: 'stats',
    path: '/stats.html',
    tag: 'motcua-stats',
    selector: '.figures .value',
    shows: 'the headline figures',
  },
  {
    name: 'rating',
    path: '/rating.html',
    tag: 'motcua-rating',
    selector: '.summary',
    shows: "the office's ratings summary",
  },
];

/** Each widget; one with a deep link again, with the preload of its request that the page's server adds. */
const CASES: Widget[] = WIDGETS.flatMap((w) =>
  w.deepLink
    ? [w, { ...w, path: w.path.replace('.html', '.server-preload.html'), shows: `${w.shows}, preloaded by the page's server` }]
    : [w],
);

/** The attributes of the first `<tag …>` in `page`, e.g. `{ unit: '06220', summary: '' }`. */
function attributesOf(page: string, tag: string): Record<string, string> {
  const start = new RegExp(`<${tag}\\b([^>]*)>`).exec(page);
  if (!start) throw new Error(`No <${tag}> in its bench page`);
  return Object.fromEntries([...start[1]!.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!, value ?? '']));
}

/**
 * bench/pages copied to a temporary folder, each widget page's `<script>` replaced by the pasted snippet for the
 * CDN build in dist/ (and the deep link's preload in `<widget>.server-preload.html`). Returns the folder.
 */
async function writePages(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-pages-'));
  cpSync(PAGES_DIR, dir, { recursive: true });
  const files = await cdnFiles({ fromDist: true });
  const hashes = integrities(files);
  for (const w of WIDGETS) {
    const page = readFileSync(join(PAGES_DIR, `${w.name}.html`), 'utf8');
    const entry = `motcua-${w.name}.js`;
    const script = `<script type="module" src="/cdn/${entry}"></script>`;
    if (!page.includes(script)) throw new Error(`bench/pages/${w.name}.html does not load ${script}`);
    const snippet = widgetSnippet({ entry, files, hashes, base: '/cdn/', api: '/', attributes: attributesOf(page, w.tag) });
    const write = (name: string, lines: string[]) => writeFileSync(join(dir, name), page.replace(script, lines.join('\n  ')));
    write(`${w.name}.html`, snippet);
    if (w.deepLink) {
      write(`${w.name}.server-preload.html`, [`<link rel="preload" as="fetch" crossorigin="anonymous" href="${w.deepLink}">`, ...snippet]);
    }
  }
  return dir;
}

/**
 * Polls, in the page, each animation frame until the widget shows its data; `window.__firstRender` resolves
 * with ms since navigation start. A string, not a function: tsx's name-keeping helper does not exist in the page.
 */
function readinessScript({ element }: Target): string {
  return `window.__firstRender = new Promise((resolve) => {
    const check = () => {
      const hit = ${element};
      if (hit && hit.textContent.trim()) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });`;
}

async function measureOnce(browser: Browser, baseUrl: string, target: Target, throttled: boolean): Promise<number> {
  // The pages' CSP forbids inline script, which the floor is made of; bypassed for both kinds alike.
  const context = await browser.newContext({ bypassCSP: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (throttled) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    }
    await page.addInitScript({ content: readinessScript(target) });
    await page.goto(baseUrl + target.path, { waitUntil: 'commit', timeout: RUN_TIMEOUT_MS });
    return (await page.evaluate(
      `Promise.race([window.__firstRender, new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), ${RUN_TIMEOUT_MS}))])`,
    )) as number;
  } finally {
    await context.close();
  }
}

interface Series {
  times: number[];
  failures: string[];
}

interface Row {
  widget: Widget;
  own: Series;
  floor: Series;
}

async function timeInto(series: Series, run: () => Promise<number>): Promise<void> {
  try {
    series.times.push(await run());
  } catch (error) {
    series.failures.push((error as Error).message.split('\n')[0]!);
  }
}

async function measure(browser: Browser, baseUrl: string, runs: number, throttled: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  for (const widget of CASES) {
    const row: Row = { widget, own: { times: [], failures: [] }, floor: { times: [], failures: [] } };
    for (let i = 0; i < runs; i++) {
      await timeInto(row.own, () => measureOnce(browser, baseUrl, widgetTarget(widget), throttled));
      await timeInto(row.floor, () => measureOnce(browser, baseUrl, floorTarget(widget), throttled));
    }
    rows.push(row);
  }
  return rows;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function table(title: string, rows: readonly Row[], runs: number): string {
  const lines = [
    `**${title}** (N=${runs} per widget, ms from navigation start)`,
    '',
    '| widget | shows | median | min | max | floor median | widget ÷ floor | failed runs (widget / floor) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const failed = ({ failures }: Series) =>
    failures.length ? `${failures.length} (${[...new Set(failures)].join('; ')})` : '0';
  for (const { widget, own, floor } of rows) {
    const f = (x: number, s: Series) => (s.times.length ? Math.round(x).toString() : '–');
    const ratio = own.times.length && floor.times.length ? `${(median(own.times) / median(floor.times)).toFixed(2)}×` : '–';
    lines.push(
      `| \`<${widget.tag}>\` | ${widget.shows} | ${f(median(own.times), own)} | ${f(Math.min(...own.times), own)} | ${f(Math.max(...own.times), own)} | ${f(median(floor.times), floor)} | ${ratio} | ${failed(own)} / ${failed(floor)} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '7' },
      'throttled-runs': { type: 'string', default: '1' },
      throttle: { type: 'boolean', default: true },
    },
    allowNegative: true,
  });
  const runs = Number(values.runs);
  const throttledRuns = Number(values['throttled-runs']);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(throttledRuns) || throttledRuns < 1) {
    throw new Error('--runs and --throttled-runs take a positive whole number');
  }
  buildCdn();
  const pages = await writePages();
  const started = Date.now();
  const server = await startReferenceServer({
    demoDossiers: 2000,
    staticRoot: pages,
    cdnRoot: CDN_DIR,
    requestsPerMinute: 1_000_000,
    production: true,
  });
  const { url } = server;
  const browser = await launchChromium();
  try {
    const load = loadavg().map((x) => x.toFixed(2)).join(' / ');
    console.log(`First render — Chromium ${browser.version()}, load average before (1/5/15 min): ${load}\n`);
    // One unmeasured visit per widget: the server's first queries and the OS file cache warm up.
    await measure(browser, url, 1, false);
    console.log(table('Unthrottled (local loopback, this machine)', await measure(browser, url, runs, false), runs));
    if (values.throttle) {
      console.log('');
      console.log(
        table(`CPU slowed ×${CPU_SLOWDOWN} and slow 3G (2 s RTT, 400 kbit/s)`, await measure(browser, url, throttledRuns, true), throttledRuns),
      );
    }
    const after = loadavg().map((x) => x.toFixed(2)).join(' / ');
    console.log(`\nLoad average after: ${after}; took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(pages, { recursive: true, force: true });
  }
}

await main();

#!/usr/bin/env node
/**
 * Screenshots of each widget (Vietnamese, 360 px and 1280 px wide) into docs/*.png, so a webmaster sees
 * what they get. Starts the real reference server (the browser tests' launcher: real SQLite, seed data, test
 * dossiers ingested through the API), bundles the widgets with esbuild and photographs them in Chromium.
 *
 *   node scripts/screenshots.mjs            (Chromium: test/support/chromium.mjs, $CHROME_PATH or /usr/bin/chromium)
 *   node scripts/screenshots.mjs stats      (only the shots whose name starts with one of the arguments)
 */
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startReferenceApi } from '../packages/elements/test/support/api-plugin.mjs';
import { launchChromium } from '../test/support/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const docs = fileURLToPath(new URL('../docs/', import.meta.url));
const WIDTHS = [360, 1280];

/** The widgets as ES modules (plus the chunks they share or load on demand), from source. */
async function bundle() {
  const result = await build({
    entryPoints: {
      lookup: `${root}packages/elements/src/dossier-lookup/define.ts`,
      rating: `${root}packages/elements/src/rating/define.ts`,
      finder: `${root}packages/elements/src/procedure-finder/define.ts`,
      directory: `${root}packages/elements/src/counter-directory/define.ts`,
      stats: `${root}packages/elements/src/stats/define.ts`,
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    conditions: ['source', 'browser'],
    outdir: '/widgets',
    write: false,
    logLevel: 'warning',
  });
  return new Map(result.outputFiles.map((f) => [f.path, f.text]));
}

/** A portal-like page: a header band, a content column, the widget. */
function page(api, widget) {
  return `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="motcua:api" content="${api}">
  <title>Cổng dịch vụ công tỉnh Lạng Sơn</title>
  <link rel="stylesheet" href="/page.css">
  <script type="module" src="/widgets/lookup.js"></script>
  <script type="module" src="/widgets/rating.js"></script>
  <script type="module" src="/widgets/finder.js"></script>
  <script type="module" src="/widgets/directory.js"></script>
  <script type="module" src="/widgets/stats.js"></script>
</head>
<body>
  <header>Cổng dịch vụ công tỉnh Lạng Sơn</header>
  <main>${widget}</main>
</body>
</html>`;
}

const PAGE_CSS = `body { margin: 0; background: #eef0f3; font-family: system-ui, sans-serif; }
header { background: #9f1c20; color: #fff; font: 700 18px/1.3 system-ui, sans-serif; padding: 14px 16px; }
main { max-width: 880px; margin: 0 auto; padding: 16px; }`;

async function main() {
  const files = await bundle();
  const api = await startReferenceApi();
  const { urls, dossiers } = api.info;
  const widgets = {
    'dossier-lookup': `<motcua-dossier-lookup code="${dossiers.settled.code}"></motcua-dossier-lookup>`,
    rating: `<motcua-rating office="${dossiers.settled.office}" summary></motcua-rating>`,
    'procedure-finder': `<motcua-procedure-finder unit="06220"></motcua-procedure-finder>`,
    'procedure-finder-detail': `<motcua-procedure-finder code="1.001193"></motcua-procedure-finder>`,
    // A fixed instant (Tuesday 09:00 in Hà Nội) so "open now" reads the same in every run.
    'counter-directory': `<motcua-counter-directory unit="06220" now="2026-03-03T09:00:00+07:00"></motcua-counter-directory>`,
    stats: `<motcua-stats unit="06220"></motcua-stats>`,
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/page.css') {
      res.writeHead(200, { 'content-type': 'text/css' }).end(PAGE_CSS);
    } else if (files.has(url.pathname)) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(files.get(url.pathname));
    } else if (url.pathname.startsWith('/widget/') && widgets[url.pathname.slice(8)]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(urls.main, widgets[url.pathname.slice(8)]));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;

  const browser = await launchChromium();
  mkdirSync(docs, { recursive: true });
  try {
    for (const [name, ready, options] of [
      ['dossier-lookup', async (p) => {
        await p.locator('motcua-dossier-lookup [part="history"]').waitFor();
      }],
      ['rating', async (p) => {
        await p.locator('motcua-rating [part="summary"]').waitFor();
        // Show the dissatisfied path: the comment becomes required, with its counter.
        await p.locator('motcua-rating [data-level="dissatisfied"]').click();
        await p.locator('motcua-rating #comment').fill('Tôi phải đến bộ phận một cửa 3 lần mới bổ sung xong giấy tờ.');
        await p.locator('motcua-rating #comment').blur();
      }],
      ['procedure-finder', async (p) => {
        await p.locator('motcua-procedure-finder #q').fill('khai sinh');
        await p.locator('motcua-procedure-finder [part="more"]').waitFor();
      }],
      ['procedure-finder-detail', async (p) => {
        await p.locator('motcua-procedure-finder [part="apply"]').waitFor();
      }, { clip: 1400 }],
      ['counter-directory', async (p) => {
        await p.locator('motcua-counter-directory #q').fill('Hòa Cư');
        await p.locator('motcua-counter-directory [part="former-match"]').waitFor();
        await p.locator('motcua-counter-directory li.office').first().locator('summary').first().click();
      }, { clip: 1400 }],
      ['stats', async (p) => {
        await p.locator('motcua-stats [part="chart"]').waitFor();
      }],
    ]) {
      const only = process.argv.slice(2);
      if (only.length && !only.some((prefix) => name.startsWith(prefix))) continue;
      for (const width of WIDTHS) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, locale: 'vi-VN' });
        const p = await context.newPage();
        await p.goto(`${origin}/widget/${name}`, { waitUntil: 'load' });
        await ready(p);
        await p.waitForTimeout(300);
        const file = `${docs}${name}-${width}.png`;
        // Long pages (a procedure, 66 offices) are cut to their first `clip` pixels.
        const height = await p.evaluate(() => document.documentElement.scrollHeight);
        const clip = options?.clip && height > options.clip ? { x: 0, y: 0, width, height: options.clip } : undefined;
        await p.screenshot({ path: file, fullPage: true, ...(clip ? { clip } : {}) });
        console.log(`wrote ${file.replace(root, '')}`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
    await api.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

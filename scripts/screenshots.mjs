#!/usr/bin/env node
/**
 * Screenshots of each widget, in Vietnamese and English, 360 px and 1280 px wide, into docs/*.png, so a
 * webmaster sees what they get. The real reference server with the full demo seed, as `npm start` seeds it
 * (test/support/reference-server.mjs: a temporary database, removed after), the widgets bundled with esbuild
 * from source, photographed in Chromium. The lookups use the fixed demo dossiers (packages/server/src/demo/
 * fixed-dossiers.ts); the rate-limit shot meets the server's real limiter, exhausted by requests from here.
 *
 *   node scripts/screenshots.mjs            (Chromium: test/support/chromium.mjs, $CHROME_PATH or /usr/bin/chromium)
 *   node scripts/screenshots.mjs stats      (only the shots whose name starts with one of the arguments)
 */
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startReferenceServer } from '../test/support/reference-server.mjs';
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

const PORTAL = { vi: 'Cổng dịch vụ công tỉnh Lạng Sơn', en: 'Lạng Sơn public service portal' };

/** A portal-like page in `lang`: a header band, a content column, the widget. */
function page(api, lang, widget) {
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="motcua:api" content="${api}">
  <title>${PORTAL[lang]}</title>
  <link rel="stylesheet" href="/page.css">
  <script type="module" src="/widgets/lookup.js"></script>
  <script type="module" src="/widgets/rating.js"></script>
  <script type="module" src="/widgets/finder.js"></script>
  <script type="module" src="/widgets/directory.js"></script>
  <script type="module" src="/widgets/stats.js"></script>
</head>
<body>
  <header>${PORTAL[lang]}</header>
  <main>${widget}</main>
</body>
</html>`;
}

const PAGE_CSS = `body { margin: 0; background: #eef0f3; font-family: system-ui, sans-serif; }
header { background: #9f1c20; color: #fff; font: 700 18px/1.3 system-ui, sans-serif; padding: 14px 16px; }
main { max-width: 880px; margin: 0 auto; padding: 16px; }`;

// Fixed demo dossiers (fixed-dossiers.ts): returned early, accepted and past its appointment, waiting for
// documents, waiting for fees, being processed.
const CODE = {
  settled: '000.00.20.H37-261005-0001',
  late: '000.00.20.H37-261126-0001',
  documents: '000.00.20.H37-261124-0001',
  fees: '000.00.20.H37-261125-0001',
  processing: '000.00.20.H37-261123-0001',
  /** Rated before the shots: the rating's "already rated" state (the returned one keeps its offer to rate). */
  rated: '000.00.20.H37-261116-0001',
};
const CENTRE = 'trung-tam-pvhcc-tinh';
// The rate-limit shot's own window: the other lookups of a run stay well under it.
const LOOKUPS_PER_MINUTE = 40;

const lookup = (code) => `<motcua-dossier-lookup code="${code}"></motcua-dossier-lookup>`;
const lookupReady = (part) => async (p) => {
  await p.locator(`motcua-dossier-lookup [part="${part}"]`).first().waitFor();
};

/** [name, widget HTML, wait until ready (and act), options]; `clip` cuts long pages to their first pixels. */
const SHOTS = [
  ['dossier-lookup', lookup(CODE.settled), lookupReady('history')],
  ['dossier-lookup-late', lookup(CODE.late), lookupReady('timing')],
  ['dossier-lookup-documents', lookup(CODE.documents), lookupReady('next-step')],
  ['dossier-lookup-fees', lookup(CODE.fees), lookupReady('next-step')],
  ['rating', `<motcua-rating office="${CENTRE}" summary></motcua-rating>`, async (p, lang) => {
    await p.locator('motcua-rating [part="period"]').waitFor();
    // The dissatisfied path: the comment becomes required, with its counter.
    await p.locator('motcua-rating [data-level="dissatisfied"]').click();
    await p.locator('motcua-rating #comment').fill(lang === 'vi'
      ? 'Tôi phải đến trung tâm 3 lần mới bổ sung xong giấy tờ.'
      : 'I had to come to the centre 3 times to complete my documents.');
    await p.locator('motcua-rating #comment').blur();
  }],
  ['rating-rated', `<motcua-rating dossier="${CODE.rated}"></motcua-rating>`, async (p) => {
    await p.locator('motcua-rating [part="message"]').waitFor();
  }],
  ['procedure-finder', `<motcua-procedure-finder unit="06220"></motcua-procedure-finder>`, async (p) => {
    await p.locator('motcua-procedure-finder #q').fill('khai sinh');
    await p.locator('motcua-procedure-finder [part="more"]').waitFor();
  }, { clip: 1800 }],
  ['procedure-finder-detail', `<motcua-procedure-finder code="1.001193"></motcua-procedure-finder>`, async (p) => {
    await p.locator('motcua-procedure-finder [part="apply"]').waitFor();
  }, { clip: 1400 }],
  ['procedure-finder-detail-checklist', `<motcua-procedure-finder code="1.001193"></motcua-procedure-finder>`, async (p) => {
    await p.locator('motcua-procedure-finder .bring').waitFor({ state: 'attached' });
    await p.locator('motcua-procedure-finder details:has(.bring)').evaluate((d) => (d.open = true));
    await p.locator('motcua-procedure-finder .bring input[type="checkbox"]').first().check();
  }, { element: 'motcua-procedure-finder details:has(.bring)' }],
  // A fixed instant (Tuesday 09:00 in Hà Nội) so "open now" reads the same in every run.
  ['counter-directory', `<motcua-counter-directory unit="06220" now="2026-03-03T09:00:00+07:00"></motcua-counter-directory>`, async (p) => {
    await p.locator('motcua-counter-directory li.office').first().waitFor();
  }],
  ['counter-directory-row', `<motcua-counter-directory unit="06220" now="2026-03-03T09:00:00+07:00"></motcua-counter-directory>`, async (p) => {
    await p.locator('motcua-counter-directory li.office').nth(1).locator('summary').first().click();
  }, { clip: 1400 }],
  ['stats', `<motcua-stats></motcua-stats>`, async (p) => {
    await p.locator('motcua-stats [part="chart"]').waitFor();
  }],
  // Last: it spends the lookups of the current minute.
  ['dossier-lookup-rate-limited', lookup(CODE.processing), async (p) => {
    await p.locator('motcua-dossier-lookup [part="retry"][disabled]').waitFor();
  }, { exhaust: true }],
];

/** Look dossiers up until the server's limiter answers 429 (the lookups of this client for the minute are spent). */
async function exhaustLookups(api) {
  for (let i = 0; i <= LOOKUPS_PER_MINUTE; i++) {
    const res = await fetch(`${api}/v1/dossiers/${CODE.processing}`);
    await res.arrayBuffer();
    if (res.status === 429) return;
  }
  throw new Error('the lookup limiter never answered 429');
}

async function main() {
  const only = process.argv.slice(2);
  const shots = SHOTS.filter(([name]) => !only.length || only.some((prefix) => name.startsWith(prefix)));
  const [files, api] = await Promise.all([
    bundle(),
    startReferenceServer({ rateLimits: { dossierLookup: { max: LOOKUPS_PER_MINUTE, windowMs: 60_000 } } }),
  ]);
  // The "already rated" state: a citizen rated a dossier, through the API.
  const rated = await fetch(`${api.url}/v1/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `screenshots-${Date.now()}` },
    body: JSON.stringify({ target: { type: 'dossier', code: CODE.rated }, level: 'satisfied' }),
  });
  if (!rated.ok) throw new Error(`POST /v1/ratings → ${rated.status}: ${await rated.text()}`);

  const widgets = new Map(shots.map(([name, widget]) => [name, widget]));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [, kind, lang, name] = url.pathname.split('/');
    if (url.pathname === '/page.css') {
      res.writeHead(200, { 'content-type': 'text/css' }).end(PAGE_CSS);
    } else if (files.has(url.pathname)) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(files.get(url.pathname));
    } else if (kind === 'widget' && (lang === 'vi' || lang === 'en') && widgets.has(name)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(api.url, lang, widgets.get(name)));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;

  const browser = await launchChromium();
  mkdirSync(docs, { recursive: true });
  try {
    for (const [name, , ready, options = {}] of shots) {
      for (const lang of ['vi', 'en']) {
        for (const width of WIDTHS) {
          if (options.exhaust) await exhaustLookups(api.url);
          const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
          const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, locale, timezoneId: 'Asia/Ho_Chi_Minh' });
          const p = await context.newPage();
          await p.goto(`${origin}/widget/${lang}/${name}`, { waitUntil: 'load' });
          await ready(p, lang);
          await p.waitForTimeout(300);
          const file = `${docs}${name}${lang === 'vi' ? '' : '-en'}-${width}.png`;
          if (options.element) {
            await p.locator(options.element).screenshot({ path: file });
          } else {
            const height = await p.evaluate(() => document.documentElement.scrollHeight);
            const clip = options.clip && height > options.clip ? { x: 0, y: 0, width, height: options.clip } : undefined;
            await p.screenshot({ path: file, fullPage: true, ...(clip ? { clip } : {}) });
          }
          console.log(`wrote ${file.replace(root, '')}`);
          await context.close();
        }
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

/**
 * Lighthouse (mobile profile: Moto G Power, slow 4G, CPU ×4) on the example portal page with every widget, as
 * a benchmark: it prints the scores and the figures DESIGN.md "Budgets" names (CLS ≤ 0.05, Total Blocking
 * Time ≤ 200 ms), it passes or fails nothing. The page is served by the reference server (production mode)
 * with the CDN build, over a temporary database with demonstration data.
 *
 * Run: node --conditions=source --import tsx bench/lighthouse.ts [--runs 3]
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROME_PATH, CHROMIUM_FLAGS } from '../test/support/chromium.mjs';
import { startReferenceServer } from '../test/support/reference-server.mjs';
import { buildCdn, CDN_DIR, ROOT } from './cdn-build.js';

const EXAMPLES = join(ROOT, 'examples');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const AUDITS = {
  'largest-contentful-paint': 'LCP',
  'cumulative-layout-shift': 'CLS',
  'total-blocking-time': 'TBT',
  'speed-index': 'Speed Index',
} as const;

interface Run {
  scores: Record<string, number | null>;
  audits: Record<string, string>;
  failing: string[];
}

async function audit(url: string, port: number): Promise<Run> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error('Lighthouse returned nothing');
  const { categories, audits } = result.lhr;
  const failing = Object.values(audits)
    .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode) && categories.accessibility?.auditRefs.some((r) => r.id === a.id))
    .map((a) => a.id);
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, categories[c]?.score == null ? null : Math.round(categories[c]!.score! * 100)])),
    audits: Object.fromEntries(Object.entries(AUDITS).map(([id, label]) => [label, audits[id]?.displayValue ?? '–'])),
    failing,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive whole number');
  buildCdn();
  const server = await startReferenceServer({
    demoDossiers: 2000,
    staticRoot: EXAMPLES,
    cdnRoot: CDN_DIR,
    requestsPerMinute: 1_000_000,
    production: true,
  });
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS] });
  try {
    console.log(`Lighthouse on ${server.url}/ (example portal), load average before: ${loadavg().map((x) => x.toFixed(2)).join(' / ')}\n`);
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) results.push(await audit(`${server.url}/`, chrome.port));
    const header = [...CATEGORIES, ...Object.values(AUDITS)];
    console.log(`| run | ${header.join(' | ')} |`);
    console.log(`|---|${header.map(() => '---').join('|')}|`);
    results.forEach((r, i) => {
      const cells = [...CATEGORIES.map((c) => String(r.scores[c] ?? '–')), ...Object.values(AUDITS).map((label) => r.audits[label])];
      console.log(`| ${i + 1} | ${cells.join(' | ')} |`);
    });
    const failing = [...new Set(results.flatMap((r) => r.failing))];
    console.log(`\nAccessibility audits not passed in some run: ${failing.length ? failing.join(', ') : 'none'}`);
    console.log('Goals (DESIGN.md, not a gate): performance ≥ 90, CLS ≤ 0.05, TBT ≤ 200 ms, accessibility 100, SEO 100.');
  } finally {
    await chrome.kill();
    await server.stop();
  }
}

await main();

#!/usr/bin/env node
/**
 * Subresource Integrity (sha384) of the CDN build in packages/elements/dist/cdn (run `npm run build` first),
 * and ready-to-paste HTML: for each entry, its `<script type="module" integrity>` plus a
 * `<link rel="modulepreload" integrity>` for every chunk it imports statically, so the browser checks every
 * file the widget needs before running it. Chunks loaded later (the English messages, the rating dialog of
 * the lookup) are covered by the import map's `integrity` section (Chrome 127+, Safari 18+, Firefox 138+).
 *
 * With `--api`, each snippet also starts the widget's data beside its scripts: a `preconnect` to the API's
 * origin and a `<link rel="preload" as="fetch">` per request the widget sends on connecting
 * (scripts/first-requests.mjs), for the `--unit` and `--office` the elements carry.
 *
 *   node scripts/sri.mjs                                   # the table and the snippets (jsDelivr URLs)
 *   node scripts/sri.mjs --base https://cdn.tinh.gov.vn/motcua/   # snippets for your own CDN
 *   node scripts/sri.mjs --api https://dvc.tinh.gov.vn/motcua --unit 06220 --office ubnd-xa-cong-son
 *   node scripts/sri.mjs --json                            # { "motcua.js": "sha384-…", … }
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { preloadLinks } from './first-requests.mjs';
import { cdnFiles, staticClosure } from './size.mjs';

const { version } = JSON.parse(readFileSync(new URL('../packages/elements/package.json', import.meta.url), 'utf8'));

/** `sha384-<base64>` of some bytes, as the `integrity` attribute wants it. */
export function sri(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/**
 * What a webmaster pastes for CDN entry `entry` (e.g. `motcua-stats.js`) served from `base`: with `api` on
 * another origin, a `preconnect` to it; the entry's `<script type="module">` and a `<link rel="modulepreload">` per
 * chunk it imports statically, each with its integrity; then, with `api`, the widget's first requests
 * (`attributes` decide them). `files`: the CDN build (size.mjs `cdnFiles`); `hashes`: file → integrity.
 */
export function widgetSnippet({ entry, files, hashes, base, api, attributes = {} }) {
  const lines = [];
  const data = api ? preloadLinks(entry.replace(/\.js$/, ''), attributes, api) : [];
  // A relative API base is the page's own origin: nothing to connect to ahead.
  if (data.length && /^https?:/i.test(api)) lines.push(`<link rel="preconnect" href="${new URL(api).origin}" crossorigin="anonymous">`);
  // The scripts before the data: the browser asks in this order, and an HTTP/1.1 origin gives a page six
  // connections. When a seventh request has to wait a round trip for one, better the data a first screen can be
  // drawn without (the lookup's /v1/meta, the finder's /v1/fields, behind a deep link's request) than a script,
  // without which nothing is drawn.
  lines.push(`<script type="module" src="${base}${entry}" integrity="${hashes[entry]}" crossorigin="anonymous"></script>`);
  for (const chunk of staticClosure(files, [entry]).filter((f) => f !== entry)) {
    lines.push(`<link rel="modulepreload" href="${base}${chunk}" integrity="${hashes[chunk]}" crossorigin="anonymous">`);
  }
  lines.push(...data);
  return lines;
}

/** File → `sha384-…` for every file of the CDN build `files`, sorted by name. */
export const integrities = (files) => Object.fromEntries([...files.keys()].sort().map((file) => [file, sri(files.get(file))]));

function main() {
  const { values } = parseArgs({
    options: {
      base: { type: 'string', default: `https://cdn.jsdelivr.net/npm/@motcua/elements@${version}/dist/cdn/` },
      json: { type: 'boolean', default: false },
      api: { type: 'string' },
      unit: { type: 'string' },
      office: { type: 'string' },
    },
  });
  const { api, unit, office } = values;
  const base = values.base.endsWith('/') ? values.base : `${values.base}/`;
  return cdnFiles({ fromDist: true }).then((files) => {
    const hashes = integrities(files);
    if (values.json) {
      console.log(JSON.stringify(hashes, null, 2));
      return;
    }
    console.table(Object.entries(hashes).map(([file, integrity]) => ({ file, integrity })));

    const entries = Object.keys(hashes).filter((file) => !file.includes('/'));
    for (const entry of entries) {
      console.log(`\n<!-- ${entry} -->`);
      for (const line of widgetSnippet({ entry, files, hashes, base, api, attributes: { unit, office, summary: '' } })) console.log(line);
    }
    const integrity = Object.fromEntries(Object.entries(hashes).map(([file, hash]) => [`${base}${file}`, hash]));
    console.log('\n<!-- Every file, lazily loaded chunks included (browsers with import map integrity): -->');
    console.log(`<script type="importmap">${JSON.stringify({ integrity }, null, 2)}</script>`);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}

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
import { parseArgs } from 'node:util';
import { preloadLinks } from './first-requests.mjs';
import { cdnFiles, staticClosure } from './size.mjs';

const { version } = JSON.parse(readFileSync(new URL('../packages/elements/package.json', import.meta.url), 'utf8'));

/** `sha384-<base64>` of some bytes, as the `integrity` attribute wants it. */
export function sri(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

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
    const hashes = Object.fromEntries([...files.keys()].sort().map((file) => [file, sri(files.get(file))]));
    if (values.json) {
      console.log(JSON.stringify(hashes, null, 2));
      return;
    }
    console.table(Object.entries(hashes).map(([file, integrity]) => ({ file, integrity })));

    const entries = Object.keys(hashes).filter((file) => !file.includes('/'));
    for (const entry of entries) {
      console.log(`\n<!-- ${entry} -->`);
      const tag = entry.replace(/\.js$/, '');
      const data = api ? preloadLinks(tag, { unit, office, summary: '' }, api) : [];
      if (data.length) {
        // A relative API base is the page's own origin: nothing to connect to ahead.
        if (/^https?:/i.test(api)) console.log(`<link rel="preconnect" href="${new URL(api).origin}" crossorigin="anonymous">`);
        for (const link of data) console.log(link);
      }
      console.log(`<script type="module" src="${base}${entry}" integrity="${hashes[entry]}" crossorigin="anonymous"></script>`);
      for (const chunk of staticClosure(files, [entry]).filter((f) => f !== entry)) {
        console.log(`<link rel="modulepreload" href="${base}${chunk}" integrity="${hashes[chunk]}" crossorigin="anonymous">`);
      }
    }
    const integrity = Object.fromEntries(Object.entries(hashes).map(([file, hash]) => [`${base}${file}`, hash]));
    console.log('\n<!-- Every file, lazily loaded chunks included (browsers with import map integrity): -->');
    console.log(`<script type="importmap">${JSON.stringify({ integrity }, null, 2)}</script>`);
  });
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});

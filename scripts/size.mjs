#!/usr/bin/env node
/**
 * Bundle each entry for the browser (esbuild: ESM, minified, all dependencies included, `source` condition) and
 * print its minified, gzip (level 9) and brotli (quality 11) size. Exits 1 when an entry is over its gzip budget.
 *
 *   node scripts/size.mjs            # all entries
 *   node scripts/size.mjs sdk        # only the named ones
 *
 * Add an entry to ENTRIES to measure and guard another bundle.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const kB = 1024;

/** @type {{ name: string; entry: string; budgetGzip: number }[]} entry is relative to the repo root; budget in bytes. */
export const ENTRIES = [{ name: '@motcua/sdk', entry: 'packages/sdk/src/index.ts', budgetGzip: 12 * kB }];

/** Bundle one entry in memory and return its sizes in bytes. */
export async function measure(entry) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  return {
    min: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: code.byteLength },
    }).byteLength,
  };
}

const show = (bytes) => `${bytes} B (${(bytes / kB).toFixed(2)} kB)`;

async function main(names) {
  const selected = names.length ? ENTRIES.filter((e) => names.includes(e.name)) : ENTRIES;
  if (selected.length === 0) {
    console.error(`No entry named ${names.join(', ')}. Known: ${ENTRIES.map((e) => e.name).join(', ')}`);
    return 1;
  }
  const rows = [];
  const failures = [];
  for (const { name, entry, budgetGzip } of selected) {
    const size = await measure(entry);
    const ok = size.gzip <= budgetGzip;
    if (!ok) failures.push(`${name}: gzip ${show(size.gzip)} is over its budget of ${show(budgetGzip)}`);
    rows.push({
      entry: name,
      min: show(size.min),
      gzip: show(size.gzip),
      brotli: show(size.brotli),
      'gzip budget': show(budgetGzip),
      ok: ok ? 'yes' : 'NO',
    });
  }
  console.table(rows);
  for (const failure of failures) console.error(`Size budget failed: ${failure}`);
  return failures.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}` || fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}

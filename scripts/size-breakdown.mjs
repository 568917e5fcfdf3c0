#!/usr/bin/env node
/**
 * Where the bytes of the CDN build are: for each one-widget page (its entry and the chunks it imports statically,
 * as scripts/size.mjs measures it) and for everything, the gzip size split by origin: each dependency (zod, ky,
 * lit-html, …), the SDK's contract and client, each widget's folder and elements/internal.
 *
 * A file's gzip size is shared out in proportion to the minified bytes each origin has in it (from the source
 * map): an estimate (gzip does not compress every part alike), but it sums to the measured size.
 *
 *   node scripts/size-breakdown.mjs          # pages and everything, from the shared-chunk build
 *   node scripts/size-breakdown.mjs --alone  # also each widget bundled alone, nothing shared with other widgets:
 *                                            # the least a page with that widget could load however it is split
 *   node scripts/size-breakdown.mjs --files  # our own code file by file (src/…), not folder by folder
 */
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { SourceMapConsumer } from 'source-map-js';
import { cdn } from '../rollup.config.mjs';
import { staticClosure } from './size.mjs';

const byFile = process.argv.includes('--files');
const kB = (bytes) => (bytes / 1024).toFixed(2);
const gzip = (code) => gzipSync(code, { level: 9 }).byteLength;

/** Which origin a source file of the map is counted under. */
function origin(source) {
  const dependency = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (dependency) return dependency[1];
  const own = source.match(/(sdk|elements)\/src\/([^/]+)/);
  if (own) return `${own[1]}/${byFile ? source.slice(own.index + own[0].length - own[2].length) : own[2].replace(/\.ts$/, '')}`;
  // Paths relative to packages/elements/dist/cdn (the build's own sources).
  const elements = source.match(/^(?:\.\.\/)+src\/([^/]+)/);
  if (!elements) return source;
  return `elements/${byFile ? source.slice(elements.index + elements[0].length - elements[1].length) : elements[1].replace(/\.ts$/, '')}`;
}

/** gzip bytes of one chunk, by origin. */
function chunkOrigins({ code, map }) {
  const lines = code.split('\n');
  const mappings = [];
  new SourceMapConsumer(map).eachMapping((m) => mappings.push(m));
  mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  const minified = new Map();
  mappings.forEach((m, i) => {
    const next = mappings[i + 1];
    const end = next && next.generatedLine === m.generatedLine ? next.generatedColumn : lines[m.generatedLine - 1].length;
    const key = m.source ? origin(m.source) : '(rollup)';
    minified.set(key, (minified.get(key) ?? 0) + end - m.generatedColumn);
  });
  // What no mapping covers (import and export statements, rollup's glue).
  minified.set('(rollup)', (minified.get('(rollup)') ?? 0) + code.length - [...minified.values()].reduce((a, b) => a + b, 0));
  const size = gzip(code);
  return new Map([...minified].map(([key, bytes]) => [key, (bytes / code.length) * size]));
}

function add(into, from) {
  for (const [key, bytes] of from) into.set(key, (into.get(key) ?? 0) + bytes);
  return into;
}

function print(title, origins) {
  const total = [...origins.values()].reduce((a, b) => a + b, 0);
  const parts = [...origins].sort((a, b) => b[1] - a[1]).filter(([, bytes]) => bytes >= 10);
  console.log(`${title}: ${kB(total)} kB gzip`);
  console.log(`  ${parts.map(([key, bytes]) => `${key} ${kB(bytes)}`).join(', ')}`);
}

async function generate(options) {
  const bundle = await rollup(options);
  try {
    return (await bundle.generate({ ...cdn.output, sourcemap: true })).output.filter((o) => o.type === 'chunk');
  } finally {
    await bundle.close();
  }
}

const widgets = Object.keys(cdn.input).filter((name) => name.startsWith('motcua-') && name !== 'motcua-autoloader');
const chunks = await generate(cdn);
const byName = new Map(chunks.map((c) => [c.fileName, c]));
const code = new Map(chunks.map((c) => [c.fileName, Buffer.from(c.code)]));
const origins = new Map(chunks.map((c) => [c.fileName, chunkOrigins(c)]));

for (const name of widgets) {
  const files = staticClosure(code, [`${name}.js`]);
  print(`page <${name}> (${files.length} files: ${files.map((f) => `${f} ${kB(gzip(byName.get(f).code))}`).join(', ')})`, files.reduce((all, f) => add(all, origins.get(f)), new Map()));
}
print(`everything (${chunks.length} files)`, chunks.reduce((all, c) => add(all, origins.get(c.fileName)), new Map()));

if (process.argv.includes('--alone')) {
  // The build's plugins without those that write or rewrite files for several entries.
  const plugins = cdn.plugins.filter((p) => !['motcua-remove-stale-files', 'motcua-preload-autoloaded-chunks'].includes(p.name));
  for (const name of widgets) {
    const own = await generate({ ...cdn, input: { [name]: cdn.input[name] }, plugins });
    const entry = own.find((c) => c.isEntry);
    const ownCode = new Map(own.map((c) => [c.fileName, Buffer.from(c.code)]));
    const files = staticClosure(ownCode, [entry.fileName]);
    print(`<${name}> alone (${files.length} files before data, lazy chunks apart)`, files.reduce((all, f) => add(all, chunkOrigins(own.find((c) => c.fileName === f))), new Map()));
  }
}

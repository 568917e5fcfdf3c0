/**
 * The CDN build writes each script's brotli and gzip forms beside it (rollup.config.mjs `precompress`), which the
 * reference server sends as they are; they must hold exactly the script, and a new build must keep them while it
 * removes the files of earlier builds.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

interface Plugin {
  name?: string;
  writeBundle?: (options: { dir: string }, bundle: Record<string, unknown>) => void;
}
const { cdn } = (await import('../../rollup.config.mjs' as string)) as { cdn: { plugins: Plugin[] } };
const plugin = (name: string) => {
  const found = cdn.plugins.find((p) => p.name === name);
  assert.ok(found?.writeBundle, `the CDN build has ${name}`);
  return found.writeBundle.bind(found);
};

test('each script of a build is written compressed beside it, and a new build keeps those files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-precompress-'));
  try {
    mkdirSync(join(dir, 'chunks'));
    const code = `export const hello = ${JSON.stringify('Xin chào, bộ phận một cửa. '.repeat(50))};\n`;
    const bundle = {
      'motcua-stats.js': { type: 'chunk', code },
      'chunks/format-Ab12Cd34.js': { type: 'chunk', code: 'export const f = 1;\n' },
      'motcua-stats.js.map': { type: 'asset', source: '{}' },
    };
    for (const [file, output] of Object.entries(bundle)) {
      writeFileSync(join(dir, file), 'code' in output ? output.code : output.source);
    }
    // A chunk of an earlier build, with its compressed forms.
    for (const old of ['chunks/format-Old00000.js', 'chunks/format-Old00000.js.br', 'chunks/format-Old00000.js.gz']) {
      writeFileSync(join(dir, old), 'stale');
    }
    plugin('motcua-remove-stale-files')({ dir }, bundle);
    plugin('motcua-precompress')({ dir }, bundle);
    // A second build of the same code: its compressed files are its own, not stale ones.
    plugin('motcua-remove-stale-files')({ dir }, bundle);

    assert.deepEqual(readdirSync(join(dir, 'chunks')).sort(), ['format-Ab12Cd34.js', 'format-Ab12Cd34.js.br', 'format-Ab12Cd34.js.gz']);
    assert.equal(brotliDecompressSync(readFileSync(join(dir, 'motcua-stats.js.br'))).toString(), code);
    assert.equal(gunzipSync(readFileSync(join(dir, 'motcua-stats.js.gz'))).toString(), code);
    assert.ok(readFileSync(join(dir, 'motcua-stats.js.br')).length < code.length / 4, 'smaller than the script');
    assert.equal(existsSync(join(dir, 'motcua-stats.js.map.br')), false, 'source maps are left as they are');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The CDN build the browser benchmarks measure, built afresh so that no stale `dist/` is measured. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CDN_DIR = join(ROOT, 'packages/elements/dist/cdn');

export function buildCdn(): void {
  console.log('Building the CDN files (npx rollup -c rollup.config.mjs)…');
  const result = spawnSync('npx', ['rollup', '-c', 'rollup.config.mjs', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The CDN build failed.');
}

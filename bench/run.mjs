#!/usr/bin/env node
/**
 * Runs every benchmark in sequence and prints their figures (nothing passes or fails): the machine, then
 * bundle sizes against DESIGN.md's budgets (scripts/size.mjs), time to data of each widget beside a floor page in
 * headless Chromium (bench/first-render.ts), Lighthouse on the example portal (bench/lighthouse.ts) and the
 * server's latency and throughput (bench/server.ts). The machine's
 * load average is printed before each step: figures taken on a busy machine are slower than on an idle one.
 *
 *   node bench/run.mjs     (npm run bench)
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CHROME_PATH } from '../test/support/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = ['--conditions=source', '--import', 'tsx'];
const steps = [
  { title: 'Bundle sizes', args: ['scripts/size.mjs', '--markdown'] },
  { title: 'Time to data, beside the floor page', args: [...tsx, 'bench/first-render.ts'] },
  { title: 'Lighthouse (mobile) on the example portal', args: [...tsx, 'bench/lighthouse.ts'] },
  { title: 'Server', args: [...tsx, 'bench/server.ts'] },
];

const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
const chromium = spawnSync(CHROME_PATH, ['--version'], { encoding: 'utf8' });
console.log('# motcua benchmarks\n');
console.log(`- date: ${new Date().toISOString()}`);
console.log(`- CPU: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}; memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
console.log(`- Node ${process.version}; ${chromium.stdout?.trim() || 'Chromium not found'}`);
console.log(`- load average (1/5/15 min): ${load()}`);

let failed = 0;
for (const { title, args } of steps) {
  console.log(`\n## ${title}\n\n(load average before: ${load()})\n`);
  const started = Date.now();
  // size.mjs exits 1 when an entry is over its CI ceiling: still a figure here, reported and carried on.
  const { status } = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  console.log(`\n(${title}: ${((Date.now() - started) / 1000).toFixed(0)} s${status === 0 ? '' : `, exit code ${status}`})`);
  if (status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;

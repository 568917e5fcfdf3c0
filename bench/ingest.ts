/**
 * Batch ingest benchmark (not a pass/fail test): a year of a province, 250,000 dossiers each with its
 * history (4–6 events), sent through the HTTP batch API (`POST /v1/ingest/batch`, 1,000 rows a request, two
 * requests in flight) to the reference server in its own process (production settings, a fresh SQLite file,
 * the catalogue only). Prints rows per second and the total time, then checks the count and the statistics
 * through the API.
 *
 * Run: npm run bench:ingest [-- --dossiers 250000 --batch 1000]
 */
import { parseArgs } from 'node:util';
import { startReferenceServer } from '../test/support/reference-server.mjs';
import { ingestRow } from './ingest-rows.js';

const { values } = parseArgs({ options: { dossiers: { type: 'string' }, batch: { type: 'string' } } });
const TOTAL = Number(values.dossiers ?? 250_000);
const BATCH = Number(values.batch ?? 1000);
const KEY = 'bench-ingest-key-0123456789abcdef';
let PROCEDURES: string[] = [];

const server = await startReferenceServer({ demo: false, ingestKeys: [KEY], rateLimits: { ingest: { max: 1_000_000, windowMs: 60_000 } }, production: true });
try {
  // Commune-level procedures of the real catalogue.
  const page = (await (await fetch(`${server.url}/v1/procedures?level=commune&limit=20`)).json()) as { items: { code: string }[] };
  PROCEDURES = page.items.map((p) => p.code);
  const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
  let next = 0;
  let rows = 0;
  let bytes = 0;
  let rejected = 0;
  const examples: unknown[] = [];
  const started = performance.now();
  const worker = async () => {
    while (next < TOTAL) {
      const from = next;
      next = Math.min(TOTAL, next + BATCH);
      const body = JSON.stringify(Array.from({ length: next - from }, (_, k) => ingestRow(from + k, PROCEDURES)));
      bytes += body.length;
      const res = await fetch(`${server.url}/v1/ingest/batch`, { method: 'POST', headers, body });
      if (res.status !== 200) throw new Error(`batch at ${from}: ${res.status} ${await res.text()}`);
      const out = (await res.json()) as { counts: { rejected: number }; results: { outcome: string; errors?: unknown }[] };
      rows += out.results.length;
      rejected += out.counts.rejected;
      if (out.counts.rejected && examples.length < 3) examples.push(...out.results.filter((r) => r.outcome === 'rejected').slice(0, 3 - examples.length));
    }
  };
  await Promise.all([worker(), worker()]);
  const seconds = (performance.now() - started) / 1000;
  const stats = (await (await fetch(`${server.url}/v1/stats?from=2025-12-01&to=2026-11-30`)).json()) as { received: number; settled: number };
  const health = await fetch(`${server.url}/healthz`);
  console.log(`batch ingest: ${rows.toLocaleString('en')} dossiers with history in ${seconds.toFixed(1)} s = ` +
    `${Math.round(rows / seconds).toLocaleString('en')} rows/s (${BATCH} rows a request, ${(bytes / rows).toFixed(0)} B a row, ` +
    `${(bytes / 1e6).toFixed(0)} MB sent)`);
  console.log(`rejected rows: ${rejected.toLocaleString('en')}${examples.length ? ` e.g. ${JSON.stringify(examples[0])}` : ''}`);
  console.log(`statistics after the load: ${stats.received.toLocaleString('en')} received, ${stats.settled.toLocaleString('en')} settled (healthz ${health.status})`);
} finally {
  await server.stop();
}

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

const { values } = parseArgs({ options: { dossiers: { type: 'string' }, batch: { type: 'string' } } });
const TOTAL = Number(values.dossiers ?? 250_000);
const BATCH = Number(values.batch ?? 1000);
const KEY = 'bench-ingest-key-0123456789abcdef';
const UNITS = ['06220', '05983', '06463', '06613'];
let PROCEDURES: string[] = [];
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2025, 11, 1);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const at = (day: number, hour: number, minute = 0) => {
  const d = new Date(FIRST_DAY + day * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(hour)}:${pad(minute)}:00+07:00`;
};

/** Dossier `i`: filed on day i mod 360, a history that ends settled and returned for most. */
function row(i: number) {
  const day = i % 360;
  const d = new Date(FIRST_DAY + day * DAY_MS);
  const code = `000.31.05.H37-${pad(d.getUTCFullYear() % 100)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${pad(Math.floor(i / 360) + 1, 4)}`;
  const history = [
    { at: at(day, 8, i % 60), action: 'Tiếp nhận hồ sơ', unit: 'Trung tâm Phục vụ hành chính công xã Công Sơn', officerTitle: 'Công chức tiếp nhận', status: 2 },
    { at: at(day, 9, i % 60), action: 'Chuyển xử lý', unit: 'Công chức Tư pháp - Hộ tịch', status: 4 },
  ];
  const settled = i % 10 !== 0;
  if (i % 7 === 0) history.push({ at: at(day + 1, 10), action: 'Yêu cầu bổ sung giấy tờ', unit: 'Công chức Tư pháp - Hộ tịch', status: 5 },
    { at: at(day + 2, 10), action: 'Đã bổ sung, tiếp tục xử lý', unit: 'Công chức Tư pháp - Hộ tịch', status: 4 });
  if (settled) history.push({ at: at(day + 3, 15), action: 'Đã xử lý xong', unit: 'Lãnh đạo UBND xã', status: 9 },
    { at: at(day + 4, 9), action: 'Trả kết quả', unit: 'Trung tâm Phục vụ hành chính công xã Công Sơn', status: 10 });
  return {
    code,
    procedureCode: PROCEDURES[i % PROCEDURES.length],
    status: history.at(-1)!.status,
    receivedAt: history[0]!.at,
    appointmentAt: at(day + 5, 16, 30),
    // A returned dossier carries its finish and return dates (the batch keeps the dossier's rules).
    ...(settled ? { finishedAt: at(day + 3, 15), returnedAt: at(day + 4, 9) } : {}),
    applicant: { name: 'Nguyễn Văn An', phone: `09${pad(i % 100_000_000, 8)}` },
    unitCode: UNITS[i % UNITS.length],
    history,
  };
}

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
      const body = JSON.stringify(Array.from({ length: next - from }, (_, k) => row(from + k)));
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

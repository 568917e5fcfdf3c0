/**
 * National size (issue 16; not a pass/fail test): the reference server over PostgreSQL holding a national year
 * (10 million demo dossiers, generated in bulk by the server's own seed through COPY), beside the same server
 * over SQLite holding a province's year (250,000), in one run. For each: dossier lookup p50/p99 at fixed rates,
 * a province's yearly statistics (the province, a unit, an office), and batch ingest rows per second into the
 * loaded database, creating dossiers and then updating them. DESIGN.md's goals at national size: lookup p99
 * ≤ 10 ms, a province's yearly stats ≤ 50 ms.
 *
 * The servers run `packages/server/src/cli.ts` in their own process (NODE_ENV=production, limits raised). The
 * PostgreSQL cluster (Debian's, durable settings, 2 GB shared buffers) and the SQLite file are kept under
 * `$TMPDIR/motcua-national/` and reused by later runs: seeding 10 million dossiers takes a quarter of an hour
 * and ~25 GB of disk. `--fresh` seeds again.
 *
 * Run: node --conditions=source --import tsx bench/national.ts [--dossiers 10000000] [--province-dossiers 250000]
 *      [--duration 10] [--fresh] [--only postgres|sqlite]
 */
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { addDays, vnDate } from '@motcua/sdk';
import { startProcess } from '../test/support/reference-server.mjs';
import { startPostgres } from '../test/support/test-services.mjs';
import { ingestRow } from './ingest-rows.js';
import { phase, printPhases, type PhaseResult } from './load-phase.js';

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string' },
    'province-dossiers': { type: 'string' },
    duration: { type: 'string' },
    fresh: { type: 'boolean' },
    only: { type: 'string' },
  },
});
const NATIONAL = Number(values.dossiers ?? 10_000_000);
const PROVINCE = Number(values['province-dossiers'] ?? 250_000);
const DURATION = Math.min(30, Math.max(3, Number(values.duration ?? 10)));
const INGEST_ROWS = 20_000;
const INGEST_BATCH = 1000;
const KEY = 'bench-national-ingest-key-0123456789';
const DIR = join(tmpdir(), 'motcua-national');
const UNLIMITED = '100000000/min';

interface Engine {
  name: string;
  location: string;
  dossiers: number;
  /** Codes of stored dossiers, sampled at random. */
  sample: (n: number) => Promise<string[]>;
  count: () => Promise<number>;
}

/** The server CLI on `location`, seeding `dossiers` demo dossiers on its first start; resolves once it serves. */
async function startServer(engine: Engine) {
  const started = Date.now();
  const server = await startProcess(
    process.execPath,
    [
      '--max-old-space-size=16384', '--conditions=source', '--import', 'tsx', 'packages/server/src/cli.ts',
      '--port', '0', '--db', engine.location, '--demo', '--demo-dossiers', String(engine.dossiers),
      '--static', '', '--cdn', '', '--challenge-after', 'off', '--log-level', 'warn',
      '--rate-global', UNLIMITED, '--rate-lookup', UNLIMITED, '--rate-ingest', UNLIMITED,
    ],
    {
      name: `motcua-server (${engine.name})`,
      env: { NODE_ENV: 'production', MOTCUA_INGEST_KEYS: KEY },
      ready: (line: string) => /\bat (http:\/\/\S+)/.exec(line)?.[1]?.replace('//localhost:', '//127.0.0.1:'),
    },
  );
  return { ...server, url: server.info as string, startSeconds: (Date.now() - started) / 1000 };
}

/** `rows` dossiers through the batch API, two requests in flight; rows per second and what they did. */
async function ingest(url: string, procedures: readonly string[], agency: string) {
  const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
  let next = 0;
  const counts = { created: 0, updated: 0, rejected: 0 };
  const started = performance.now();
  const worker = async () => {
    while (next < INGEST_ROWS) {
      const from = next;
      next = Math.min(INGEST_ROWS, next + INGEST_BATCH);
      const body = JSON.stringify(Array.from({ length: next - from }, (_, k) => ingestRow(from + k, procedures, agency)));
      const res = await fetch(`${url}/v1/ingest/batch`, { method: 'POST', headers, body });
      if (res.status !== 200) throw new Error(`ingest batch at ${from}: ${res.status} ${await res.text()}`);
      const out = (await res.json()) as { counts: typeof counts };
      for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += out.counts[k] ?? 0;
    }
  };
  await Promise.all([worker(), worker()]);
  const seconds = (performance.now() - started) / 1000;
  return { rowsPerSecond: INGEST_ROWS / seconds, seconds, ...counts };
}

function postgresEngine(url: string): Engine {
  const query = async <T>(text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(text)).rows as T[];
    } finally {
      await client.end();
    }
  };
  return {
    name: 'PostgreSQL',
    location: url,
    dossiers: NATIONAL,
    // TABLESAMPLE reads a few pages at random instead of sorting ten million rows.
    sample: async (n) => (await query<{ code: string }>(`SELECT code FROM dossiers TABLESAMPLE SYSTEM (0.5) LIMIT ${n}`)).map((r) => r.code),
    count: async () => Number((await query<{ n: string }>('SELECT count(*) AS n FROM dossiers'))[0]!.n),
  };
}

function sqliteEngine(path: string): Engine {
  const read = <T>(work: (db: BetterSqlite3.Database) => T) => {
    const db = new BetterSqlite3(path, { readonly: true });
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  return {
    name: 'SQLite',
    location: path,
    dossiers: PROVINCE,
    sample: async (n) => read((db) => (db.prepare(`SELECT code FROM dossiers ORDER BY random() LIMIT ${n}`).all() as { code: string }[]).map((r) => r.code)),
    count: async () => read((db) => (db.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n),
  };
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Shuffled in place, deterministically (the sample of TABLESAMPLE comes in page order). */
function shuffle<T>(items: T[]): T[] {
  let seed = 20_251_201;
  for (let i = items.length - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    const j = seed % (i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

async function measure(engine: Engine): Promise<{ rows: PhaseResult[]; summary: string }> {
  console.log(`\n${engine.name}: starting the server over ${engine.location.replace(/\/\/[^@]*@/, '//')} (the first start seeds ${engine.dossiers.toLocaleString('en')} dossiers)…`);
  const server = await startServer(engine);
  try {
    const total = await engine.count();
    const codes = shuffle(await engine.sample(20_000)).map((c) => `/v1/dossiers/${c}`);
    const today = vnDate(new Date());
    const year = `from=${addDays(today, -364)}&to=${today}`;
    const offices = (await getJson<{ items: { id: string; unit?: { code: string } }[] }>(`${server.url}/v1/offices`)).items;
    const stats = [
      `/v1/stats?${year}`,
      ...offices.slice(0, 6).map((o) => `/v1/stats?office=${o.id}&${year}`),
      ...offices.flatMap((o) => (o.unit ? [`/v1/stats?unit=${o.unit.code}&${year}`] : [])).slice(0, 6),
    ];
    const procedures = (await getJson<{ items: { code: string }[] }>(`${server.url}/v1/procedures?level=commune&limit=20`)).items.map((p) => p.code);
    console.log(`${engine.name}: ${total.toLocaleString('en')} dossiers; server ready in ${server.startSeconds.toFixed(0)} s; ${codes.length} codes sampled; load average ${loadavg()[0]!.toFixed(2)}`);

    const pid = server.pid;
    await phase('warm-up', '', server.url, [...codes.slice(0, 2000), ...stats], { duration: 5, connections: 4 });
    const rows: PhaseResult[] = [];
    const measured = async (result: Promise<PhaseResult>) => {
      const r = await result;
      rows.push(r);
      console.log(`${engine.name}: ${r.name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, ${r.non2xx} errors`);
    };
    await measured(phase('lookup @100/s', 'p99 ≤ 10 ms', server.url, codes, { duration: DURATION, connections: 2, overallRate: 100, serverPid: pid }));
    await measured(phase('lookup @500/s', 'p99 ≤ 10 ms', server.url, codes.slice(5000), { duration: DURATION, connections: 4, overallRate: 500, serverPid: pid }));
    await measured(phase('lookup @1000/s', 'p99 ≤ 10 ms', server.url, codes.slice(10_000), { duration: DURATION, connections: 4, overallRate: 1000, serverPid: pid }));
    await measured(phase('yearly stats @20/s', '≤ 50 ms', server.url, stats, { duration: DURATION, connections: 2, overallRate: 20, serverPid: pid }));
    // An agency identifier of this run's own (the demo's start with 000), so the first pass creates its dossiers
    // whatever earlier runs stored; the second sends the same rows again and updates them.
    const part = (n: number) => Math.floor(Math.random() * n);
    const agency = `${100 + part(900)}.${String(part(100)).padStart(2, '0')}.05.H37`;
    const pass = async () => {
      const r = await ingest(server.url, procedures, agency);
      return `${Math.round(r.rowsPerSecond).toLocaleString('en')} rows/s (${r.created} created, ${r.updated} updated, ${r.rejected} rejected, ${r.seconds.toFixed(1)} s)`;
    };
    const creating = await pass();
    const updating = await pass();
    const summary =
      `${engine.name}, ${total.toLocaleString('en')} dossiers: batch ingest of ${INGEST_ROWS.toLocaleString('en')} dossiers with history ` +
      `(${INGEST_BATCH} a request, 2 in flight), creating at ${creating}, then the same rows again, updating at ${updating}`;
    console.log(summary);
    return { rows: rows.map((r) => ({ ...r, name: `${engine.name} ${(total / 1e6).toFixed(2)} M: ${r.name}` })), summary };
  } finally {
    await server.stop();
  }
}

if (values.fresh) rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
console.log(`national-size bench: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
const results: { rows: PhaseResult[]; summary: string }[] = [];
if (values.only !== 'postgres') results.push(await measure(sqliteEngine(join(DIR, `sqlite-${PROVINCE}.db`))));
if (values.only !== 'sqlite') {
  const cluster = await startPostgres({ dataDir: join(DIR, 'pg') });
  try {
    results.push(await measure(postgresEngine(cluster.url.replace(/\/postgres$/, `/motcua_${NATIONAL}`))));
  } finally {
    await cluster.stop();
  }
}
printPhases(results.flatMap((r) => r.rows));
for (const r of results) console.log(`\n${r.summary}`);
console.log(`\nload average (1, 5, 15 min): ${loadavg().map((l) => l.toFixed(2)).join(', ')} on ${cpus().length} CPUs`);
